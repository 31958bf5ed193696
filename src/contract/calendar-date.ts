/** A calendar date, 'YYYY-MM-DD'. Clinical dates are calendar dates in Europe/Brussels. */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;

const BRUSSELS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const MS_PER_HOUR = 3_600_000;
/** Bounded: cleared when full. A service asks about a few recent hours; the data generator about many. */
const DATE_BY_UTC_HOUR = new Map<number, CalendarDate>();
const MAX_CACHED_HOURS = 4096;

/**
 * The calendar date in Brussels at the instant `now`. Brussels has been a whole number of hours
 * off UTC since 1892, so its midnight falls on a whole UTC hour and one UTC hour has one Brussels
 * date: it is kept per hour, sparing the slow time-zone formatting on most calls.
 */
export function brusselsDate(now: Date): CalendarDate {
  const hour = Math.floor(now.getTime() / MS_PER_HOUR);
  let date = DATE_BY_UTC_HOUR.get(hour);
  if (date === undefined) {
    const parts = BRUSSELS.formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
    date = `${part('year')}-${part('month')}-${part('day')}`;
    if (DATE_BY_UTC_HOUR.size >= MAX_CACHED_HOURS) DATE_BY_UTC_HOUR.clear();
    DATE_BY_UTC_HOUR.set(hour, date);
  }
  return date;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `from` to `to`, counted on calendar dates (at UTC midnight, so no DST shifts). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY;
}

/** Completed years from `from` to `to` (a 29 February birthday completes on 1 March). */
export function completedYears(from: CalendarDate, to: CalendarDate): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The first instant of a Brussels calendar date: its midnight, 22:00 (summer time) or 23:00 (winter time) UTC the day before. */
export function startOfBrusselsDay(date: CalendarDate): Date {
  const hour = MS_PER_DAY / 24;
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const summerMidnight = new Date(utcMidnight - 2 * hour);
  return brusselsDate(summerMidnight) === date ? summerMidnight : new Date(utcMidnight - hour);
}
