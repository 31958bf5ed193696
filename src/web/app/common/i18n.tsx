import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { tokenClaims } from './auth';

/**
 * EN and NL (nl-BE). A page keeps its texts as `const MESSAGES: Messages<{...}> = { EN: {...}, NL: {...} }` (a missing
 * text fails type-checking) and reads them with `useMessages(MESSAGES)`. `<LocaleProvider>` (the shell renders it)
 * holds the language, remembered per user: localStorage keyed by the token's subject; `useLocale()` gives it and its
 * setter. The API's `locale` arguments take the same values.
 */
export const LOCALES = ['EN', 'NL'] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages<T> = Readonly<Record<Locale, T>>;

const HTML_LANG: Record<Locale, string> = { EN: 'en', NL: 'nl-BE' };

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'EN', setLocale: () => undefined });

function storageKey(): string {
  return `heupartrose.locale.${tokenClaims()?.sub ?? 'anonymous'}`;
}

/** The language remembered for the signed-in user, else the browser's (Dutch when it prefers nl), else English. */
export function rememberedLocale(): Locale {
  const stored = localStorage.getItem(storageKey());
  if (stored === 'EN' || stored === 'NL') return stored;
  return navigator.language.toLowerCase().startsWith('nl') ? 'NL' : 'EN';
}

export function LocaleProvider({ children }: { children: ComponentChildren }) {
  const [locale, setState] = useState<Locale>(rememberedLocale);
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[locale];
  }, [locale]);
  const setLocale = (next: Locale) => {
    localStorage.setItem(storageKey(), next);
    setState(next);
  };
  return <LocaleContext.Provider value={{ locale, setLocale }}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function useMessages<T>(messages: Messages<T>): T {
  return messages[useLocale().locale];
}

/** A date (YYYY-MM-DD) or instant written for the locale, in Europe/Brussels. */
export function formatDate(value: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: 'medium', timeZone: 'Europe/Brussels' }).format(date);
}

const BRUSSELS_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in Europe/Brussels of an instant (default: now), as YYYY-MM-DD (the API's clinical dates). */
export function brusselsDate(instant: string | Date = new Date()): string {
  return BRUSSELS_DATE.format(new Date(instant));
}

/** Today's date in Europe/Brussels, as YYYY-MM-DD. */
export function todayInBrussels(): string {
  return brusselsDate();
}
