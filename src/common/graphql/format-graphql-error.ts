import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { ApiErrorCode } from '../errors/api-error-code.js';
import { InputValidationException, isApiException } from '../errors/api.exception.js';

/** Apollo's and graphql-js's codes for requests the client got wrong. */
const GRAPHQL_INPUT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Messages that quote only schema names and limits, never what the client sent as a value. */
const SAFE_MESSAGES = [
  /^Cannot query field "\w+" on type "\w+"\.$/,
  /^Unknown argument "\w+" on field "[\w.]+"\.$/,
  /^Field "[\w.]+" argument "\w+" of type "[\w![\]]+" is required, but it was not provided\.$/,
  /^Field "\w+" of required type "[\w![\]]+" was not provided\.$/,
  /^Field "\w+" is not defined by type "\w+"\.$/,
  /^Field "\w+" must not have a selection since type "[\w![\]]+" has no subfields\.$/,
  /^Field "\w+" of type "[\w![\]]+" must have a selection of subfields\./,
  /^Variable "\$\w+" of required type "[\w![\]]+" was not provided\.$/,
  /^Variable "\$\w+" is (not defined|never used)/,
  /^Unknown type "\w+"\.$/,
  /^GraphQL introspection is not allowed/,
  /^(Query depth|Aliases|Directives) limit of \d+ exceeded/,
  /^Query Cost limit of \d+ exceeded/,
  /^Syntax Error: Token limit of \d+ exceeded/,
  /^Must provide query string\.$/,
];

export const INVALID_QUERY_VALUE = 'Invalid value in the query';

/** The reasons of the client errors GraphQL itself finds: a value (variable or literal), or the query's shape. */
const INVALID_INPUT = 'INVALID_INPUT';
const INVALID_QUERY = 'INVALID_QUERY';

export type FormattedApiError = GraphQLFormattedError & {
  extensions: { code: ApiErrorCode; reason?: string; field?: string; fields?: string[] };
};

/** True for errors the client caused (bad input, refused by a rule), false for faults of ours. */
export function isClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (isApiException(original)) return original.apiCode !== ApiErrorCode.INTERNAL_SERVER_ERROR;
  if (original instanceof HttpException) return original.getStatus() < 500;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' && GRAPHQL_INPUT_ERROR_CODES.has(code);
}

/**
 * The one place where every error becomes what a client sees: a code from ApiErrorCode and a
 * message that names the field but never echoes the value it got, and never a stack trace.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): FormattedApiError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  if (isApiException(original)) {
    const fields = original instanceof InputValidationException ? { fields: original.fields } : {};
    return {
      ...base,
      message: original.message,
      extensions: { code: original.apiCode, reason: original.reason, field: original.field, ...fields },
    };
  }
  if (isClientError(error)) {
    const variable = describeVariableError(formatted.message);
    if (variable)
      return { ...base, message: variable.message, extensions: { code: ApiErrorCode.BAD_USER_INPUT, reason: INVALID_INPUT, field: variable.field } };
    const query = SAFE_MESSAGES.some((safe) => safe.test(formatted.message))
      ? formatted.message
      : formatted.message.startsWith('Syntax Error:')
        ? 'Syntax error in the query'
        : undefined;
    if (query) return { ...base, message: query, extensions: { code: ApiErrorCode.BAD_USER_INPUT, reason: INVALID_QUERY } };
    // A value written in the query text: the error context plugin names its field from the query's syntax tree.
    const problem = describeProblem(formatted.message);
    const message = problem ? `${INVALID_QUERY_VALUE}: ${problem}` : INVALID_QUERY_VALUE;
    return { ...base, message, extensions: { code: ApiErrorCode.BAD_USER_INPUT, reason: INVALID_INPUT } };
  }
  return { ...base, message: 'Internal error', extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR } };
}

/** `Variable "$facts" got invalid value 130 at "facts.ageYears"; ...` names facts.ageYears, drops the 130. */
function describeVariableError(message: string): { field: string; message: string } | undefined {
  const match = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!match) return undefined;
  const field = match[2] ?? match[1];
  return { field, message: `Invalid value for field ${field}: ${describeProblem(match[3]) ?? 'not a valid value'}` };
}

/** The expected type or the field at fault: GraphQL's own wording quotes the value too ("Int cannot represent non-integer value: 1.5"). */
function describeProblem(problem: string): string | undefined {
  const enumValue = /does not exist in "([^"]+)" enum/.exec(problem);
  if (enumValue) return `expected a value of enum ${enumValue[1]}`;
  const field = /Field "([^"]+)" is not defined by type "([^"]+)"/.exec(problem);
  if (field) return `field ${field[1]} is not defined by type ${field[2]}`;
  const required = /Field "([^"]+)" of required type "([^"]+)" was not provided/.exec(problem);
  if (required) return `field ${required[1]} of type ${required[2]} is required`;
  // LocalDate is the only scalar of ours that says "Value is not string".
  if (/LocalDate|as local dates|^Value is not string/.test(problem)) return 'expected a date written YYYY-MM-DD';
  const type = /Expected (?:value of )?type "\[?(\w+)/.exec(problem) ?? /^(\w+) cannot represent/.exec(problem);
  return type ? `expected a value of type ${type[1]}` : undefined;
}
