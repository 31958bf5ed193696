import type { Locale } from '../../contract/vocabulary.js';

const LOCALE_OF_LANGUAGE: Readonly<Record<string, Locale>> = { en: 'EN', nl: 'NL' };

/**
 * The card language an `Accept-Language` header asks for (RFC 9110: language ranges with q
 * weights; `nl-BE` is Dutch): the most preferred language we have, else `fallback`.
 */
export function localeOf(acceptLanguage: string | undefined, fallback: Locale): Locale {
  let best: { locale: Locale; weight: number } | undefined;
  for (const range of acceptLanguage?.split(',') ?? []) {
    const [tag, ...parameters] = range.trim().split(';');
    const locale = LOCALE_OF_LANGUAGE[tag.trim().split('-')[0].toLowerCase()];
    const weight = weightOf(parameters);
    if (locale && weight > 0 && (best === undefined || weight > best.weight)) best = { locale, weight };
  }
  return best?.locale ?? fallback;
}

function weightOf(parameters: readonly string[]): number {
  const q = parameters.map((parameter) => /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(parameter)).find(Boolean);
  return q ? Number(q[1]) : 1;
}
