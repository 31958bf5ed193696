import { Clock } from '../../src/common/clock.js';
import { brusselsDate, type CalendarDate } from '../../src/contract/calendar-date.js';

const MS_PER_DAY = 86_400_000;

/** The Brussels calendar date `days` before the instant `now` (a negative count: after it). */
export function calendarDaysBefore(now: Date, days: number): CalendarDate {
  return new Date(Date.parse(`${brusselsDate(now)}T00:00:00Z`) - days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * A Clock that stands still until a test sets or advances it, so that ages, week counts and
 * "not in the future" checks do not depend on the day the tests run. Give it to the app with
 * `TestApp.start({ overrides: [{ provide: Clock, useValue: clock }] })`.
 */
export class FixedClock extends Clock {
  private instant: number;

  /** Noon in Brussels on an ordinary summer day, unless told otherwise. */
  constructor(now: Date | string = '2026-06-15T10:00:00Z') {
    super();
    this.instant = new Date(now).getTime();
  }

  override now(): Date {
    return new Date(this.instant);
  }

  set(now: Date | string): void {
    this.instant = new Date(now).getTime();
  }

  advanceDays(days: number): void {
    this.instant += days * MS_PER_DAY;
  }

  /** The Brussels calendar date `days` before now (a negative count: after now). */
  daysAgo(days: number): CalendarDate {
    return calendarDaysBefore(this.now(), days);
  }
}
