import { ApiErrorCode } from './api-error-code.js';

/**
 * Base of every module's exception. A module declares its own code enum and one table mapping
 * each of its codes to an API code; the error formatter reads `apiCode`, `reason` and `field`.
 * Messages name fields, never values: they reach clients and logs.
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

/** Invalid input found by the shared validation layer (class-validator, GraphQL coercion). */
export class InputValidationException extends ApiException<'INVALID_INPUT'> {
  readonly apiCode = ApiErrorCode.BAD_USER_INPUT;

  constructor(readonly fields: string[]) {
    super('INVALID_INPUT', `Invalid value for field${fields.length > 1 ? 's' : ''}: ${fields.join(', ')}`, fields[0]);
  }
}
