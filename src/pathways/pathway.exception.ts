import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { ApiException } from '../common/errors/api.exception.js';
import type { PathwayError } from './domain/pathway.error.js';

export enum PathwayExceptionCode {
  PATHWAY_NOT_FOUND = 'PATHWAY_NOT_FOUND',
  HIP_ALREADY_HAS_OPEN_PATHWAY = 'HIP_ALREADY_HAS_OPEN_PATHWAY',
  /** Refusals of the pathway's own rules (state machine, recordings), by their domain code. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  DEVIATION_REASON_REQUIRED = 'DEVIATION_REASON_REQUIRED',
  INVALID_RECORDING = 'INVALID_RECORDING',
  REFUSED_IN_CURRENT_STATE = 'REFUSED_IN_CURRENT_STATE',
  RECORDING_NOT_FOUND = 'RECORDING_NOT_FOUND',
}

const API_CODES: Record<PathwayExceptionCode, ApiErrorCode> = {
  [PathwayExceptionCode.PATHWAY_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [PathwayExceptionCode.HIP_ALREADY_HAS_OPEN_PATHWAY]: ApiErrorCode.CONFLICT,
  [PathwayExceptionCode.INVALID_TRANSITION]: ApiErrorCode.INVALID_TRANSITION,
  [PathwayExceptionCode.DEVIATION_REASON_REQUIRED]: ApiErrorCode.DEVIATION_REASON_REQUIRED,
  [PathwayExceptionCode.INVALID_RECORDING]: ApiErrorCode.BAD_USER_INPUT,
  [PathwayExceptionCode.REFUSED_IN_CURRENT_STATE]: ApiErrorCode.CONFLICT,
  [PathwayExceptionCode.RECORDING_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
};

const FROM_DOMAIN: Record<PathwayError['code'], PathwayExceptionCode> = {
  INVALID_TRANSITION: PathwayExceptionCode.INVALID_TRANSITION,
  DEVIATION_REASON_REQUIRED: PathwayExceptionCode.DEVIATION_REASON_REQUIRED,
  BAD_USER_INPUT: PathwayExceptionCode.INVALID_RECORDING,
  CONFLICT: PathwayExceptionCode.REFUSED_IN_CURRENT_STATE,
  NOT_FOUND: PathwayExceptionCode.RECORDING_NOT_FOUND,
};

export class PathwayException extends ApiException<PathwayExceptionCode> {
  get apiCode(): ApiErrorCode {
    return API_CODES[this.reason];
  }

  static fromDomain(error: PathwayError): PathwayException {
    return new PathwayException(FROM_DOMAIN[error.code], error.message, error.field);
  }
}
