/**
 * A plain in-memory reading of the contract's quality indicators (docs/clinical/guideline.md,
 * "Audit: quality indicators") over pathways' events, written apart from the reporting projection
 * and its SQL: it reads the events through the pure core (replay, fact derivation, the guideline's
 * derived facts) and the definitions as the contract words them. The oracle the reports are
 * compared with.
 */
import { brusselsDate, daysBetween, type CalendarDate } from '../../src/contract/calendar-date.js';
import type { HipFacts, HipSide, PathwayStage, Treatment } from '../../src/contract/vocabulary.js';
import { atypical, typicalPresentation } from '../../src/guideline/domain/rules/derived-facts.js';
import { derivePathwayRecord } from '../../src/pathways/domain/fact-derivation.js';
import type { PathwayEvent, RecordingEvent } from '../../src/pathways/domain/pathway-events.js';
import { replayPathway, toPathwayEvent } from '../../src/pathways/domain/pathway-replay.js';
import type { PathwayState } from '../../src/pathways/domain/pathway-state-machine.js';

/** The contract's QI_PROM_GAIN: a postoperative score counts from 182 days (26 weeks) after surgery; a gain of 8 or more. */
const PROM_DUE_DAYS = 182;
const PROM_GAIN = 8;

export interface OracleEvent {
  sequence: number;
  type: string;
  payload: unknown;
  clinicalDate: CalendarDate | null;
  recordedAt: Date;
  actor: string;
  actingFor: string | null;
}

export interface OracleFilter {
  from?: CalendarDate;
  to?: CalendarDate;
  side?: HipSide;
  stage?: PathwayStage;
  clinician?: string;
  site?: string;
}

export interface OracleFigures {
  code: string;
  numerator: number;
  denominator: number;
  percentage: number | null;
  unsuitableNonSurgicalCare: number | null;
  weakOpioids: number | null;
  notYetDue: number | null;
  scoreMissing: number | null;
}

type Membership = 'NUMERATOR' | 'COMPLEMENT' | undefined;

/** What one pathway contributes: its cohort attributes and, per indicator, where it stands. */
export interface OraclePathway {
  side: HipSide;
  site: string | null;
  stage: PathwayStage;
  cohortDate: CalendarDate;
  firstExamClinician: string | null;
  clinicalDiagnosis: Membership;
  exercise: Membership;
  weight: Membership;
  coreBeforeReferral: Membership;
  unsuitableAtReferral: boolean;
  nsaidGastroprotection: Membership;
  avoidedTreatments: Membership;
  weakOpioid: boolean;
  promGain: Membership | 'NOT_YET_DUE' | 'SCORE_MISSING';
}

const membership = (inDenominator: boolean, inNumerator: () => boolean): Membership =>
  inDenominator ? (inNumerator() ? 'NUMERATOR' : 'COMPLEMENT') : undefined;

