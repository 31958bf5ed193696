import { describe, expect, it } from '@jest/globals';
import type { HipFacts } from '../../../contract/vocabulary.js';
import { evaluate } from '../engine/rule-engine.js';
import type { SuggestionCode } from './suggestion-codes.js';

const suggestion = (code: SuggestionCode, facts: HipFacts) => evaluate(facts, { locale: 'EN' }).suggestions.find((shown) => shown.code === code);
const fires = (code: SuggestionCode, facts: HipFacts): boolean => suggestion(code, facts) !== undefined;

/** Ready for surgery: nothing to optimise, decision documented, X-ray and baseline score present. */
const READY: HipFacts = {
  stage: 'SURGICAL_REFERRAL',
  smoker: false,
  diabetesUncontrolled: false,
  treatments: ['EDUCATION', 'EXERCISE_THERAPY'],
  sharedDecisionDocumented: true,
  xrayPerformed: true,
  oxfordHipScore: 18,
  painScore: 7,
  redFlagsScreened: true,
  redFlags: [],
};

describe('OPTIMISE_BEFORE_SURGERY in SURGICAL_REFERRAL: smoker or diabetesUncontrolled', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['smoker', true, { smoker: true }],
    ['uncontrolled diabetes', true, { diabetesUncontrolled: true }],
    ['neither', false, {}],
    ['smoking unknown, no diabetes', false, { smoker: undefined }],
    ['both unknown', false, { smoker: undefined, diabetesUncontrolled: undefined }],
    ['smoking unknown, uncontrolled diabetes', true, { smoker: undefined, diabetesUncontrolled: true }],
    ['smoker; the referral rule is not needed in this stage', true, { smoker: true, qualityOfLifeSubstantiallyAffected: false }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('OPTIMISE_BEFORE_SURGERY', { ...READY, ...change })).toBe(expected);
  });

  it('explains the SURGICAL_REFERRAL row with its own citation and text', () => {
    const shown = suggestion('OPTIMISE_BEFORE_SURGERY', { ...READY, smoker: true });
    expect(shown?.indicator).toBe('WARNING');
    expect(shown?.citations.map(({ id }) => id)).toEqual(['ACR-AAHKS-2023']);
    expect(shown?.detail).toContain('not a reason to refuse surgery');
    expect(shown?.explanation.derivedFacts).toEqual([]);
  });
});

describe('RECENT_INTRA_ARTICULAR_INJECTION: INTRA_ARTICULAR_CORTICOSTEROID in treatments', () => {
  it.each<[string, boolean, HipFacts['treatments']]>([
    ['injected within 12 weeks', true, ['INTRA_ARTICULAR_CORTICOSTEROID']],
    ['hyaluronic acid only', false, ['HYALURONIC_ACID_INJECTION']],
    ['known empty', false, []],
    ['unknown', false, undefined],
  ])('%s -> %s', (_, expected, treatments) => {
    expect(fires('RECENT_INTRA_ARTICULAR_INJECTION', { ...READY, treatments })).toBe(expected);
  });
});

describe.each<[SuggestionCode, keyof HipFacts]>([
  ['DISCUSS_SHARED_DECISION', 'sharedDecisionDocumented'],
  ['CONSIDER_XRAY_HIP_AND_PELVIS', 'xrayPerformed'],
])('%s: %s is not true', (code, fact) => {
  it.each<[boolean | undefined, boolean]>([
    [false, true],
    [undefined, true],
    [true, false],
  ])('%s -> %s', (value, expected) => {
    expect(fires(code, { ...READY, [fact]: value })).toBe(expected);
  });
});

describe('RECORD_PATIENT_REPORTED_OUTCOMES in SURGICAL_REFERRAL: oxfordHipScore unknown (baseline)', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['baseline Oxford Hip Score unknown', true, { oxfordHipScore: undefined }],
    ['baseline recorded', false, {}],
    ['pain score unknown does not count in this stage', false, { painScore: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('RECORD_PATIENT_REPORTED_OUTCOMES', { ...READY, ...change })).toBe(expected);
  });

  it('cites the SURGICAL_REFERRAL row', () => {
    const shown = suggestion('RECORD_PATIENT_REPORTED_OUTCOMES', { ...READY, oxfordHipScore: undefined });
    expect(shown?.citations.map(({ id }) => id)).toEqual(['NICE-NG157']);
    expect(shown?.detail).toContain('preoperative');
  });
});
