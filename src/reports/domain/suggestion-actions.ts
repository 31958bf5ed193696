import type { CloseReason, PathwayStage, Treatment } from '../../contract/vocabulary.js';
import type { SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import type { PathwayEvent, RecordingEventType } from '../../pathways/domain/pathway-events.js';

/** A recording or a stage move that carries out a suggestion. */
export type SuggestedAction =
  | { readonly kind: 'RECORDING'; readonly type: Exclude<RecordingEventType, 'TREATMENT_STARTED' | 'TREATMENT_STOPPED'> }
  | { readonly kind: 'TREATMENT_STARTED' | 'TREATMENT_STOPPED'; readonly treatments: readonly Treatment[] }
  | { readonly kind: 'MOVE'; readonly to: Exclude<PathwayStage, 'CLOSED'> }
  | { readonly kind: 'CLOSE'; readonly closeReasons: readonly CloseReason[] };

const recording = (type: Extract<SuggestedAction, { kind: 'RECORDING' }>['type']): SuggestedAction => ({ kind: 'RECORDING', type });
const start = (...treatments: Treatment[]): SuggestedAction => ({ kind: 'TREATMENT_STARTED', treatments });
const stop = (...treatments: Treatment[]): SuggestedAction => ({ kind: 'TREATMENT_STOPPED', treatments });
const moveTo = (to: Extract<SuggestedAction, { kind: 'MOVE' }>['to']): SuggestedAction => ({ kind: 'MOVE', to });
const close = (...closeReasons: CloseReason[]): SuggestedAction => ({ kind: 'CLOSE', closeReasons });

/** The suggestion asks for something the pathway has no recording or move for. */
const NO_RECORDABLE_ACTION: readonly SuggestedAction[] = [];

/** Red flags that end the hip OA pathway: referred on, or the pain found to have another cause. */
const RED_FLAG_EXIT = close('RED_FLAG_REFERRAL', 'ALTERNATIVE_DIAGNOSIS');
const XRAY = [recording('XRAY_ORDERED'), recording('XRAY_RESULT_RECORDED')];

/**
 * What carries out each suggestion (the contract's "fires when" cells say what each asks for);
 * a code the pathway cannot record the doing of maps to NO_RECORDABLE_ACTION. A missing code
 * does not compile.
 */
export const SUGGESTION_ACTIONS: Readonly<Record<SuggestionCode, readonly SuggestedAction[]>> = {
  // Assess for paediatric hip conditions: this adult pathway ends.
  OUT_OF_SCOPE_PAEDIATRIC: [close('ALTERNATIVE_DIAGNOSIS', 'TRANSFERRED')],
  RED_FLAG_SUSPECTED_INFECTION: [RED_FLAG_EXIT],
  // Urgent X-ray, MRI if it is negative.
  RED_FLAG_SUSPECTED_FRACTURE: [RED_FLAG_EXIT, ...XRAY],
  // Urgent imaging or referral.
  RED_FLAG_MALIGNANCY: [RED_FLAG_EXIT, ...XRAY],
  RED_FLAG_LIMB_ISCHAEMIA: [RED_FLAG_EXIT],
  RED_FLAG_CAUDA_EQUINA: [RED_FLAG_EXIT],
  RED_FLAG_AVASCULAR_NECROSIS: [RED_FLAG_EXIT],
  RED_FLAG_INFLAMMATORY_ARTHRITIS: [RED_FLAG_EXIT],
  RED_FLAG_RADICULAR: [RED_FLAG_EXIT],
  // A vascular assessment outside the pathway, which continues.
  RED_FLAG_CLAUDICATION: NO_RECORDABLE_ACTION,
  RED_FLAG_RAPID_PROGRESSION: [RED_FLAG_EXIT],
  REVIEW_NSAID_RISK: [stop('ORAL_NSAID')],
  RECORD_NSAID_RISK_FACTORS: [recording('NSAID_RISK_FACTORS_RECORDED')],
  ADD_GASTROPROTECTION: [start('GASTROPROTECTION')],
  TAPER_STRONG_OPIOID: [stop('STRONG_OPIOID')],
  REVIEW_WEAK_OPIOID: [stop('WEAK_OPIOID')],
  SCREEN_RED_FLAGS: [recording('RED_FLAGS_SCREENED')],
  COMPLETE_CLINICAL_EXAM: [recording('CLINICAL_EXAM_RECORDED')],
  // Diagnose clinically and treat without imaging first.
  DIAGNOSE_CLINICALLY_WITHOUT_IMAGING: [moveTo('CONSERVATIVE_TREATMENT')],
  CONSIDER_XRAY_HIP_AND_PELVIS: [...XRAY, moveTo('IMAGING')],
  // Look for another cause.
  RECONSIDER_DIAGNOSIS: [close('ALTERNATIVE_DIAGNOSIS')],
  RECORD_XRAY_RESULT: [recording('XRAY_RESULT_RECORDED')],
  // Stopping nicotine or improving glycaemic control happens outside the pathway's records.
  OPTIMISE_BEFORE_SURGERY: NO_RECORDABLE_ACTION,
  STOP_HYALURONIC_ACID: [stop('HYALURONIC_ACID_INJECTION')],
  REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: [moveTo('SURGICAL_REFERRAL')],
  PROVIDE_OA_INFORMATION: [start('EDUCATION')],
  START_EXERCISE_THERAPY: [start('EXERCISE_THERAPY', 'PHYSIOTHERAPY')],
  SUPPORT_WEIGHT_LOSS: [start('WEIGHT_MANAGEMENT')],
  CONSIDER_WALKING_AID: [start('WALKING_AID')],
  CONSIDER_ORAL_NSAID: [start('ORAL_NSAID')],
  CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID: [start('INTRA_ARTICULAR_CORTICOSTEROID')],
  STOP_GLUCOSAMINE: [stop('GLUCOSAMINE')],
  // Continue, review at 12 weeks: the review planned.
  CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT: [recording('FOLLOW_UP_PLANNED')],
  RECORD_PATIENT_REPORTED_OUTCOMES: [recording('PATIENT_REPORTED_OUTCOMES_RECORDED')],
  // Plan surgery at least 3 months after the injection: the pathway records no surgery date in advance.
  RECENT_INTRA_ARTICULAR_INJECTION: NO_RECORDABLE_ACTION,
  DISCUSS_SHARED_DECISION: [recording('SHARED_DECISION_DOCUMENTED')],
  // Check for infection, loosening, instability, referred pain; hip X-ray.
  REVIEW_POOR_POSTOPERATIVE_OUTCOME: XRAY,
  RECORD_POSTOPERATIVE_OUTCOME: [recording('POSTOPERATIVE_OUTCOME_RECORDED')],
};

/** Whether `event` is one of the actions that carry out the suggestion `code`. */
export function carriesOut(code: SuggestionCode, event: PathwayEvent): boolean {
  return SUGGESTION_ACTIONS[code].some((action) => isAction(action, event));
}

function isAction(action: SuggestedAction, event: PathwayEvent): boolean {
  switch (action.kind) {
    case 'RECORDING':
      return event.type === action.type;
    case 'TREATMENT_STARTED':
    case 'TREATMENT_STOPPED':
      return event.type === action.kind && action.treatments.includes(event.payload.treatment);
    case 'MOVE':
      return event.type === 'STAGE_CHANGED' && event.payload.to === action.to;
    case 'CLOSE':
      return event.type === 'STAGE_CHANGED' && event.payload.closeReason !== undefined && action.closeReasons.includes(event.payload.closeReason);
  }
}
