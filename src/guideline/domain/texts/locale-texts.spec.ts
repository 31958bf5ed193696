import { describe, expect, it } from '@jest/globals';
import { LOCALES, type PathwayStage } from '../../../contract/vocabulary.js';
import { TEXTS } from './locale-texts.js';
import { RULE_SET } from '../rules/rule-set.js';
import { SUGGESTION_CODES, type SuggestionCode } from '../rules/suggestion-codes.js';

const stagesOf = (code: SuggestionCode): PathwayStage[] => RULE_SET.filter((rule) => rule.code === code).flatMap((rule) => [...rule.stages]);

describe.each(LOCALES)('%s texts', (locale) => {
  const { suggestions, factLabels, derivedFactLabels } = TEXTS[locale];

  it.each(SUGGESTION_CODES)('%s has a title under 140 characters and a detail for every stage it fires in', (code) => {
    const { title, detail } = suggestions[code];
    expect(title.trim().length).toBeGreaterThan(0);
    expect(title.length).toBeLessThan(140);
    for (const stage of stagesOf(code)) {
      const text = typeof detail === 'string' ? detail : detail[stage];
      expect(text?.trim().length).toBeGreaterThan(20);
    }
    if (typeof detail !== 'string') expect(Object.keys(detail).sort()).toEqual(stagesOf(code).sort());
  });

  it('has exactly the suggestion codes, fact labels and derived-fact labels of the English table', () => {
    expect(Object.keys(suggestions).sort()).toEqual([...SUGGESTION_CODES].sort());
    expect(Object.keys(factLabels).sort()).toEqual(Object.keys(TEXTS.EN.factLabels).sort());
    expect(Object.keys(derivedFactLabels).sort()).toEqual(Object.keys(TEXTS.EN.derivedFactLabels).sort());
    expect(Object.values(factLabels).every((label) => label.length > 0)).toBe(true);
  });
});

describe('Dutch is a translation, not a copy', () => {
  it.each(SUGGESTION_CODES)('%s', (code) => {
    expect(TEXTS.NL.suggestions[code].title).not.toBe(TEXTS.EN.suggestions[code].title);
    expect(TEXTS.NL.suggestions[code].detail).not.toEqual(TEXTS.EN.suggestions[code].detail);
  });
});

describe('details carry the NICE recommendation numbers the contract gives', () => {
  it.each<[SuggestionCode, string]>([
    ['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING', 'NICE NG226 1.1.1'],
    ['COMPLETE_CLINICAL_EXAM', 'NICE NG226 1.1.1'],
    ['SCREEN_RED_FLAGS', 'NICE NG226 1.1.2'],
    ['PROVIDE_OA_INFORMATION', 'NICE NG226 1.2.1–1.2.3'],
    ['DISCUSS_SHARED_DECISION', 'NICE NG157 1.1.2'],
    ['REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', 'NICE QS87 statement 7'],
    ['START_EXERCISE_THERAPY', 'NICE QS87 statement 4'],
    ['SUPPORT_WEIGHT_LOSS', 'NICE QS87 statement 5'],
  ])('%s mentions %s in both locales', (code, reference) => {
    for (const locale of LOCALES) expect(TEXTS[locale].suggestions[code].detail).toContain(reference);
  });
});
