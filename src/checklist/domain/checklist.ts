import type { HipFacts, Locale, PathwayStage, Treatment } from '../../contract/vocabulary.js';
import { checklistItemsOf, type ChecklistItemCode } from './checklist-items.js';
import { BMI_BELOW_25_REASON, CHECKLIST_LABELS } from './checklist-texts.js';

/** A clinician's mark that an item of a stage's checklist does not apply, with the reason. */
export interface NotApplicableMark {
  readonly stage: PathwayStage;
  readonly item: ChecklistItemCode;
  readonly reason: string;
}

/** What the checklist reads from a stored pathway beyond its HipFacts. */
export interface ChecklistRecord {
  readonly followUpDate?: string;
  readonly surgeryDate?: string;
  /** A medicine (any treatment but the core treatments and aids) was started at some time, even if stopped since. */
  readonly pharmacologicalTreatmentRecorded: boolean;
  readonly noAnalgesiaNeededRecorded: boolean;
  /** Marks in recording order; the last one for a stage and item counts. */
  readonly notApplicableMarks: readonly NotApplicableMark[];
}

export type ChecklistItemStatus = 'DONE' | 'TODO' | 'NOT_APPLICABLE';

export interface ChecklistItem {
  readonly code: ChecklistItemCode;
  readonly status: ChecklistItemStatus;
  readonly label: string;
  /** Why the item is not applicable. */
  readonly reason?: string;
}

const known = (value: unknown): boolean => value !== undefined;
const given = (facts: HipFacts, ...treatments: Treatment[]): boolean =>
  treatments.some((treatment) => facts.treatments?.includes(treatment) === true);

/** When each item is done: what it names is known, whatever its value. */
const IS_DONE: Readonly<Record<ChecklistItemCode, (facts: HipFacts, record: ChecklistRecord) => boolean>> = {
  ASK_PAIN_LOCATION: (facts) => known(facts.painLocations),
  ASK_ACTIVITY_RELATION: (facts) => known(facts.activityRelatedPain),
  ASK_MORNING_STIFFNESS: (facts) => known(facts.morningStiffnessMinutes),
  ASK_FUNCTION: (facts) => known(facts.limping) && known(facts.difficultyWithFootwear),
  EXAMINE_RANGE_OF_MOTION: (facts) => known(facts.internalRotationDegrees) && known(facts.flexionDegrees),
  EXAMINE_PAIN_ON_ROTATION: (facts) => known(facts.painOnInternalRotation),
  SCREEN_RED_FLAGS: (facts) => known(facts.redFlagsScreened),
  RECORD_BMI: (facts) => known(facts.bmi),
  ASK_RISK_FACTORS: (facts) => known(facts.riskFactors),
  RECORD_PAIN_SCORE: (facts) => known(facts.painScore),
  ORDER_XRAY_HIP_AND_PELVIS: (facts) => known(facts.xrayPerformed),
  RECORD_KELLGREN_LAWRENCE_GRADE: (facts) => known(facts.kellgrenLawrenceGrade),
  GIVE_INFORMATION: (facts) => given(facts, 'EDUCATION'),
  PRESCRIBE_EXERCISE: (facts) => given(facts, 'EXERCISE_THERAPY', 'PHYSIOTHERAPY'),
  WEIGHT_MANAGEMENT: (facts) => given(facts, 'WEIGHT_MANAGEMENT'),
  REVIEW_ANALGESIA: (_facts, record) => record.pharmacologicalTreatmentRecorded || record.noAnalgesiaNeededRecorded,
  RECORD_OXFORD_HIP_SCORE: (facts) => known(facts.oxfordHipScore),
  AGREE_FOLLOW_UP: (_facts, record) => known(record.followUpDate),
  DOCUMENT_QUALITY_OF_LIFE_IMPACT: (facts) => known(facts.qualityOfLifeSubstantiallyAffected),
  DOCUMENT_CONSERVATIVE_TREATMENT: (facts) => known(facts.conservativeTreatmentWeeks) || known(facts.nonSurgicalTreatmentUnsuitable),
  SCREEN_SMOKING_AND_DIABETES: (facts) => known(facts.smoker) && known(facts.diabetesUncontrolled),
  XRAY_AVAILABLE: (facts) => known(facts.xrayPerformed),
  SHARED_DECISION: (facts) => known(facts.sharedDecisionDocumented),
  RECORD_SURGERY_DATE: (_facts, record) => known(record.surgeryDate),
  RECORD_POSTOPERATIVE_OXFORD_HIP_SCORE: (facts) => known(facts.postoperativeOxfordHipScore),
};

/** The consultation checklist of the stage in `facts`; CLOSED has none. */
export function buildChecklist(facts: HipFacts, record: ChecklistRecord, locale: Locale): ChecklistItem[] {
  return checklistItemsOf(facts.stage).map((code) => ({
    code,
    label: CHECKLIST_LABELS[code][locale],
    ...statusOf(code, facts, record, locale),
  }));
}

function statusOf(
  code: ChecklistItemCode,
  facts: HipFacts,
  record: ChecklistRecord,
  locale: Locale,
): { status: ChecklistItemStatus; reason?: string } {
  if (IS_DONE[code](facts, record)) return { status: 'DONE' };
  if (code === 'WEIGHT_MANAGEMENT' && facts.bmi !== undefined && facts.bmi < 25) {
    return { status: 'NOT_APPLICABLE', reason: BMI_BELOW_25_REASON[locale] };
  }
  const mark = record.notApplicableMarks.findLast((m) => m.stage === facts.stage && m.item === code);
  return mark ? { status: 'NOT_APPLICABLE', reason: mark.reason } : { status: 'TODO' };
}
