import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import { ApiErrorCode } from '../errors/api-error-code.js';
import { asDatabaseUnavailable } from '../../database/database-unavailable.js';
import { InputValidationException, isApiException } from '../errors/api.exception.js';
import { fieldAtLocation, fieldOfVariable } from './field-at-location.js';

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

/** graphql-js's words, with no code, when it stops coercing variables after 50 invalid values: the client's values are at fault. */
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

/** The reasons of the client errors GraphQL itself finds: a value (variable or literal), the query's shape, the HTTP request. */
const INVALID_INPUT = 'INVALID_INPUT';
const INVALID_QUERY = 'INVALID_QUERY';
const INVALID_REQUEST = 'INVALID_REQUEST';
const PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED';

type Describe = (match: RegExpExecArray) => string;
const asItIs: Describe = ([message]) => message;

/**
 * What GraphQL says about the query's shape, in words that quote only the schema's names and the
 * limits: the names the client chose (fields, arguments, types, fragments, variables, operations,
 * aliases, directives) may carry patient data. The error's `locations` say where. Names written in
 * the query text are GraphQL names (`\w+`), so they cannot pass for the quotes around them.
 */
const QUERY_ERRORS: readonly (readonly [RegExp, Describe])[] = [
  [/^Cannot query field "\w+" on type "(\w+)"\./, ([, type]) => `Unknown field on type ${type}`],
  [/^Unknown argument "\w+" on field "([\w.]+)"\./, ([, field]) => `Unknown argument on field ${field}`],
  [/^Unknown argument "\w+" on directive "(@\w+)"\./, ([, directive]) => `Unknown argument on directive ${directive}`],
  [/^Field "\w+" is not defined by type "(\w+)"\./, ([, type]) => `Unknown field in a value of input type ${type}`],
  [/^Unknown type "\w+"\./, () => 'Unknown type'],
  [/^Unknown directive "@\w+"\./, () => 'Unknown directive'],
  [/^Unknown fragment "\w+"\./, () => 'Unknown fragment'],
  [/^Fragment "\w+" is never used\./, () => 'Fragment never used'],
  [/^Variable "\$\w+" is never used/, () => 'Variable never used'],
  [/^Variable "\$\w+" is not defined/, () => 'Variable not defined'],
  [
    /^Variable "\$\w+" of type "([\w![\]]+)" used in position expecting type "([\w![\]]+)"\./,
    ([, given, expected]) => `Variable of type ${given} used where type ${expected} is expected`,
  ],
  [/^There can be only one (operation|fragment|variable|argument|input field) named "/, ([, kind]) => `More than one ${kind} of the same name`],
  [/^Fields "\w+" conflict because/, () => 'Fields of the same response name (alias) select different things'],
  [/^Unknown operation named "/, () => 'No operation in the query has the given operationName'],
  [/^Field "[\w.]+" argument "\w+" of type "[\w![\]]+" is required, but it was not provided\.$/, asItIs],
  [/^Field "\w+" must not have a selection since type "[\w![\]]+" has no subfields\.$/, asItIs],
  [/^Field "\w+" of type "[\w![\]]+" must have a selection of subfields\./, asItIs],
  [/^Must provide operation name if query contains multiple operations\.$/, asItIs],
  [/^This anonymous operation must be the only defined operation\.$/, asItIs],
  [/^The (query|mutation|subscription) operation is not supported\.$/, asItIs],
  [/^GraphQL introspection is not allowed/, () => 'GraphQL introspection is not allowed'],
  // graphql-armor words its refusals as syntax errors.
  [/^(?:Syntax Error: )?((?:Query depth|Aliases|Directives|Query Cost) limit of \d+ exceeded, found [\d.]+\.)$/, ([, limit]) => limit],
  [/^Syntax Error: Document contains more that (\d+) tokens\./, ([, tokens]) => `Token limit of ${tokens} exceeded.`],
  [/^Syntax Error: /, () => 'Syntax error in the query'],
  [/^Must provide query string\.$/, asItIs],
];

export type FormattedApiError = GraphQLFormattedError & {
  extensions: { code: ApiErrorCode; reason?: string; field?: string; fields?: string[] };
};

/** The error a resolver threw, with a database outage made the exception clients are answered with. */
export function originalError(error: unknown): unknown {
  return asDatabaseUnavailable(unwrapResolverError(error));
}

/** True for errors the client caused (bad input, refused by a rule), false for faults of ours and outages. */
export function isClientError(error: unknown): boolean {
  const original = originalError(error);
  if (isApiException(original))
    return original.apiCode !== ApiErrorCode.INTERNAL_SERVER_ERROR && original.apiCode !== ApiErrorCode.SERVICE_UNAVAILABLE;
  if (original instanceof HttpException) return original.getStatus() < 500;
  if (error instanceof GraphQLError && error.message === TOO_MANY_VARIABLE_ERRORS) return true;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' && GRAPHQL_INPUT_ERROR_CODES.has(code);
}

/**
 * The one place where every error becomes what a client sees: a code from ApiErrorCode and a
 * message that names the field but never echoes the value it got, nor a name the client chose,
 * and never a stack trace.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): FormattedApiError {
  const original = originalError(error);
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
    const { message, reason, field } = describeClientError(formatted, error);
    return { ...base, message, extensions: { code: ApiErrorCode.BAD_USER_INPUT, reason, ...(field !== undefined && { field }) } };
  }
  return { ...base, message: 'Internal error', extensions: { code: ApiErrorCode.INTERNAL_SERVER_ERROR } };
}

interface ClientError {
  message: string;
  reason: string;
  field?: string;
}

function describeClientError(formatted: GraphQLFormattedError, error: unknown): ClientError {
  const code = formatted.extensions?.code;
  if (code === 'PERSISTED_QUERY_NOT_SUPPORTED') {
    return { reason: PERSISTED_QUERY_NOT_SUPPORTED, message: 'Persisted queries are not supported: send the query text' };
  }
  if (code === 'BAD_REQUEST') {
    // Apollo's own words about an HTTP request that is no GraphQL request quote nothing the client sent.
    const message = error instanceof Error && error.name === 'BadRequestError' ? formatted.message : 'The request is not valid';
    return { reason: INVALID_REQUEST, message };
  }
  if (formatted.message === TOO_MANY_VARIABLE_ERRORS)
    return { reason: INVALID_INPUT, message: 'Too many invalid values in the variables: the first ones are listed' };
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const source = graphqlError?.source?.body;
  const variable = graphqlError && describeVariableError(graphqlError, source);
  if (variable) return { reason: INVALID_INPUT, ...variable };
  for (const [pattern, describe] of QUERY_ERRORS) {
    const match = pattern.exec(formatted.message);
    if (match) return { reason: INVALID_QUERY, message: describe(match) };
  }
  // A value written in the query text, named by the argument it sits in.
  const location = formatted.locations?.[0];
  const field = source && location ? fieldAtLocation(source, location) : undefined;
  const problem = describeProblem(formatted.message);
  if (field) return { reason: INVALID_INPUT, field, message: `Invalid value for field ${field}${problem ? `: ${problem}` : ''}` };
  if (problem) return { reason: INVALID_INPUT, message: `Invalid value in the query: ${problem}` };
  return { reason: INVALID_QUERY, message: 'The query does not fit the schema' };
}

/**
 * `Variable "$f" got invalid value 130 at "f.ageYears"; …` used as `evaluateGuideline(facts: $f)`
 * names `facts.ageYears`: the argument it is given to, never the variable's name or the value.
 */
function describeVariableError(error: GraphQLError, source: string | undefined): Omit<ClientError, 'reason'> | undefined {
  const definition = error.nodes?.[0];
  if (definition?.kind !== Kind.VARIABLE_DEFINITION) return undefined;
  const variable = definition.variable.name.value;
  const required = /^Variable "\$\w+" of (?:required|non-null) type "([\w![\]]+)" (?:was not provided|must not be null)\.$/.exec(error.message);
  if (!required && !error.message.startsWith(`Variable "$${variable}" got invalid value `)) return undefined;
  const invalid = required ? undefined : invalidValue(error, variable);
  const problem = required ? `a value of type ${required[1]} is required` : ((invalid && describeProblem(invalid.problem)) ?? 'not a valid value');
  const location = error.locations?.[0];
  const argument = source && location ? fieldOfVariable(source, location, variable) : undefined;
  const field = argument && `${argument}${invalid?.subPath ?? ''}`;
  return field ? { field, message: `Invalid value for field ${field}: ${problem}` } : { message: `Invalid value for a variable: ${problem}` };
}

/**
 * The problem (`Int cannot represent…`, graphql-js's own error) and the path inside the variable
 * (`.ageYears`) of `Variable "$f" got invalid value <value> at "f.ageYears"; <problem>`, read from
 * the ends of the message, around the value.
 */
function invalidValue(error: GraphQLError, variable: string): { problem: string; subPath: string } | undefined {
  const problem = error.originalError?.message;
  if (!problem || !error.message.endsWith(`; ${problem}`)) return undefined;
  const head = error.message.slice(0, -(problem.length + 2));
  const at = / at "([^"]*)"$/.exec(head)?.[1];
  const subPath = at?.startsWith(variable) ? at.slice(variable.length) : '';
  return { problem, subPath: /^(\.\w+|\[\d+\])*$/.test(subPath) ? subPath : '' };
}

