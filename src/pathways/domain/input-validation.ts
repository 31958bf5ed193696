import { NUMERIC_FACT_RANGES } from '../../contract/vocabulary.js';
import { isCalendarDate, type CalendarDate } from '../../contract/calendar-date.js';
import { PathwayError } from './pathway.error.js';

/** A field that breaks its rule (missing, blank, out of range, not in the vocabulary); the message states the rule. */
export const badInput = (field: string, message: string) => new PathwayError('INVALID_INPUT', message, field);

export function requireNonBlank(field: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') throw badInput(field, `${field} is required and must not be blank.`);
}

export function requireMember<T>(field: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || !allowed.includes(value)) throw badInput(field, `${field} must be one of: ${allowed.join(', ')}.`);
}

export function requireMembers<T>(field: string, values: readonly T[] | undefined, allowed: readonly T[]): void {
  if (!isList(values) || !values.every((value) => allowed.includes(value))) {
    throw badInput(field, `${field} must be a list of: ${allowed.join(', ')}.`);
  }
}

/** `Array.isArray` keeping the element type: on a readonly array it narrows to `any[]`. */
function isList<T>(values: readonly T[] | undefined): values is readonly T[] {
  return Array.isArray(values);
}

/** Checks an optional number against the contract's range of `fact`; `field` names it in the message. */
export function checkRange(fact: keyof typeof NUMERIC_FACT_RANGES, value: number | undefined, field: string = fact): void {
  if (value === undefined) return;
  const { min, max, integer } = NUMERIC_FACT_RANGES[fact];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw badInput(field, `${field} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
  }
}

export function requireDate(field: string, value: CalendarDate | undefined): void {
  if (!isCalendarDate(value)) throw badInput(field, `${field} must be a date written YYYY-MM-DD.`);
}

/** Refuses a recording whose optional fields are all left out: it would record nothing. */
export function requireSomeValue(what: string, payload: object): void {
  if (Object.values(payload).every((value) => value === undefined)) {
    throw new PathwayError('INVALID_INPUT', `Record at least one value of the ${what}.`);
  }
}
