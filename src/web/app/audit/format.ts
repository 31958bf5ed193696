import type { Locale } from '../common/i18n';

const LANGUAGE: Record<Locale, string> = { EN: 'en-GB', NL: 'nl-BE' };

/** A count or a number of days, written for the locale; '–' for none. */
export function formatNumber(value: number | null | undefined, locale: Locale): string {
  return value === null || value === undefined ? '–' : new Intl.NumberFormat(LANGUAGE[locale], { maximumFractionDigits: 1 }).format(value);
}

/** A percentage as the API gives it (0 to 100, one decimal), e.g. `66.7 %` or `66,7 %`; '–' when there is none. */
export function formatPercentage(value: number | null | undefined, locale: Locale): string {
  return value === null || value === undefined ? '–' : `${formatNumber(value, locale)} %`;
}

/** An instant as date and time in Europe/Brussels. */
export function formatInstant(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(LANGUAGE[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(value));
}
