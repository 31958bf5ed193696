import { brusselsDate, daysBetween, type CalendarDate } from '../../contract/calendar-date.js';
import type { CloseReason, HipFacts, HipSide, PathwayStage, Treatment } from '../../contract/vocabulary.js';
import { atypical, typicalPresentation } from '../../guideline/domain/rules/derived-facts.js';
import { derivePathwayRecord, treatmentGivenOn } from '../../pathways/domain/fact-derivation.js';
import type { FeedbackChannel, PathwayEvent, PathwayEventPayloads, RecordingEvent } from '../../pathways/domain/pathway-events.js';
import { replayPathway, toPathwayEvent, type StoredPathwayEvent } from '../../pathways/domain/pathway-replay.js';
import { effectiveRecordings, type PathwayState } from '../../pathways/domain/pathway-state-machine.js';
import { PROM_DUE_AFTER_DAYS } from './quality-indicators.js';

/** An event of a pathway stream as the audit log holds it, with who recorded it and when. */
export interface ReportedEvent extends StoredPathwayEvent {
  readonly recordedAt: Date;
  readonly actor: string;
  /** The clinician an integration acted for. */
  readonly actingFor: string | null;
}

/** A pathway_report row's values (without its ids and update time). QI_* are null outside the indicator's denominator. */
export interface PathwayReportValues {
  side: HipSide;
  site: string | null;
  stage: PathwayStage;
  openedOn: CalendarDate;
  /** The first exam's clinical date, or the opening date when no exam is recorded. */
  cohortDate: CalendarDate;
  firstExamOn: CalendarDate | null;
  /** Who recorded the first exam (for an integration, the clinician it acted for). */
  firstExamClinician: string | null;
  enteredConservativeOn: CalendarDate | null;
  enteredReferralOn: CalendarDate | null;
  surgeryOn: CalendarDate | null;
  qiClinicalDiagnosis: boolean | null;
  qiExercise: boolean | null;
  qiWeight: boolean | null;
  qiCoreBeforeReferral: boolean | null;
  referralNonSurgicalUnsuitable: boolean;
  qiNsaidGastroprotection: boolean | null;
  qiAvoidedTreatments: boolean | null;
  weakOpioidStarted: boolean | null;
  preoperativeOxfordHipScore: number | null;
  postoperativeOxfordHipScore: number | null;
}

/** A stage_move row's values: one per STAGE_CHANGED event, and one for the opening. */
export interface StageMoveValues {
  sequence: number;
  fromStage: PathwayStage | null;
  toStage: PathwayStage;
  movedOn: CalendarDate;
  recordedAt: Date;
  actor: string;
  actingFor: string | null;
  deviation: boolean;
  deviationReason: string | null;
  closeReason: CloseReason | null;
}

/** A suggestion_feedback row's values: one per SUGGESTION_FEEDBACK_GIVEN event. */
export interface SuggestionFeedbackValues {
  sequence: number;
  code: string;
  outcome: PathwayEventPayloads['SUGGESTION_FEEDBACK_GIVEN']['outcome'];
  reasonCode: string | null;
  comment: string | null;
  givenOn: CalendarDate;
  recordedAt: Date;
  actor: string;
  actingFor: string | null;
  ruleSetVersion: string;
  channel: FeedbackChannel;
  /** CDS Hooks: the card the feedback is about and the pathway version it was issued on. */
  cardUuid: string | null;
  cardPathwayVersion: number | null;
}

export interface PathwayReport {
  report: PathwayReportValues;
  stageMoves: StageMoveValues[];
  suggestionFeedback: SuggestionFeedbackValues[];
}

const CORE_TREATMENT_WEEKS_BEFORE_REFERRAL = 12;
const OVERWEIGHT_BMI = 25;
const EXERCISE: readonly Treatment[] = ['EXERCISE_THERAPY', 'PHYSIOTHERAPY'];
const AVOIDED: readonly Treatment[] = ['STRONG_OPIOID', 'HYALURONIC_ACID_INJECTION', 'GLUCOSAMINE'];

type EventOfType<T extends PathwayEvent['type']> = Extract<PathwayEvent, { type: T }>;

/**
 * The reporting projection of one pathway, a pure function of its events (in sequence order) and
 * the patient's birth date, following the contract's "Audit: quality indicators" to the letter.
 * Reports read the corrected record: a recording marked entered-in-error counts nowhere, even at
 * moments before it was marked. QI_PROM_GAIN's date logic (due or not) is left to the report's SQL.
 */
