import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';

export enum AuthExceptionCode {
  MISSING_TOKEN = 'MISSING_TOKEN',
  INVALID_TOKEN = 'INVALID_TOKEN',
  ACTING_FOR_MISSING = 'ACTING_FOR_MISSING',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
}

const API_CODES: Record<AuthExceptionCode, ApiErrorCode> = {
  [AuthExceptionCode.MISSING_TOKEN]: ApiErrorCode.UNAUTHENTICATED,
  [AuthExceptionCode.INVALID_TOKEN]: ApiErrorCode.UNAUTHENTICATED,
  [AuthExceptionCode.ACTING_FOR_MISSING]: ApiErrorCode.UNAUTHENTICATED,
  [AuthExceptionCode.ROLE_NOT_ALLOWED]: ApiErrorCode.FORBIDDEN,
};

export class AuthException extends moduleException(API_CODES) {}
