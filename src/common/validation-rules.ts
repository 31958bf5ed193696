import { getMetadataStorage, ValidateBy, type ValidationError } from 'class-validator';
import type { InvalidField } from './errors/api.exception.js';

/** FHIR's forms of an identifier system: an OID, a UUID (lower case, so that one system has one spelling) or an http(s) URL. */
const OID_SYSTEM = /^urn:oid:[0-2](\.(0|[1-9]\d*))+$/;
const UUID_SYSTEM = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const URL_SYSTEM = /^https?:\/\/[^/?#][\x21-\x7E]*$/;
const IDENTIFIER_SYSTEM_MAX_LENGTH = 200;
export const IDENTIFIER_SYSTEM_RULE =
  'an absolute URI of at most 200 characters: urn:oid: and an OID, urn:uuid: and a lower-case UUID, or an http(s) URL';

/**
 * Letters, marks, digits, punctuation and symbols, with spaces only inside: no control, format
 * (bidirectional overrides and isolates, zero-width characters), private-use or unassigned
 * characters, which can make one identifier display as another. 64 characters at most, as FHIR
 * bounds its ids.
 */
const IDENTIFIER_VALUE = /^[\p{L}\p{N}\p{P}\p{S}](?:[\p{L}\p{M}\p{N}\p{P}\p{S} ]{0,62}[\p{L}\p{M}\p{N}\p{P}\p{S}])?$/u;
export const IDENTIFIER_VALUE_RULE = '1 to 64 letters, digits, punctuation or symbols, spaces only inside, no control or invisible characters';

/** A patient identifier's system, wherever one is an input. */
export function isIdentifierSystem(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > IDENTIFIER_SYSTEM_MAX_LENGTH) return false;
  if (OID_SYSTEM.test(value) || UUID_SYSTEM.test(value)) return true;
  if (!URL_SYSTEM.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** A patient identifier's value, wherever one is an input. */
export function isIdentifierValue(value: unknown): boolean {
  return typeof value === 'string' && IDENTIFIER_VALUE.test(value);
}

export function IsIdentifierSystem(): PropertyDecorator {
  return ValidateBy({ name: 'isIdentifierSystem', validator: { validate: isIdentifierSystem } }, { message: IDENTIFIER_SYSTEM_RULE });
}

export function IsIdentifierValue(): PropertyDecorator {
  return ValidateBy({ name: 'isIdentifierValue', validator: { validate: isIdentifierValue } }, { message: IDENTIFIER_VALUE_RULE });
}

type ConstraintMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** The class-validator constraints of one property, by constraint name (`isIn`, `max`, ...). */
type PropertyRules = ReadonlyMap<string, ConstraintMetadata>;

const NUMBER_CONSTRAINTS = new Set(['isInt', 'isNumber', 'min', 'max']);
const TEXT_CONSTRAINTS = new Set(['isString', 'minLength', 'maxLength', 'isLength']);

/** What a field of no input breaks (forbidNonWhitelisted): the field is named by its parent, as its name is the client's. */
const UNKNOWN_FIELD_RULE = 'only the fields defined for it';

/**
 * Every invalid field of class-validator's errors, by its path under `prefix` (`input.side`), with
 * the rule it breaks in words, built from the constraint's arguments, never from the value.
 * A field of no input is named by its parent, `owner` at the top (`input`, `query`): names the
 * client chose may carry patient data. The errors must carry their target
 * (`validationError.target`), to find the constraints' arguments.
 */
export function invalidFields(errors: readonly ValidationError[], prefix: string, owner = prefix): InvalidField[] {
  const invalid = errors.flatMap((error): InvalidField[] => {
    if (error.constraints?.whitelistValidation) return [{ field: owner, rule: UNKNOWN_FIELD_RULE }];
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.children?.length) return invalidFields(error.children, field);
    const rules = rulesOf(error.target, error.property);
    const broken = new Set(Object.keys(error.constraints ?? {}).map((name) => describeRule(name, rules)));
    return [{ field, rule: [...broken].join('; ') || 'not a valid value' }];
  });
  return invalid.filter(({ field, rule }, index) => invalid.findIndex((other) => other.field === field && other.rule === rule) === index);
}

function rulesOf(target: object | undefined, property: string): PropertyRules {
  if (target === undefined) return new Map();
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return new Map(metadata.filter((rule) => rule.propertyName === property && rule.name).map((rule) => [rule.name!, rule]));
}

/** A decorator's own `message` states its rule (formats a pattern cannot say); otherwise it is built here. */
function describeRule(name: string, rules: PropertyRules): string {
  const rule = rules.get(name);
  if (typeof rule?.message === 'string') return rule.message;
  if (NUMBER_CONSTRAINTS.has(name)) return numberRule(rules);
  if (TEXT_CONSTRAINTS.has(name)) return textRule(rules);
  const constraints: readonly unknown[] = rule?.constraints ?? [];
  const argument = constraints[0];
  switch (name) {
    case 'isIn':
      return `${rule?.each ? 'a list of' : 'one of'}: ${(argument as unknown[]).join(', ')}`;
    case 'isEnum':
      return `one of: ${Object.values(argument as object).join(', ')}`;
    case 'isBoolean':
      return 'true or false';
    case 'isUuid':
      return 'a UUID';
    case 'arrayUnique':
      return 'a list without repeats';
    case 'arrayMaxSize':
      return `a list of at most ${argument as number} items`;
    case 'nestedValidation':
      return 'an object';
    default:
      return 'not a valid value';
  }
}

/** `a whole number between 0 and 48`: the type and the range together, whichever of them failed. */
function numberRule(rules: PropertyRules): string {
  const kind = rules.has('isInt') ? 'a whole number' : 'a number';
  const min = rules.get('min')?.constraints[0] as number | undefined;
  const max = rules.get('max')?.constraints[0] as number | undefined;
  if (min !== undefined && max !== undefined) return `${kind} between ${min} and ${max}`;
  if (min !== undefined) return `${kind} of at least ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}

/** `text of 1 to 2000 characters`. */
function textRule(rules: PropertyRules): string {
  const [min, max] = (rules.get('isLength')?.constraints ?? [rules.get('minLength')?.constraints[0], rules.get('maxLength')?.constraints[0]]) as (
    number | undefined
  )[];
  if (min !== undefined && max !== undefined) return `text of ${min} to ${max} characters`;
  if (min !== undefined) return `text of at least ${min} characters`;
  if (max !== undefined) return `text of at most ${max} characters`;
  return 'text';
}

// Control characters other than tab and line breaks have no place in clinical text, and NUL is refused by PostgreSQL.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Well-formed Unicode without control characters: what every string a client sends must be. */
export function isPlainText(value: string): boolean {
  return value.isWellFormed() && !CONTROL_CHARACTERS.test(value);
}
