import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InputValidationException } from './errors/api.exception.js';
import { invalidFields, isPlainText } from './validation-rules.js';

const PLAIN_TEXT_RULE = 'well-formed text without control characters';
/** Deeper than any input of ours (a FHIR resource in a CDS Hooks prefetch included), and shallow enough for every walk over it. */
const MAX_NESTING = 64;

/** True when objects or arrays in `value` nest deeper than `limit`; found without recursion, which a deeper value would overflow. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth === limit) return true;
    for (const member of Object.values(current)) pending.push([member, depth + 1]);
  }
  return false;
}

/** Paths of strings that are not well-formed Unicode or hold control characters. */
function malformedStrings(value: unknown, path: string): string[] {
  if (typeof value === 'string') return isPlainText(value) ? [] : [path || 'input'];
  if (Array.isArray(value)) return value.flatMap((item) => malformedStrings(item, path));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => malformedStrings(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/**
 * What a client sends: a REST body, query or path parameters, and a GraphQL field's arguments (which
 * Nest hands the pipes as a body). The pipe is also given every other parameter: a field resolver's
 * parent, the request context, the user the guard read from the token (as 'custom'), which are the
 * service's own values (a token's claims are checked where it is verified): judging them as input
 * would walk every field resolver's parent for nothing.
 */
const CLIENT_INPUT: readonly ArgumentMetadata['type'][] = ['body', 'query', 'param'];

/** class-validator's errors, from the exception factory to `transform`, which knows the argument's name. */
class ValidationFailure extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('Validation failed');
  }
}

/** The global pipe: class-validator on every input (whitelist, forbidNonWhitelisted, transform), plain text only. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Fields are named by their path from the named argument (`input.side`), as GraphQL's own errors name them.
    const argument = metadata.data ?? '';
    const owner = metadata.data ?? metadata.type;
    if (this.toValidate(metadata)) {
      // class-transformer and class-validator walk the value by recursion, and would take a list for the object it should be.
      if (Array.isArray(value)) throw new InputValidationException([{ field: owner, rule: 'a JSON object' }]);
      if (nestsDeeperThan(value, MAX_NESTING))
        throw new InputValidationException([{ field: owner, rule: `at most ${MAX_NESTING} levels of nesting` }]);
    }
    let validated: unknown;
    try {
      validated = await super.transform(value, metadata);
    } catch (error) {
      // A field of no input is named by its parent (`input`, or `query` for a URL's parameters): its name is the client's.
      if (error instanceof ValidationFailure) throw new InputValidationException(invalidFields(error.errors, argument, owner));
      throw error;
    }
    if (!CLIENT_INPUT.includes(metadata.type)) return validated;
    // Once unknown fields are refused, so that every path named is a field of the input.
    const malformed = malformedStrings(validated, argument);
    if (malformed.length > 0) throw new InputValidationException(malformed.map((field) => ({ field, rule: PLAIN_TEXT_RULE })));
    return validated;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets the rules be described from the constraints' arguments; values are never kept.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailure(errors),
  });
}
