import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';

export enum WebExceptionCode {
  /** The development sign-in was not sent as JSON. */
  JSON_REQUIRED = 'JSON_REQUIRED',
  /** A launch's `iss` is not a FHIR server this service trusts (CDS_TRUSTED_EHRS): it is never read. */
  FHIR_SERVER_NOT_TRUSTED = 'FHIR_SERVER_NOT_TRUSTED',
  /** The trusted FHIR server did not give the Patient (unreachable, refused, not that Patient). */
  PATIENT_UNAVAILABLE = 'PATIENT_UNAVAILABLE',
  /** None of the FHIR Patient's identifiers is a registered patient's. */
  PATIENT_NOT_REGISTERED = 'PATIENT_NOT_REGISTERED',
  /** The FHIR Patient's identifiers match several registered patients: none is chosen. */
  PATIENT_AMBIGUOUS = 'PATIENT_AMBIGUOUS',
}

const API_CODES: Record<WebExceptionCode, ApiErrorCode> = {
  [WebExceptionCode.JSON_REQUIRED]: ApiErrorCode.BAD_USER_INPUT,
  [WebExceptionCode.FHIR_SERVER_NOT_TRUSTED]: ApiErrorCode.BAD_USER_INPUT,
  [WebExceptionCode.PATIENT_UNAVAILABLE]: ApiErrorCode.PRECONDITION_FAILED,
  [WebExceptionCode.PATIENT_NOT_REGISTERED]: ApiErrorCode.NOT_FOUND,
  [WebExceptionCode.PATIENT_AMBIGUOUS]: ApiErrorCode.CONFLICT,
};

export class WebException extends moduleException(API_CODES) {}
