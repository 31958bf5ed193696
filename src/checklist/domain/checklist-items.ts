import type { PathwayStage } from '../../contract/vocabulary.js';

/** The consultation checklist per stage, in the contract's order (docs/clinical/guideline.md, "Consultation checklist"). */
export const CHECKLIST_ITEMS = {
  CLINICAL_EXAM: [
    'ASK_PAIN_LOCATION',
    'ASK_ACTIVITY_RELATION',
    'ASK_MORNING_STIFFNESS',
    'ASK_FUNCTION',
    'EXAMINE_RANGE_OF_MOTION',
    'EXAMINE_PAIN_ON_ROTATION',
    'SCREEN_RED_FLAGS',
    'RECORD_BMI',
    'ASK_RISK_FACTORS',
    'RECORD_PAIN_SCORE',
  ],
  IMAGING: ['ORDER_XRAY_HIP_AND_PELVIS', 'RECORD_KELLGREN_LAWRENCE_GRADE'],
  CONSERVATIVE_TREATMENT: [
    'GIVE_INFORMATION',
    'PRESCRIBE_EXERCISE',
    'WEIGHT_MANAGEMENT',
    'REVIEW_ANALGESIA',
    'RECORD_PAIN_SCORE',
    'RECORD_OXFORD_HIP_SCORE',
    'AGREE_FOLLOW_UP',
  ],
  SURGICAL_REFERRAL: [
    'DOCUMENT_QUALITY_OF_LIFE_IMPACT',
    'DOCUMENT_CONSERVATIVE_TREATMENT',
    'SCREEN_SMOKING_AND_DIABETES',
    'XRAY_AVAILABLE',
    'RECORD_OXFORD_HIP_SCORE',
    'SHARED_DECISION',
  ],
  TOTAL_HIP_PROSTHESIS: ['RECORD_SURGERY_DATE', 'RECORD_POSTOPERATIVE_OXFORD_HIP_SCORE'],
  CLOSED: [],
} as const satisfies Record<PathwayStage, readonly string[]>;

export type ChecklistItemCode = (typeof CHECKLIST_ITEMS)[PathwayStage][number];

/** Every item code once (some items belong to several stages). */
export const CHECKLIST_ITEM_CODES: readonly ChecklistItemCode[] = [...new Set(Object.values(CHECKLIST_ITEMS).flat())];

export function checklistItemsOf(stage: PathwayStage): readonly ChecklistItemCode[] {
  return CHECKLIST_ITEMS[stage];
}