export function reportPathway(storedEvents: readonly ReportedEvent[], birthDate: CalendarDate): PathwayReport {
  const events = storedEvents.map(toPathwayEvent);
  const corrected = replayPathway(events);
  // Replay checked that the stream opens with PATHWAY_OPENED and that sequences run 1, 2, 3, …
  const opening = events[0] as EventOfType<'PATHWAY_OPENED'>;
  const recordedOf = (event: PathwayEvent): ReportedEvent => storedEvents[event.sequence - 1];
  const dayOf = (event: PathwayEvent): CalendarDate => brusselsDate(recordedOf(event).recordedAt);
  const moves = events.filter((event): event is EventOfType<'STAGE_CHANGED'> => event.type === 'STAGE_CHANGED');
  const firstMoveTo = (stage: PathwayStage) => moves.find((move) => move.payload.to === stage);
  /** The facts at a move: from the recordings made before it, on its date, corrections applied. */
  const factsAt = (move: PathwayEvent): HipFacts =>
    factsOn(correctedAs(replayPathway(events.slice(0, move.sequence - 1)), corrected), birthDate, recordedOf(move).recordedAt);

  // Every recording is dated on or before this day, so what is derived on it is what a report on any later day reads.
  const latestDay = [...events.map(dayOf), ...corrected.recordings.map((recording) => recording.clinicalDate)].reduce(later);
  const recordings = effectiveRecordings(corrected, latestDay);
  const { facts, checklistRecord } = derivePathwayRecord(corrected, { birthDate, now: middayOn(latestDay) });
  const surgeryOn = checklistRecord.surgeryDate ?? null;
  const startsOf = (treatments: readonly Treatment[]) =>
    recordings.filter((recording) => recording.type === 'TREATMENT_STARTED' && treatments.includes(recording.payload.treatment));
  const startedBeforeSurgery = (treatments: readonly Treatment[]) =>
    startsOf(treatments).some((start) => surgeryOn === null || start.clinicalDate < surgeryOn);

  const firstExam = recordings.find((recording) => recording.type === 'CLINICAL_EXAM_RECORDED');
  const enteredConservative = firstMoveTo('CONSERVATIVE_TREATMENT');
  const enteredReferral = firstMoveTo('SURGICAL_REFERRAL');
  const referralFacts = enteredReferral && factsAt(enteredReferral);
  const referralNonSurgicalUnsuitable = referralFacts?.nonSurgicalTreatmentUnsuitable === true;
  const openedOn = dayOf(opening);

  const report: PathwayReportValues = {
    side: opening.payload.side,
    site: opening.payload.site ?? null,
    stage: corrected.stage,
    openedOn,
    cohortDate: firstExam?.clinicalDate ?? openedOn,
    firstExamOn: firstExam?.clinicalDate ?? null,
    firstExamClinician: firstExam ? (recordedOf(firstExam).actingFor ?? recordedOf(firstExam).actor) : null,
    enteredConservativeOn: enteredConservative ? dayOf(enteredConservative) : null,
    enteredReferralOn: enteredReferral ? dayOf(enteredReferral) : null,
    surgeryOn,
    qiClinicalDiagnosis: null,
    qiExercise: null,
    qiWeight: null,
    qiCoreBeforeReferral: null,
    referralNonSurgicalUnsuitable,
    qiNsaidGastroprotection: null,
    qiAvoidedTreatments: null,
    weakOpioidStarted: null,
    preoperativeOxfordHipScore: surgeryOn === null ? null : (facts.oxfordHipScore ?? null),
    postoperativeOxfordHipScore: surgeryOn === null ? null : latestScoreFrom(recordings, surgeryOn),
  };

  if (enteredConservative) {
    const enteredOn = dayOf(enteredConservative);
    const examFacts = firstExam && factsOn(corrected, birthDate, middayOn(firstExam.clinicalDate));
    if (examFacts && typicalPresentation(examFacts) === true && atypical(examFacts) === false) {
      report.qiClinicalDiagnosis = !recordings.some(
        (recording) => (recording.type === 'XRAY_ORDERED' || recording.type === 'XRAY_RESULT_RECORDED') && recording.clinicalDate <= enteredOn,
      );
    }
    report.qiExercise = startsOf(EXERCISE).length > 0;
    if (facts.bmi !== undefined && facts.bmi >= OVERWEIGHT_BMI) report.qiWeight = startsOf(['WEIGHT_MANAGEMENT']).length > 0;
    report.qiAvoidedTreatments = startedBeforeSurgery(AVOIDED);
    report.weakOpioidStarted = startedBeforeSurgery(['WEAK_OPIOID']);
  }
  if (referralFacts && !referralNonSurgicalUnsuitable) {
    report.qiCoreBeforeReferral = (referralFacts.conservativeTreatmentWeeks ?? 0) >= CORE_TREATMENT_WEEKS_BEFORE_REFERRAL;
  }
  const nsaidStarts = startsOf(['ORAL_NSAID']);
  if (nsaidStarts.length > 0) {
    // A treatment's days given are runs that each begin on a start day, so two treatments given on
    // a common day are both given on the start day of one of them.
    report.qiNsaidGastroprotection = [...nsaidStarts, ...startsOf(['GASTROPROTECTION'])].some(
      ({ clinicalDate }) => treatmentGivenOn(corrected, 'ORAL_NSAID', clinicalDate) && treatmentGivenOn(corrected, 'GASTROPROTECTION', clinicalDate),
    );
  }

  const byWhomAndWhen = (event: PathwayEvent) => {
    const { recordedAt, actor, actingFor } = recordedOf(event);
    return { sequence: event.sequence, recordedAt, actor, actingFor };
  };
  return {
    report,
    stageMoves: [
      {
        ...byWhomAndWhen(opening),
        fromStage: null,
        toStage: 'CLINICAL_EXAM',
        movedOn: openedOn,
        deviation: false,
        deviationReason: null,
        closeReason: null,
      },
      ...moves.map((move): StageMoveValues => ({
        ...byWhomAndWhen(move),
        fromStage: move.payload.from,
        toStage: move.payload.to,
        movedOn: dayOf(move),
        deviation: move.payload.deviation,
        deviationReason: move.payload.deviationReason ?? null,
        closeReason: move.payload.closeReason ?? null,
      })),
    ],
    suggestionFeedback: events
      .filter((event): event is EventOfType<'SUGGESTION_FEEDBACK_GIVEN'> => event.type === 'SUGGESTION_FEEDBACK_GIVEN')
      .map((feedback) => ({
        ...byWhomAndWhen(feedback),
        code: feedback.payload.code,
        outcome: feedback.payload.outcome,
        reasonCode: feedback.payload.reasonCode ?? null,
        comment: feedback.payload.comment ?? null,
        givenOn: dayOf(feedback),
        ruleSetVersion: feedback.payload.ruleSetVersion,
        channel: feedback.payload.channel ?? 'GRAPHQL',
        cardUuid: feedback.payload.cardUuid ?? null,
        cardPathwayVersion: feedback.payload.cardPathwayVersion ?? null,
      })),
  };
}

