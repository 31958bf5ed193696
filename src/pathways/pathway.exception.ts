import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';
import type { PathwayRefusalReason } from './domain/pathway.error.js';

/** Why a pathway request is refused: the pathway's own reasons, and what only the shell can see. */
export type PathwayExceptionReason = PathwayRefusalReason | 'HIP_ALREADY_OPEN';

/** The API code each refusal answers with: what clients see, so it changes only with the contract. */
export const PATHWAY_API_CODES: Readonly<Record<PathwayExceptionReason, ApiErrorCode>> = {
  INVALID_INPUT: ApiErrorCode.BAD_USER_INPUT,
  CLINICAL_DATE_IN_FUTURE: ApiErrorCode.BAD_USER_INPUT,
  CLINICAL_DATE_BEFORE_BIRTH: ApiErrorCode.BAD_USER_INPUT,
  FOLLOW_UP_BEFORE_CLINICAL_DATE: ApiErrorCode.BAD_USER_INPUT,
  NOT_A_RECORDING: ApiErrorCode.BAD_USER_INPUT,
  PATHWAY_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  RECORDING_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  PATHWAY_ALREADY_OPEN: ApiErrorCode.CONFLICT,
  HIP_ALREADY_OPEN: ApiErrorCode.CONFLICT,
  PATHWAY_CLOSED: ApiErrorCode.CONFLICT,
  CHECKLIST_ITEM_NOT_IN_STAGE: ApiErrorCode.CONFLICT,
  TREATMENT_NOT_GIVEN: ApiErrorCode.CONFLICT,
  SURGERY_NOT_RECORDED: ApiErrorCode.CONFLICT,
  ALREADY_ENTERED_IN_ERROR: ApiErrorCode.CONFLICT,
  // The code is a valid one, but the current facts no longer raise it: the state refuses it.
  SUGGESTION_NOT_SHOWN: ApiErrorCode.CONFLICT,
  CARD_NOT_ISSUED: ApiErrorCode.BAD_USER_INPUT,
  INVALID_TRANSITION: ApiErrorCode.INVALID_TRANSITION,
  DEVIATION_REASON_REQUIRED: ApiErrorCode.DEVIATION_REASON_REQUIRED,
};

export class PathwayException extends moduleException(PATHWAY_API_CODES) {}
