import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';

export enum CdsHooksExceptionCode {
  /** No `Authorization: Bearer` JWT. */
  CDS_TOKEN_MISSING = 'CDS_TOKEN_MISSING',
  /** Not a JWT, or its signature, algorithm (RS384 or ES384 only), header (kid, typ JWT) or claims do not hold. */
  CDS_TOKEN_INVALID = 'CDS_TOKEN_INVALID',
  CDS_TOKEN_EXPIRED = 'CDS_TOKEN_EXPIRED',
  /** `exp` more than 5 minutes after `iat`. */
  CDS_TOKEN_LIFETIME_TOO_LONG = 'CDS_TOKEN_LIFETIME_TOO_LONG',
  /** `iss` is not an EHR of CDS_TRUSTED_EHRS. */
  CDS_TOKEN_UNTRUSTED_ISSUER = 'CDS_TOKEN_UNTRUSTED_ISSUER',
  /** `aud` does not name the endpoint called. */
  CDS_TOKEN_WRONG_AUDIENCE = 'CDS_TOKEN_WRONG_AUDIENCE',
  /** Its `jti` was accepted before. */
  CDS_TOKEN_REPLAYED = 'CDS_TOKEN_REPLAYED',
  UNKNOWN_SERVICE = 'UNKNOWN_SERVICE',
  /** `prefetch.patient` is not the FHIR Patient `context.patientId` names. */
  PREFETCH_NOT_THE_PATIENT = 'PREFETCH_NOT_THE_PATIENT',
  /** Neither the prefetch nor the EHR's FHIR server gave the Patient. */
  PATIENT_UNAVAILABLE = 'PATIENT_UNAVAILABLE',
  /** Feedback names a card uuid this service never issued. */
  CARD_NOT_ISSUED = 'CARD_NOT_ISSUED',
  /** An accepted suggestion's id is not a suggestion of that card. */
  SUGGESTION_NOT_ON_CARD = 'SUGGESTION_NOT_ON_CARD',
  /** An override reason that is not one of the card's overrideReasons. */
  UNKNOWN_OVERRIDE_REASON = 'UNKNOWN_OVERRIDE_REASON',
  /** acceptedSuggestions without `accepted`, or an overrideReason without `overridden`. */
  FEEDBACK_OUTCOME_MISMATCH = 'FEEDBACK_OUTCOME_MISMATCH',
}

const API_CODES: Record<CdsHooksExceptionCode, ApiErrorCode> = {
  [CdsHooksExceptionCode.CDS_TOKEN_MISSING]: ApiErrorCode.UNAUTHENTICATED,
  [CdsHooksExceptionCode.CDS_TOKEN_INVALID]: ApiErrorCode.UNAUTHENTICATED,
  [CdsHooksExceptionCode.CDS_TOKEN_EXPIRED]: ApiErrorCode.UNAUTHENTICATED,
  [CdsHooksExceptionCode.CDS_TOKEN_LIFETIME_TOO_LONG]: ApiErrorCode.UNAUTHENTICATED,
  [CdsHooksExceptionCode.CDS_TOKEN_UNTRUSTED_ISSUER]: ApiErrorCode.UNAUTHENTICATED,
  [CdsHooksExceptionCode.CDS_TOKEN_WRONG_AUDIENCE]: ApiErrorCode.UNAUTHENTICATED,
  [CdsHooksExceptionCode.CDS_TOKEN_REPLAYED]: ApiErrorCode.UNAUTHENTICATED,
  [CdsHooksExceptionCode.UNKNOWN_SERVICE]: ApiErrorCode.NOT_FOUND,
  [CdsHooksExceptionCode.PREFETCH_NOT_THE_PATIENT]: ApiErrorCode.BAD_USER_INPUT,
  [CdsHooksExceptionCode.PATIENT_UNAVAILABLE]: ApiErrorCode.PRECONDITION_FAILED,
  [CdsHooksExceptionCode.CARD_NOT_ISSUED]: ApiErrorCode.BAD_USER_INPUT,
  [CdsHooksExceptionCode.SUGGESTION_NOT_ON_CARD]: ApiErrorCode.BAD_USER_INPUT,
  [CdsHooksExceptionCode.UNKNOWN_OVERRIDE_REASON]: ApiErrorCode.BAD_USER_INPUT,
  [CdsHooksExceptionCode.FEEDBACK_OUTCOME_MISMATCH]: ApiErrorCode.BAD_USER_INPUT,
};

export class CdsHooksException extends moduleException(API_CODES) {}
