import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { ApiErrorCode } from '../errors/api-error-code.js';
import { ApiException, InputValidationException } from '../errors/api.exception.js';

const GRAPHQL_INPUT_ERROR_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

export type FormattedApiError = GraphQLFormattedError & {
  extensions: { code: ApiErrorCode; reason?: string; field?: string; fields?: string[] };
};

/**
 * The one place where every error becomes what a client sees: a code from ApiErrorCode and a
 * message that names the field but never echoes the value it got, and never a stack trace.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): FormattedApiError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof ApiException) {
    const fields = original instanceof InputValidationException ? { fields: original.fields } : {};
    return {
      ...base,
      message: original.message,
      extensions: { code: original.apiCode, reason: original.reason, field: original.field, ...fields },
    };
  }
  const graphqlCode = String(formatted.extensions?.code ?? '');
  if (GRAPHQL_INPUT_ERROR_CODES.has(graphqlCode) || (original instanceof HttpException && original.getStatus() === 400)) {
    const field = fieldNamedIn(formatted.message);
    return {
      ...base,
      message: redactValues(formatted.message),
      extensions: { code: ApiErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
    };
  }
  return { ...base, message: 'Internal error', extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR } };
}

/** `Variable "$facts" got invalid value 130 at "facts.ageYears"; ...` names facts.ageYears. */
function fieldNamedIn(message: string): string | undefined {
  const at = /got invalid value .*? at "([^"]+)"/s.exec(message);
  if (at) return at[1];
  const variable = /^Variable "\$([^"]+)"/.exec(message);
  return variable?.[1];
}

/** Keeps GraphQL's explanation of what is wrong where, drops the value the client sent. */
export function redactValues(message: string): string {
  const variable = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"; (.*)$/s.exec(message);
  if (variable) return `Invalid value for field ${variable[2]}: ${describeProblem(variable[3]!)}`;
  const wholeVariable = /^Variable "\$([^"]+)" got invalid value .*?; (.*)$/s.exec(message);
  if (wholeVariable) return `Invalid value for field ${wholeVariable[1]}: ${describeProblem(wholeVariable[2]!)}`;
  const literal = /^Expected value of type "([^"]+)", found .*$/s.exec(message);
  if (literal) return `Invalid value of type ${literal[1]} in the query`;
  return message.replace(/Value "[^"]*" does not exist in "([^"]+)" enum\./g, 'Value does not exist in enum $1.');
}

/** GraphQL's reasons quote the value too ("Int cannot represent non-integer value: 1.5"). */
function describeProblem(problem: string): string {
  const enumValue = /does not exist in "([^"]+)" enum/.exec(problem);
  if (enumValue) return `not a value of enum ${enumValue[1]}`;
  const field = /Field "([^"]+)" is not defined by type "([^"]+)"/.exec(problem);
  if (field) return `field ${field[1]} is not defined by type ${field[2]}`;
  const required = /Field "([^"]+)" of required type "([^"]+)" was not provided/.exec(problem);
  if (required) return `field ${required[1]} of type ${required[2]} is required`;
  const scalar = /^(\w+) cannot represent/.exec(problem);
  if (scalar) return `not a valid ${scalar[1]}`;
  if (/LocalDate|date/i.test(problem)) return 'not a valid date (YYYY-MM-DD)';
  return 'not a valid value';
}