/** Reads one pathway's events (in sequence order) as the contract's definitions say, on `reportDate`. */
export function readPathway(events: readonly OracleEvent[], birthDate: CalendarDate, reportDate: CalendarDate): OraclePathway {
  const pathwayEvents = events.map(toPathwayEvent);
  const state = replayPathway(pathwayEvents);
  // Reports read the corrected record: a recording marked entered-in-error counts nowhere, at no moment.
  const inError = new Set(state.enteredInErrorSequences);
  const recordings = state.recordings
    .filter((recording) => !inError.has(recording.sequence))
    .sort((a, b) => a.clinicalDate.localeCompare(b.clinicalDate) || a.sequence - b.sequence);
  const dayOf = (event: PathwayEvent) => brusselsDate(events[event.sequence - 1].recordedAt);
  const factsOn = (from: PathwayState, day: CalendarDate): HipFacts =>
    derivePathwayRecord(from, { birthDate, now: new Date(`${day}T12:00:00Z`) }).facts;
  const firstMoveTo = (stage: PathwayStage) => pathwayEvents.find((event) => event.type === 'STAGE_CHANGED' && event.payload.to === stage);
  /** Facts at a move: the recordings made before it, on its date (the corrections, whenever made, applied). */
  const factsAtMove = (move: PathwayEvent) =>
    factsOn({ ...state, recordings: state.recordings.filter((recording) => recording.sequence < move.sequence) }, dayOf(move));
  const started = (treatments: readonly Treatment[]) =>
    recordings.filter((recording) => recording.type === 'TREATMENT_STARTED' && treatments.includes(recording.payload.treatment));

  const opening = pathwayEvents[0] as Extract<PathwayEvent, { type: 'PATHWAY_OPENED' }>;
  const firstExam = recordings.find((recording) => recording.type === 'CLINICAL_EXAM_RECORDED');
  const enteredConservative = firstMoveTo('CONSERVATIVE_TREATMENT');
  const enteredReferral = firstMoveTo('SURGICAL_REFERRAL');
  const surgeryOn = recordings.findLast((recording) => recording.type === 'SURGERY_PERFORMED')?.clinicalDate;
  const beforeSurgery = (recording: RecordingEvent) => surgeryOn === undefined || recording.clinicalDate < surgeryOn;

  const examFacts = firstExam && factsOn(state, firstExam.clinicalDate);
  const referralFacts = enteredReferral && factsAtMove(enteredReferral);
  const unsuitableAtReferral = referralFacts?.nonSurgicalTreatmentUnsuitable === true;
  const bmiOnReportDate = factsOn(state, reportDate).bmi;
  const nsaidStarted = started(['ORAL_NSAID']).length > 0;

  return {
    side: opening.payload.side,
    site: opening.payload.site ?? null,
    stage: state.stage,
    cohortDate: firstExam?.clinicalDate ?? dayOf(opening),
    firstExamClinician: firstExam ? (events[firstExam.sequence - 1].actingFor ?? events[firstExam.sequence - 1].actor) : null,
    clinicalDiagnosis: membership(
      enteredConservative !== undefined && examFacts !== undefined && typicalPresentation(examFacts) === true && atypical(examFacts) === false,
      () =>
        !recordings.some(
          (recording) =>
            (recording.type === 'XRAY_ORDERED' || recording.type === 'XRAY_RESULT_RECORDED') && recording.clinicalDate <= dayOf(enteredConservative!),
        ),
    ),
    exercise: membership(enteredConservative !== undefined, () => started(['EXERCISE_THERAPY', 'PHYSIOTHERAPY']).length > 0),
    weight: membership(
      enteredConservative !== undefined && bmiOnReportDate !== undefined && bmiOnReportDate >= 25,
      () => started(['WEIGHT_MANAGEMENT']).length > 0,
    ),
    coreBeforeReferral: membership(
      referralFacts !== undefined && !unsuitableAtReferral,
      () => (referralFacts!.conservativeTreatmentWeeks ?? -1) >= 12,
    ),
    unsuitableAtReferral,
    nsaidGastroprotection: membership(nsaidStarted, () => givenOnACommonDay(recordings, 'ORAL_NSAID', 'GASTROPROTECTION')),
    avoidedTreatments: membership(enteredConservative !== undefined, () =>
      started(['STRONG_OPIOID', 'HYALURONIC_ACID_INJECTION', 'GLUCOSAMINE']).some(beforeSurgery),
    ),
    weakOpioid: enteredConservative !== undefined && started(['WEAK_OPIOID']).some(beforeSurgery),
    promGain: promGain(recordings, surgeryOn, reportDate),
  };
}

/**
 * Whether both treatments were given on some day. Given on a day: the day's last start or stop of
 * it, or else the latest before it, is a start (neither is an injection here). Both being given
 * only changes on days with a start or stop of either, so those days are the ones to look at.
 */
function givenOnACommonDay(recordings: readonly RecordingEvent[], first: Treatment, second: Treatment): boolean {
  const changes = (treatment: Treatment) =>
    recordings.filter(
      (recording) => (recording.type === 'TREATMENT_STARTED' || recording.type === 'TREATMENT_STOPPED') && recording.payload.treatment === treatment,
    );
  const givenOn = (treatment: Treatment, day: CalendarDate) =>
    changes(treatment).findLast((change) => change.clinicalDate <= day)?.type === 'TREATMENT_STARTED';
  return [...changes(first), ...changes(second)].some(({ clinicalDate }) => givenOn(first, clinicalDate) && givenOn(second, clinicalDate));
}

