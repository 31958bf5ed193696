import { ApiErrorCode } from './api-error-code.js';

/**
 * Base of every exception a client sees: a `reason` that says what happened, the API code it
 * answers with, and the field at fault; the error formatter reads `apiCode`, `reason` and `field`.
 * Messages name fields and rules, never values: they reach clients and logs.
 */
export abstract class ApiException<Reason extends string = string> extends Error {
  abstract readonly apiCode: ApiErrorCode;

  constructor(
    readonly reason: Reason,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** `instanceof ApiException` with the reason typed as a string (`instanceof` alone types it `any`). */
export function isApiException(value: unknown): value is ApiException {
  return value instanceof ApiException;
}

/**
 * The base of a module's exception, from the module's one table giving each of its reasons the
 * API code it answers with: `export class PatientException extends moduleException(API_CODES) {}`.
 */
export function moduleException<Reason extends string>(apiCodes: Readonly<Record<Reason, ApiErrorCode>>) {
  return class ModuleException extends ApiException<Reason> {
    get apiCode(): ApiErrorCode {
      return apiCodes[this.reason];
    }
  };
}

/** A field that breaks its rule: its path (`input.idempotencyKey`) and the rule in words, never the value. */
export interface InvalidField {
  readonly field: string;
  readonly rule: string;
}

/** Invalid input found by the shared validation layer (class-validator, GraphQL coercion). */
export class InputValidationException extends ApiException<'INVALID_INPUT'> {
  readonly apiCode = ApiErrorCode.BAD_USER_INPUT;
  readonly fields: string[];

  constructor(invalid: readonly InvalidField[]) {
    const described = invalid.map(({ field, rule }) => `${field}: ${rule}`).join('; ');
    super('INVALID_INPUT', `Invalid value for field${invalid.length > 1 ? 's' : ''} ${described}`, invalid[0]?.field);
    this.fields = invalid.map(({ field }) => field);
  }
}
