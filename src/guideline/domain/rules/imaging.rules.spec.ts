import { describe, expect, it } from '@jest/globals';
import type { HipFacts } from '../../../contract/vocabulary.js';
import { evaluate } from '../engine/rule-engine.js';
import type { SuggestionCode } from './suggestion-codes.js';

const suggestion = (code: SuggestionCode, facts: HipFacts) => evaluate(facts, { locale: 'EN' }).suggestions.find((shown) => shown.code === code);
const fires = (code: SuggestionCode, facts: HipFacts): boolean => suggestion(code, facts) !== undefined;

const IMAGED: HipFacts = { stage: 'IMAGING', xrayPerformed: true, kellgrenLawrenceGrade: 3, redFlagsScreened: true, redFlags: [] };

describe('RECONSIDER_DIAGNOSIS in IMAGING: kellgrenLawrenceGrade <= 1', () => {
  it.each<[number | undefined, boolean]>([
    [0, true],
    [1, true],
    [2, false],
    [4, false],
    [undefined, false],
  ])('grade %s -> %s', (kellgrenLawrenceGrade, expected) => {
    expect(fires('RECONSIDER_DIAGNOSIS', { ...IMAGED, kellgrenLawrenceGrade })).toBe(expected);
  });

  it('is a WARNING citing the IMAGING row, without needing the referral rule', () => {
    const shown = suggestion('RECONSIDER_DIAGNOSIS', { ...IMAGED, kellgrenLawrenceGrade: 1 });
    expect(shown?.indicator).toBe('WARNING');
    expect(shown?.citations.map(({ id }) => id)).toEqual(['NICE-NG226', 'ACR-AC-HIP']);
    expect(shown?.detail).toContain('another cause');
  });
});

describe('CONSIDER_XRAY_HIP_AND_PELVIS in IMAGING: xrayPerformed is not true', () => {
  it.each<[boolean | undefined, boolean]>([
    [false, true],
    [undefined, true],
    [true, false],
  ])('X-ray performed %s -> %s', (xrayPerformed, expected) => {
    expect(fires('CONSIDER_XRAY_HIP_AND_PELVIS', { ...IMAGED, xrayPerformed })).toBe(expected);
  });

  it('cites the IMAGING row', () => {
    expect(suggestion('CONSIDER_XRAY_HIP_AND_PELVIS', { stage: 'IMAGING' })?.citations.map(({ id }) => id)).toEqual([
      'ACR-AC-HIP',
      'ZAS-HEUPARTROSE',
    ]);
  });
});

describe('RECORD_XRAY_RESULT: xrayPerformed and kellgrenLawrenceGrade unknown', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['X-ray done, grade unknown', true, { kellgrenLawrenceGrade: undefined }],
    ['X-ray done, grade 0 recorded', false, { kellgrenLawrenceGrade: 0 }],
    ['X-ray not done, grade unknown', false, { xrayPerformed: false, kellgrenLawrenceGrade: undefined }],
    ['X-ray unknown, grade unknown', false, { xrayPerformed: undefined, kellgrenLawrenceGrade: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('RECORD_XRAY_RESULT', { ...IMAGED, ...change })).toBe(expected);
  });
});
