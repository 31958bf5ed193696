import type { Locale } from './i18n';

/**
 * A suggestion's indicator shown by icon, text and colour together (colour is never the only signal):
 * `<IndicatorBadge indicator="CRITICAL" locale={locale} />`. The icons are inline SVG (no image requests).
 */
export type Indicator = 'CRITICAL' | 'WARNING' | 'INFO';

export const INDICATOR_LABELS: Readonly<Record<Indicator, Readonly<Record<Locale, string>>>> = {
  CRITICAL: { EN: 'Critical', NL: 'Kritiek' },
  WARNING: { EN: 'Warning', NL: 'Waarschuwing' },
  INFO: { EN: 'Information', NL: 'Informatie' },
};

/** CRITICAL first, then WARNING, then INFO. */
export const INDICATOR_ORDER: readonly Indicator[] = ['CRITICAL', 'WARNING', 'INFO'];

export function IndicatorIcon({ indicator }: { indicator: Indicator }) {
  return (
    <svg class="indicator-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      {indicator === 'CRITICAL' && (
        <>
          <polygon points="6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6" fill="currentColor" />
          <rect x="9" y="5" width="2" height="7" fill="#fff" />
          <rect x="9" y="13.5" width="2" height="2" fill="#fff" />
        </>
      )}
      {indicator === 'WARNING' && (
        <>
          <polygon points="10,1 19,18 1,18" fill="currentColor" />
          <rect x="9" y="7" width="2" height="6" fill="#000" />
          <rect x="9" y="14.5" width="2" height="2" fill="#000" />
        </>
      )}
      {indicator === 'INFO' && (
        <>
          <circle cx="10" cy="10" r="9" fill="currentColor" />
          <rect x="9" y="8.5" width="2" height="7" fill="#fff" />
          <rect x="9" y="4.5" width="2" height="2" fill="#fff" />
        </>
      )}
    </svg>
  );
}

export function IndicatorBadge({ indicator, locale }: { indicator: Indicator; locale: Locale }) {
  return (
    <span class={`indicator indicator-${indicator.toLowerCase()}`}>
      <IndicatorIcon indicator={indicator} />
      <span>{INDICATOR_LABELS[indicator][locale]}</span>
    </span>
  );
}