/** The state at an earlier moment, read with the corrections made since: entered-in-error counts nowhere. */
function correctedAs(earlier: PathwayState, corrected: PathwayState): PathwayState {
  return { ...earlier, enteredInErrorSequences: corrected.enteredInErrorSequences };
}

function factsOn(state: PathwayState, birthDate: CalendarDate, now: Date): HipFacts {
  return derivePathwayRecord(state, { birthDate, now }).facts;
}

/** The latest Oxford Hip Score dated at least PROM_DUE_AFTER_DAYS after the surgery (recordings in date order). */
function latestScoreFrom(recordings: readonly RecordingEvent[], surgeryOn: CalendarDate): number | null {
  let latest: number | null = null;
  for (const recording of recordings) {
    if (recording.type !== 'PATIENT_REPORTED_OUTCOMES_RECORDED' && recording.type !== 'POSTOPERATIVE_OUTCOME_RECORDED') continue;
    const score = recording.payload.oxfordHipScore;
    if (score !== undefined && daysBetween(surgeryOn, recording.clinicalDate) >= PROM_DUE_AFTER_DAYS) latest = score;
  }
  return latest;
}

/** An instant on `date` in Brussels (noon UTC is 13:00 or 14:00 there): derivation evaluates on its Brussels date. */
function middayOn(date: CalendarDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

function later(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}
