import { describe, expect, it } from '@jest/globals';
import { and3, compare, contains, difference, isNotTrue, isUnknown, nonEmpty, not3, or3, type Truth } from './three-valued-logic.js';

const T = true;
const F = false;
const U = undefined;

describe('Kleene three-valued logic', () => {
  it.each<[Truth, Truth, Truth, Truth]>([
    // a, b, a and b, a or b
    [T, T, T, T],
    [T, F, F, T],
    [T, U, U, T],
    [F, T, F, T],
    [F, F, F, F],
    [F, U, F, U],
    [U, T, U, T],
    [U, F, F, U],
    [U, U, U, U],
  ])('%s and/or %s -> %s / %s', (a, b, conjunction, disjunction) => {
    expect(and3(a, b)).toBe(conjunction);
    expect(or3(a, b)).toBe(disjunction);
  });

  it.each<[Truth, Truth, boolean]>([
    // a, not a, a is not true
    [T, F, false],
    [F, T, true],
    [U, U, true],
  ])('not %s -> %s; "%s is not true" -> %s', (a, negation, notTrue) => {
    expect(not3(a)).toBe(negation);
    expect(isNotTrue(a)).toBe(notTrue);
  });
});

describe('comparisons on possibly unknown numbers', () => {
  it.each<[number | undefined, '<' | '<=' | '>=' | '>', number, Truth]>([
    [44, '>=', 45, F],
    [45, '>=', 45, T],
    [30, '<=', 30, T],
    [31, '<=', 30, F],
    [14, '<', 15, T],
    [15, '<', 15, F],
    [24.9, '<', 25, T],
    [31, '>', 30, T],
    [30, '>', 30, F],
    [0, '<', 16, T],
    [U, '>=', 45, U],
    [U, '<', 15, U],
  ])('%s %s %s -> %s', (value, operator, threshold, expected) => {
    expect(compare(value, operator, threshold)).toBe(expected);
  });

  it.each<[number | undefined, number | undefined, number | undefined]>([
    [27, 20, 7],
    [20, 27, -7],
    [U, 20, U],
    [27, U, U],
  ])('%s - %s -> %s', (a, b, expected) => {
    expect(difference(a, b)).toBe(expected);
  });
});

describe('lists: absent is unknown, [] is known empty', () => {
  it.each<[readonly string[] | undefined, Truth, Truth]>([
    // list, "ORAL_NSAID in list", "any of list"
    [['ORAL_NSAID'], T, T],
    [['PARACETAMOL'], F, T],
    [[], F, F],
    [U, U, U],
  ])('%j: contains ORAL_NSAID -> %s, non-empty -> %s', (list, containsNsaid, any) => {
    expect(contains(list, 'ORAL_NSAID')).toBe(containsNsaid);
    expect(nonEmpty(list)).toBe(any);
  });

  it('"no X" needs a known empty list', () => {
    expect(not3(nonEmpty([]))).toBe(true);
    expect(not3(nonEmpty(undefined))).toBe(undefined);
    expect(not3(nonEmpty(['RENAL_IMPAIRMENT']))).toBe(false);
  });
});

describe('isUnknown', () => {
  it.each<[unknown, boolean]>([
    [U, true],
    [false, false],
    [0, false],
    [[], false],
  ])('%j -> %s', (value, expected) => {
    expect(isUnknown(value)).toBe(expected);
  });
});
