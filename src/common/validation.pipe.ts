import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { LruMap } from './lru-map.js';
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

/**
 * Accepted arguments remembered per class: every value of a small domain (a locale, openOnly, a page
 * size), while values of a large one (identifiers) pass through young and do not fill the heap. And
 * the longest JSON remembered.
 */
const REMEMBERED_PER_CLASS = 32;
const MAX_REMEMBERED_JSON = 256;

/**
 * The JSON of a small, flat argument object (only strings, numbers, booleans and nulls) of a class to
 * validate: its key among the accepted ones; undefined for anything else, which is validated at every call.
 */
function rememberableKey(value: unknown, metadata: ArgumentMetadata): string | undefined {
  if (metadata.type !== 'body' || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (!Object.values(value).every((member) => member === null || typeof member !== 'object')) return undefined;
  const json = JSON.stringify(value);
  return json.length <= MAX_REMEMBERED_JSON ? json : undefined;
}

/** A copy of a remembered validated argument: a resolver may change what it is given, never what the next call gets. */
function copyOf(validated: object): object {
  return Object.assign(Object.create(Object.getPrototypeOf(validated) as object | null) as object, validated);
}

/**
 * The global pipe: class-validator on every input (whitelist, forbidNonWhitelisted, transform), plain
 * text only. Field resolvers' arguments are validated at every call of every field (a locale for each
 * pathway's nextSteps and checklist), so a small flat argument object once accepted is remembered by
 * its class and JSON: our rules are functions of the value alone (none reads the clock, the database
 * or the user), so the same value is accepted again. Refusals are not remembered.
 */
class ApiValidationPipe extends ValidationPipe {
  private readonly accepted = new Map<unknown, LruMap<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = this.toValidate(metadata) ? rememberableKey(value, metadata) : undefined;
    const remembered = key === undefined ? undefined : this.accepted.get(metadata.metatype)?.get(key);
    if (remembered) return copyOf(remembered);
    const validated = await this.validateAndCheck(value, metadata);
    if (key !== undefined && typeof validated === 'object' && validated !== null) {
      if (!this.accepted.has(metadata.metatype)) this.accepted.set(metadata.metatype, new LruMap(REMEMBERED_PER_CLASS));
      this.accepted.get(metadata.metatype)!.set(key, copyOf(validated));
    }
    return validated;
  }

  private async validateAndCheck(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
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
