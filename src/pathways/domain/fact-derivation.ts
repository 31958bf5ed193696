import type { ChecklistRecord, NotApplicableMark } from '../../checklist/domain/checklist.js';
import {
  CORE_TREATMENT_GROUPS,
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

/** An injection counts on the day it was given and on the 90 days after it (3 months). */
const INJECTION_WINDOW_DAYS = 90;

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
  const courses = treatmentCourses(recordings);

  const facts: HipFacts = { stage: state.stage, treatments: treatmentsGiven(courses, today) };
  const age = completedYears(birthDate, today);
  if (age >= 0) facts.ageYears = Math.min(age, NUMERIC_FACT_RANGES.ageYears.max);
  if (surgeryDate !== undefined) {
    facts.weeksSinceSurgery = wholeWeeks(surgeryDate, today, NUMERIC_FACT_RANGES.weeksSinceSurgery.max);
  }

  /** Any recorded Oxford Hip Score, placed by its clinical date around the surgery (recordings are in date order). */
  const placeOxfordHipScore = (clinicalDate: CalendarDate, score: number | undefined): void => {
    if (score === undefined) return;
    if (surgeryDate === undefined || clinicalDate <= surgeryDate) facts.oxfordHipScore = score;
    else facts.postoperativeOxfordHipScore = score;
  };
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
      case 'PATIENT_REPORTED_OUTCOMES_RECORDED':
        assignKnown(facts, { painScore: recording.payload.painScore });
        placeOxfordHipScore(recording.clinicalDate, recording.payload.oxfordHipScore);
        break;
      case 'POSTOPERATIVE_OUTCOME_RECORDED':
        placeOxfordHipScore(recording.clinicalDate, recording.payload.oxfordHipScore);
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
  const coreTreatmentCompletedOn = coreTreatmentCompletionDate(courses, facts.bmi);
  if (coreTreatmentCompletedOn !== undefined) {
    facts.conservativeTreatmentWeeks = wholeWeeks(coreTreatmentCompletedOn, today, NUMERIC_FACT_RANGES.conservativeTreatmentWeeks.max);
  }
  return {
    facts,
    checklistRecord: { followUpDate, surgeryDate, pharmacologicalTreatmentRecorded, noAnalgesiaNeededRecorded, notApplicableMarks },
  };
}

/**
 * Whether `treatment` is given on `day` (GUIDELINE.md, "Facts"): its latest start dated on or
 * before that day is not followed by a stop of it dated on or before that day (a stop on the
 * start's own day, recorded after it, follows it); an injection is given on the day of its start
 * and the 90 days after, whatever a later stop says. Entered-in-error recordings do not count.
 */
export function treatmentGivenOn(state: PathwayState, treatment: Treatment, day: CalendarDate): boolean {
  const changes = effectiveRecordings(state, day).filter(
    (recording) => (recording.type === 'TREATMENT_STARTED' || recording.type === 'TREATMENT_STOPPED') && recording.payload.treatment === treatment,
  );
  if (INJECTION_TREATMENTS.includes(treatment)) {
    const latestStart = changes.findLast((change) => change.type === 'TREATMENT_STARTED');
    return latestStart !== undefined && daysBetween(latestStart.clinicalDate, day) <= INJECTION_WINDOW_DAYS;
  }
  return changes.at(-1)?.type === 'TREATMENT_STARTED';
}

/** What the starts and stops of one treatment say, read in clinical-date order. */
interface TreatmentCourses {
  /** The first day a course of it was given; a course stopped on its own start day never was. */
  firstGivenOn?: CalendarDate;
  latestStartOn: CalendarDate;
  /** Its latest start is not followed by a stop. */
  givenNow: boolean;
  /** The day of its latest start or stop. */
  changedOn: CalendarDate;
}

/**
 * Per treatment started. A treatment is given on a day when its latest start dated on or before
 * that day is not followed by a stop of it dated on or before that day: on a day with starts or
 * stops of it, exactly when the day's last one is a start.
 */
function treatmentCourses(recordings: readonly RecordingEvent[]): ReadonlyMap<Treatment, Readonly<TreatmentCourses>> {
  const courses = new Map<Treatment, TreatmentCourses>();
  for (const recording of recordings) {
    if (recording.type !== 'TREATMENT_STARTED' && recording.type !== 'TREATMENT_STOPPED') continue;
    const started = recording.type === 'TREATMENT_STARTED';
    const day = recording.clinicalDate;
    let course = courses.get(recording.payload.treatment);
    if (course === undefined) {
      if (!started) continue;
      course = { latestStartOn: day, givenNow: true, changedOn: day };
      courses.set(recording.payload.treatment, course);
    }
    if (course.givenNow && course.changedOn < day) course.firstGivenOn ??= course.changedOn;
    course.givenNow = started;
    course.changedOn = day;
    if (started) course.latestStartOn = day;
  }
  for (const course of courses.values()) {
    if (course.givenNow) course.firstGivenOn ??= course.changedOn;
  }
  return courses;
}

/**
 * Core treatments once given; injections on the day given and the 90 days after (a stop does not
 * shorten that: the pre-surgery infection risk remains); every other treatment while given. Always
 * a known list: the pathway records what is given.
 */
function treatmentsGiven(courses: ReadonlyMap<Treatment, Readonly<TreatmentCourses>>, today: CalendarDate): Treatment[] {
  return TREATMENTS.filter((treatment) => {
    const course = courses.get(treatment);
    if (course === undefined) return false;
    if (INJECTION_TREATMENTS.includes(treatment)) return daysBetween(course.latestStartOn, today) <= INJECTION_WINDOW_DAYS;
    return CORE_TREATMENTS.includes(treatment) ? course.firstGivenOn !== undefined : course.givenNow;
  });
}

/**
 * The day core treatment became complete: the latest of each needed group's first day given
 * (weight management is not needed when bmi is known and below its threshold). Undefined while
 * core treatment is not given, so a medicine alone never starts the weeks.
 */
function coreTreatmentCompletionDate(courses: ReadonlyMap<Treatment, Readonly<TreatmentCourses>>, bmi: number | undefined): CalendarDate | undefined {
  let completedOn: CalendarDate | undefined;
  for (const { treatments, notNeededBelowBmi } of CORE_TREATMENT_GROUPS) {
    if (notNeededBelowBmi !== undefined && bmi !== undefined && bmi < notNeededBelowBmi) continue;
    const firstGiven = treatments
      .map((treatment) => courses.get(treatment)?.firstGivenOn)
      .filter((date) => date !== undefined)
      .sort()[0];
    if (firstGiven === undefined) return undefined;
    if (completedOn === undefined || firstGiven > completedOn) completedOn = firstGiven;
  }
  return completedOn;
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
