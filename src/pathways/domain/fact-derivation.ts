import type { ChecklistRecord, NotApplicableMark } from '../../checklist/domain/checklist.js';
import {
  CORE_TREATMENTS,
  INJECTION_TREATMENTS,
  NUMERIC_FACT_RANGES,
  TREATMENTS,
  type HipFacts,
  type Treatment,
} from '../../contract/vocabulary.js';
import { brusselsDate, completedYears, daysBetween, type CalendarDate } from '../../contract/calendar-date.js';
import type { RecordingEvent } from './pathway-events.js';
import { effectiveRecordings, type PathwayState } from './pathway-state-machine.js';

/** An injection counts for 12 weeks after it was given. */
const INJECTION_WINDOW_DAYS = 84;

/** Treatments that are not medicines: the core treatments and the aids. */
const NON_PHARMACOLOGICAL: readonly Treatment[] = [...CORE_TREATMENTS, 'WALKING_AID', 'ICE', 'ACTIVITY_PACING'];

export interface DerivationInput {
  readonly birthDate: CalendarDate;
  /** The evaluation instant; facts are derived on its calendar date in Brussels. */
  readonly now: Date;
}

export interface PathwayRecord {
  readonly facts: HipFacts;
  readonly checklistRecord: ChecklistRecord;
}

/** The facts of the pathway's hip and the checklist's record, as the contract's Facts section derives them. */
export function derivePathwayRecord(state: PathwayState, { birthDate, now }: DerivationInput): PathwayRecord {
  const today = brusselsDate(now);
  const recordings = effectiveRecordings(state, today);
  const surgeryDate = recordings.findLast((r) => r.type === 'SURGERY_PERFORMED')?.clinicalDate;
  const firstTreatmentStart = recordings.find((r) => r.type === 'TREATMENT_STARTED')?.clinicalDate;

  const facts: HipFacts = { stage: state.stage, treatments: treatmentsGiven(recordings, today) };
  const age = completedYears(birthDate, today);
  if (age >= 0) facts.ageYears = Math.min(age, NUMERIC_FACT_RANGES.ageYears.max);
  if (firstTreatmentStart !== undefined) {
    facts.conservativeTreatmentWeeks = wholeWeeks(firstTreatmentStart, today, NUMERIC_FACT_RANGES.conservativeTreatmentWeeks.max);
  }
  if (surgeryDate !== undefined) {
    facts.weeksSinceSurgery = wholeWeeks(surgeryDate, today, NUMERIC_FACT_RANGES.weeksSinceSurgery.max);
  }

  let followUpDate: CalendarDate | undefined;
  let pharmacologicalTreatmentRecorded = false;
  let noAnalgesiaNeededRecorded = false;
  const notApplicableMarks: NotApplicableMark[] = [];
  for (const recording of recordings) {
    switch (recording.type) {
      case 'CLINICAL_EXAM_RECORDED':
      case 'RISK_FACTORS_RECORDED':
      case 'NSAID_RISK_FACTORS_RECORDED':
      case 'SURGICAL_INDICATION_RECORDED':
      case 'SURGICAL_RISK_FACTORS_RECORDED':
        assignKnown(facts, recording.payload);
        break;
      case 'RED_FLAGS_SCREENED':
        assignKnown(facts, { redFlagsScreened: true, redFlags: recording.payload.redFlags });
        break;
      case 'XRAY_RESULT_RECORDED':
        // The latest X-ray stands as a whole: an ungraded newer film does not keep an older film's grade.
        facts.xrayPerformed = true;
        facts.kellgrenLawrenceGrade = recording.payload.kellgrenLawrenceGrade;
        if (facts.kellgrenLawrenceGrade === undefined) delete facts.kellgrenLawrenceGrade;
        break;
      case 'PATIENT_REPORTED_OUTCOMES_RECORDED': {
        const { painScore, oxfordHipScore } = recording.payload;
        const preoperative = surgeryDate === undefined || recording.clinicalDate <= surgeryDate;
        assignKnown(facts, preoperative ? { painScore, oxfordHipScore } : { painScore, postoperativeOxfordHipScore: oxfordHipScore });
        break;
      }
      case 'POSTOPERATIVE_OUTCOME_RECORDED':
        facts.postoperativeOxfordHipScore = recording.payload.oxfordHipScore;
        break;
      case 'SHARED_DECISION_DOCUMENTED':
        facts.sharedDecisionDocumented = true;
        break;
      case 'TREATMENT_STARTED':
        pharmacologicalTreatmentRecorded ||= !NON_PHARMACOLOGICAL.includes(recording.payload.treatment);
        break;
      case 'ANALGESIA_REVIEWED_NONE_NEEDED':
        noAnalgesiaNeededRecorded = true;
        break;
      case 'FOLLOW_UP_PLANNED':
        followUpDate = recording.payload.followUpDate;
        break;
      case 'CHECKLIST_ITEM_NOT_APPLICABLE':
        notApplicableMarks.push(recording.payload);
        break;
      case 'XRAY_ORDERED':
      case 'TREATMENT_STOPPED':
      case 'SURGERY_PERFORMED':
        break;
    }
  }
  return {
    facts,
    checklistRecord: { followUpDate, surgeryDate, pharmacologicalTreatmentRecorded, noAnalgesiaNeededRecorded, notApplicableMarks },
  };
}

/**
 * Core treatments once given; injections for 12 weeks after the latest one (a stop does not
 * shorten that: the pre-surgery infection risk remains); every other treatment while its latest
 * start is not followed by a stop. Always a known list: the pathway records what is given.
 */
function treatmentsGiven(recordings: readonly RecordingEvent[], today: CalendarDate): Treatment[] {
  const given = new Set<Treatment>();
  const injectedOn = new Map<Treatment, CalendarDate>();
  for (const recording of recordings) {
    if (recording.type === 'TREATMENT_STARTED') {
      const { treatment } = recording.payload;
      if (INJECTION_TREATMENTS.includes(treatment)) injectedOn.set(treatment, recording.clinicalDate);
      else given.add(treatment);
    } else if (recording.type === 'TREATMENT_STOPPED' && !CORE_TREATMENTS.includes(recording.payload.treatment)) {
      given.delete(recording.payload.treatment);
    }
  }
  return TREATMENTS.filter((treatment) => {
    const injected = injectedOn.get(treatment);
    return given.has(treatment) || (injected !== undefined && daysBetween(injected, today) < INJECTION_WINDOW_DAYS);
  });
}

function wholeWeeks(from: CalendarDate, to: CalendarDate, max: number): number {
  return Math.min(Math.floor(daysBetween(from, to) / 7), max);
}

/** Copies the known (defined) values onto the facts: a value left out keeps the earlier one. */
function assignKnown(facts: HipFacts, values: Partial<HipFacts>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) Object.assign(facts, { [name]: value });
  }
}
