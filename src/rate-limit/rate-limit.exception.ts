import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';

export enum RateLimitExceptionCode {
  /** More than RATE_LIMIT_PER_MINUTE requests from one caller within the minute. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

const API_CODES: Record<RateLimitExceptionCode, ApiErrorCode> = {
  [RateLimitExceptionCode.TOO_MANY_REQUESTS]: ApiErrorCode.RATE_LIMITED,
};

export class RateLimitException extends moduleException(API_CODES) {}
