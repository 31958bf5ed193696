import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';

export enum MetricsExceptionCode {
  /** No METRICS_TOKEN as bearer token, from an address not in METRICS_ALLOWED_ADDRESSES. */
  METRICS_TOKEN_INVALID = 'METRICS_TOKEN_INVALID',
  /** Only METRICS_ALLOWED_ADDRESSES is configured, and the request comes from elsewhere. */
  METRICS_ADDRESS_NOT_ALLOWED = 'METRICS_ADDRESS_NOT_ALLOWED',
}

const API_CODES: Record<MetricsExceptionCode, ApiErrorCode> = {
  [MetricsExceptionCode.METRICS_TOKEN_INVALID]: ApiErrorCode.UNAUTHENTICATED,
  [MetricsExceptionCode.METRICS_ADDRESS_NOT_ALLOWED]: ApiErrorCode.FORBIDDEN,
};

export class MetricsException extends moduleException(API_CODES) {}
