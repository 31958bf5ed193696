import { describe, expect, it } from '@jest/globals';
import type { HipFacts } from '../../../contract/vocabulary.js';
import { evaluate } from '../engine/rule-engine.js';
import type { SuggestionCode } from './suggestion-codes.js';

const fires = (code: SuggestionCode, facts: HipFacts): boolean => evaluate(facts, { locale: 'EN' }).suggestions.some((shown) => shown.code === code);

/** 26 weeks after surgery, Oxford Hip Score 20 before and 27 after: a gain of 7. */
const POOR: HipFacts = { stage: 'TOTAL_HIP_PROSTHESIS', weeksSinceSurgery: 26, oxfordHipScore: 20, postoperativeOxfordHipScore: 27 };

describe('REVIEW_POOR_POSTOPERATIVE_OUTCOME: weeksSinceSurgery >= 26, oxfordHipScore <= 40, gain < 8', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['gain 7 at 26 weeks', true, {}],
    ['gain 8', false, { postoperativeOxfordHipScore: 28 }],
    ['worse than before', true, { postoperativeOxfordHipScore: 15 }],
    ['25 weeks', false, { weeksSinceSurgery: 25 }],
    ['weeks since surgery unknown', false, { weeksSinceSurgery: undefined }],
    ['preoperative 40, gain 7', true, { oxfordHipScore: 40, postoperativeOxfordHipScore: 47 }],
    ['preoperative 41, gain 7', false, { oxfordHipScore: 41, postoperativeOxfordHipScore: 48 }],
    ['preoperative score unknown', false, { oxfordHipScore: undefined }],
    ['postoperative score unknown', false, { postoperativeOxfordHipScore: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('REVIEW_POOR_POSTOPERATIVE_OUTCOME', { ...POOR, ...change })).toBe(expected);
  });
});

describe('RECORD_POSTOPERATIVE_OUTCOME: weeksSinceSurgery >= 26 and postoperativeOxfordHipScore unknown', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['26 weeks, no postoperative score', true, { postoperativeOxfordHipScore: undefined }],
    ['25 weeks, no postoperative score', false, { weeksSinceSurgery: 25, postoperativeOxfordHipScore: undefined }],
    ['weeks unknown, no postoperative score', false, { weeksSinceSurgery: undefined, postoperativeOxfordHipScore: undefined }],
    ['postoperative score recorded', false, {}],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('RECORD_POSTOPERATIVE_OUTCOME', { ...POOR, ...change })).toBe(expected);
  });
});
