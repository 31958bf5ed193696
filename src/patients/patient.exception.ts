import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { moduleException } from '../common/errors/api.exception.js';

export enum PatientExceptionCode {
  PATIENT_NOT_FOUND = 'PATIENT_NOT_FOUND',
  IDENTIFIER_ALREADY_REGISTERED = 'IDENTIFIER_ALREADY_REGISTERED',
  BIRTH_DATE_IN_FUTURE = 'BIRTH_DATE_IN_FUTURE',
}

const API_CODES: Record<PatientExceptionCode, ApiErrorCode> = {
  [PatientExceptionCode.PATIENT_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [PatientExceptionCode.IDENTIFIER_ALREADY_REGISTERED]: ApiErrorCode.CONFLICT,
  [PatientExceptionCode.BIRTH_DATE_IN_FUTURE]: ApiErrorCode.BAD_USER_INPUT,
};

export class PatientException extends moduleException(API_CODES) {}

export function patientNotFound(field: 'id' | 'identifier' | 'patientId'): PatientException {
  return new PatientException(PatientExceptionCode.PATIENT_NOT_FOUND, `No patient with this ${field === 'patientId' ? 'id' : field}`, field);
}
