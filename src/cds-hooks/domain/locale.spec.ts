import { describe, expect, it } from '@jest/globals';
import type { Locale } from '../../contract/vocabulary.js';
import { localeOf } from './locale.js';

describe('localeOf: the card language from Accept-Language', () => {
  it.each<[string | undefined, Locale, Locale]>([
    [undefined, 'EN', 'EN'],
    [undefined, 'NL', 'NL'],
    ['nl', 'EN', 'NL'],
    ['nl-BE', 'EN', 'NL'],
    ['NL-be', 'EN', 'NL'],
    ['en-GB', 'NL', 'EN'],
    ['fr-BE', 'EN', 'EN'],
    ['fr-BE', 'NL', 'NL'],
    ['fr-BE,nl;q=0.8,en;q=0.5', 'EN', 'NL'],
    ['en;q=0.4, nl-BE;q=0.9', 'EN', 'NL'],
    ['nl;q=0, en', 'NL', 'EN'],
    ['nl;q=0', 'EN', 'EN'],
    ['*', 'NL', 'NL'],
    ['en, nl', 'NL', 'EN'],
    ['nl;q=banana', 'EN', 'NL'],
  ])('%s with default %s -> %s', (header, fallback, expected) => {
    expect(localeOf(header, fallback)).toBe(expected);
  });
});