/** Suggestions of the schema's names that graphql-js may add, removed before the end of a message is read. */
const SUGGESTIONS = / Did you mean (?:the enum value )?"\w+"(?:(?:, |,? or )"\w+")*\?$/;

/**
 * The expected type or the field at fault, read only where GraphQL writes the schema's names: at
 * the start of its wording or at its very end. The value it quotes in between ("Int cannot
 * represent non-integer value: 1.5") could otherwise pass for them.
 */
function describeProblem(text: string): string | undefined {
  const problem = text.replace(SUGGESTIONS, '');
  const enumValue = /does not exist in "(\w+)" enum\.$/.exec(problem) ?? /^Enum "(\w+)" cannot represent/.exec(problem);
  if (enumValue) return `expected a value of enum ${enumValue[1]}`;
  const unknownField = /is not defined by type "(\w+)"\.$/.exec(problem);
  if (unknownField) return `a field not defined by type ${unknownField[1]}`;
  const required = /^Field "([\w.]+)" of required type "([\w![\]]+)" was not provided\.$/.exec(problem);
  if (required) return `field ${required[1]} of type ${required[2]} is required`;
  // LocalDate is the only scalar of ours with words of its own.
  if (/^(Value is not (string|a valid LocalDate)|Can only validate strings as local dates|Expected (value of )?type "LocalDate)/.test(problem)) {
    return 'expected a date written YYYY-MM-DD';
  }
  const type = /^Expected (?:value of )?type "\[?(\w+)/.exec(problem) ?? /^(\w+) cannot represent/.exec(problem);
  return type ? `expected a value of type ${type[1]}` : undefined;
}
