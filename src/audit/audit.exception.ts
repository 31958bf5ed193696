import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { ApiException } from '../common/errors/api.exception.js';

export enum AuditExceptionCode {
  STALE_VERSION = 'STALE_VERSION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

const API_CODES: Record<AuditExceptionCode, ApiErrorCode> = {
  [AuditExceptionCode.STALE_VERSION]: ApiErrorCode.CONFLICT,
  [AuditExceptionCode.IDEMPOTENCY_KEY_REUSED]: ApiErrorCode.CONFLICT,
};

export class AuditException extends ApiException<AuditExceptionCode> {
  get apiCode(): ApiErrorCode {
    return API_CODES[this.reason];
  }
}
