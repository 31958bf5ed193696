import { describe, expect, it } from '@jest/globals';
import { brusselsDate, completedYears, daysBetween, isCalendarDate, startOfBrusselsDay } from './calendar-date.js';

describe('brusselsDate', () => {
  it.each([
    ['2026-03-28T22:59:59Z', '2026-03-28', 'last second of 28 March in winter time (UTC+1)'],
    ['2026-03-28T23:00:00Z', '2026-03-29', 'Brussels midnight in winter time'],
    ['2026-03-28T23:30:00Z', '2026-03-29', 'already the 29th in Brussels, still the 28th in UTC'],
    ['2026-03-29T21:59:59Z', '2026-03-29', 'the day summer time starts (UTC+2)'],
    ['2026-03-29T22:00:00Z', '2026-03-30', 'Brussels midnight in summer time'],
    ['2026-10-24T22:00:00Z', '2026-10-25', 'midnight before summer time ends'],
    ['2026-10-25T22:59:59Z', '2026-10-25', 'the day summer time ends lasts 25 hours'],
    ['2026-10-25T23:00:00Z', '2026-10-26', 'Brussels midnight back in winter time'],
    ['2026-12-31T23:00:00Z', '2027-01-01', 'new year in Brussels'],
  ])('%s is %s (%s)', (instant, date) => {
    expect(brusselsDate(new Date(instant))).toBe(date);
  });

  it('answers each instant of an hour, and the hours around it, whatever was asked before', () => {
    const asked = ['2026-03-28T22:00:00Z', '2026-03-28T22:59:59.999Z', '2026-03-28T23:00:00Z', '2026-03-28T22:30:00Z', '2026-03-28T23:59:59Z'];
    expect(asked.map((instant) => brusselsDate(new Date(instant)))).toEqual(['2026-03-28', '2026-03-28', '2026-03-29', '2026-03-28', '2026-03-29']);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-03-29', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-29', false],
    ['29/03/2026', false],
    ['2026-03-29T00:00:00Z', false],
    ['', false],
  ])('%s -> %s', (value, valid) => {
    expect(isCalendarDate(value)).toBe(valid);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-03-22', '2026-03-29', 7, 'a week across the start of summer time'],
    ['2026-10-19', '2026-10-26', 7, 'a week across the end of summer time'],
    ['2026-01-05', '2026-03-29', 83, 'across month ends'],
    ['2024-02-28', '2024-03-01', 2, 'across a leap day'],
    ['2026-03-29', '2026-03-28', -1, 'backwards'],
  ])('%s to %s is %d days (%s)', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('completedYears', () => {
  it.each([
    ['1960-03-29', '2026-03-28', 65, 'the day before the birthday'],
    ['1960-03-29', '2026-03-29', 66, 'on the birthday'],
    ['2008-02-29', '2026-02-28', 17, 'a leap-day birthday in a common year: not yet'],
    ['2008-02-29', '2026-03-01', 18, 'a leap-day birthday completes on 1 March'],
    ['2008-02-29', '2028-02-29', 20, 'a leap-day birthday in a leap year'],
  ])('from %s to %s is %d (%s)', (from, to, years) => {
    expect(completedYears(from, to)).toBe(years);
  });
});

describe('startOfBrusselsDay', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z', 'winter time'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z', 'summer time'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z', 'summer time starts later that night'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z', 'summer time ends later that night'],
    ['2026-10-26', '2026-10-25T23:00:00.000Z', 'the first day back in winter time'],
  ])('%s starts at %s (%s)', (date, instant) => {
    expect(startOfBrusselsDay(date).toISOString()).toBe(instant);
  });
});
