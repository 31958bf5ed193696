import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { InvalidField } from './errors/api.exception.js';

type ConstraintMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** The class-validator constraints of one property, by constraint name (`isIn`, `max`, ...). */
type PropertyRules = ReadonlyMap<string, ConstraintMetadata>;

const NUMBER_CONSTRAINTS = new Set(['isInt', 'isNumber', 'min', 'max']);
const TEXT_CONSTRAINTS = new Set(['isString', 'minLength', 'maxLength', 'isLength']);

/**
 * Every invalid field of class-validator's errors, by its path under `prefix` (`input.side`), with
 * the rule it breaks in words, built from the constraint's arguments, never from the value.
 * The errors must carry their target (`validationError.target`), to find the constraints' arguments.
 */
export function invalidFields(errors: readonly ValidationError[], prefix: string): InvalidField[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.children?.length) return invalidFields(error.children, field);
    const rules = rulesOf(error.target, error.property);
    const broken = new Set(Object.keys(error.constraints ?? {}).map((name) => describeRule(name, rules)));
    return [{ field, rule: [...broken].join('; ') || 'not a valid value' }];
  });
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
    case 'whitelistValidation':
      return 'not a field of this input';
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