function promGain(recordings: readonly RecordingEvent[], surgeryOn: CalendarDate | undefined, reportDate: CalendarDate): OraclePathway['promGain'] {
  if (surgeryOn === undefined) return undefined;
  const scores = recordings.flatMap((recording) =>
    (recording.type === 'PATIENT_REPORTED_OUTCOMES_RECORDED' || recording.type === 'POSTOPERATIVE_OUTCOME_RECORDED') &&
    recording.payload.oxfordHipScore !== undefined
      ? [{ on: recording.clinicalDate, score: recording.payload.oxfordHipScore }]
      : [],
  );
  const before = scores.findLast(({ on }) => on <= surgeryOn);
  const after = scores.findLast(({ on }) => daysBetween(surgeryOn, on) >= PROM_DUE_DAYS);
  if (before && after) return after.score - before.score >= PROM_GAIN ? 'NUMERATOR' : 'COMPLEMENT';
  return daysBetween(surgeryOn, reportDate) < PROM_DUE_DAYS ? 'NOT_YET_DUE' : 'SCORE_MISSING';
}

export function inCohort(pathway: OraclePathway, filter: OracleFilter): boolean {
  return (
    (filter.from === undefined || pathway.cohortDate >= filter.from) &&
    (filter.to === undefined || pathway.cohortDate <= filter.to) &&
    (filter.side === undefined || pathway.side === filter.side) &&
    (filter.stage === undefined || pathway.stage === filter.stage) &&
    (filter.clinician === undefined || pathway.firstExamClinician === filter.clinician) &&
    (filter.site === undefined || pathway.site === filter.site)
  );
}

/** The seven indicators over the pathways of the cohort, in the contract's order. */
export function qualityIndicators(pathways: readonly OraclePathway[], filter: OracleFilter): OracleFigures[] {
  const cohort = pathways.filter((pathway) => inCohort(pathway, filter));
  const count = (predicate: (pathway: OraclePathway) => boolean) => cohort.filter(predicate).length;
  const figures = (code: string, of: (pathway: OraclePathway) => OraclePathway['promGain'], separate: Partial<OracleFigures> = {}): OracleFigures => {
    const numerator = count((pathway) => of(pathway) === 'NUMERATOR');
    const denominator = numerator + count((pathway) => of(pathway) === 'COMPLEMENT');
    return {
      code,
      numerator,
      denominator,
      percentage: denominator === 0 ? null : halfUpTenths(numerator, denominator),
      unsuitableNonSurgicalCare: null,
      weakOpioids: null,
      notYetDue: null,
      scoreMissing: null,
      ...separate,
    };
  };
  return [
    figures('QI_CLINICAL_DIAGNOSIS', (pathway) => pathway.clinicalDiagnosis),
    figures('QI_EXERCISE', (pathway) => pathway.exercise),
    figures('QI_WEIGHT', (pathway) => pathway.weight),
    figures('QI_CORE_BEFORE_REFERRAL', (pathway) => pathway.coreBeforeReferral, {
      unsuitableNonSurgicalCare: count((pathway) => pathway.unsuitableAtReferral),
    }),
    figures('QI_NSAID_GASTROPROTECTION', (pathway) => pathway.nsaidGastroprotection),
    figures('QI_AVOIDED_TREATMENTS', (pathway) => pathway.avoidedTreatments, {
      weakOpioids: count((pathway) => pathway.weakOpioid),
    }),
    figures('QI_PROM_GAIN', (pathway) => pathway.promGain, {
      notYetDue: count((pathway) => pathway.promGain === 'NOT_YET_DUE'),
      scoreMissing: count((pathway) => pathway.promGain === 'SCORE_MISSING'),
    }),
  ];
}

/** numerator / denominator x 100, rounded half up to one decimal, in whole numbers until the end. */
function halfUpTenths(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator * 1000 + denominator) / (2 * denominator)) / 10;
}
