import { CHECKLIST_ITEM_CODES } from '../checklist/domain/checklist-items.js';
import { enumOf } from '../common/graphql/enum-of.js';
import { CLOSE_REASONS, HIP_SIDES } from '../contract/vocabulary.js';
import { FEEDBACK_OUTCOMES, OVERRIDE_REASON_CODES } from './domain/pathway-events.js';

export const HipSideEnum = enumOf(HIP_SIDES, 'HipSide');
export const CloseReasonEnum = enumOf(CLOSE_REASONS, 'CloseReason');
export const FeedbackOutcomeEnum = enumOf(FEEDBACK_OUTCOMES, 'FeedbackOutcome');
export const OverrideReasonCodeEnum = enumOf(OVERRIDE_REASON_CODES, 'OverrideReasonCode');
export const ChecklistItemCodeEnum = enumOf(CHECKLIST_ITEM_CODES, 'ChecklistItemCode');
export const ChecklistItemStatusEnum = enumOf(['DONE', 'TODO', 'NOT_APPLICABLE'] as const, 'ChecklistItemStatus');
