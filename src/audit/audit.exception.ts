import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';

export enum AuditExceptionCode {
  STALE_VERSION = 'STALE_VERSION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

const API_CODES: Record<AuditExceptionCode, ApiErrorCode> = {
  [AuditExceptionCode.STALE_VERSION]: ApiErrorCode.CONFLICT,
  [AuditExceptionCode.IDEMPOTENCY_KEY_REUSED]: ApiErrorCode.CONFLICT,
};

export function staleVersion(): AuditException {
  return new AuditException(AuditExceptionCode.STALE_VERSION, 'expectedVersion is stale: the record changed since it was read', 'expectedVersion');
}

export class AuditException extends moduleException(API_CODES) {}
