import { describe, expect, it } from '@jest/globals';
import type { HipFacts } from '../../../contract/vocabulary.js';
import { evaluate } from '../engine/rule-engine.js';
import type { SuggestionCode } from './suggestion-codes.js';
import { TYPICAL_PRESENTATION } from '../../../../test/support/clinical-fixtures.js';

const fires = (code: SuggestionCode, facts: HipFacts): boolean => evaluate(facts, { locale: 'EN' }).suggestions.some((shown) => shown.code === code);

/** The typical presentation, with no X-ray done yet. */
const TYPICAL: HipFacts = { ...TYPICAL_PRESENTATION, xrayPerformed: false };

describe('COMPLETE_CLINICAL_EXAM: any exam finding unknown', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['complete exam', false, {}],
    ['activity relation unknown', true, { activityRelatedPain: undefined }],
    ['morning stiffness unknown', true, { morningStiffnessMinutes: undefined }],
    ['internal rotation unknown', true, { internalRotationDegrees: undefined }],
    ['pain on internal rotation unknown', true, { painOnInternalRotation: undefined }],
    [
      'all four unknown',
      true,
      { activityRelatedPain: undefined, morningStiffnessMinutes: undefined, internalRotationDegrees: undefined, painOnInternalRotation: undefined },
    ],
    ['known false values are recorded findings', false, { activityRelatedPain: false, painOnInternalRotation: false }],
    ['other facts unknown', false, { flexionDegrees: undefined, limping: undefined, ageYears: undefined, bmi: undefined }],
    ['finding unknown, but stage IMAGING', false, { stage: 'IMAGING', activityRelatedPain: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('COMPLETE_CLINICAL_EXAM', { ...TYPICAL, ...change })).toBe(expected);
  });
});

describe('DIAGNOSE_CLINICALLY_WITHOUT_IMAGING: typical presentation and not atypical', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['typical presentation', true, {}],
    ['age 45', true, { ageYears: 45 }],
    ['age 44', false, { ageYears: 44 }],
    ['age unknown', false, { ageYears: undefined }],
    ['pain not activity-related', false, { activityRelatedPain: false }],
    ['activity relation unknown', false, { activityRelatedPain: undefined }],
    ['stiffness 30 minutes', true, { morningStiffnessMinutes: 30 }],
    ['stiffness 31 minutes', false, { morningStiffnessMinutes: 31 }],
    ['stiffness unknown', false, { morningStiffnessMinutes: undefined }],
    ['rotation 14°, painless', true, { internalRotationDegrees: 14, painOnInternalRotation: false }],
    ['rotation 15°, painless', false, { internalRotationDegrees: 15, painOnInternalRotation: false }],
    ['rotation 15°, painful', true, { internalRotationDegrees: 15, painOnInternalRotation: true }],
    ['rotation 14°, pain unknown', true, { internalRotationDegrees: 14, painOnInternalRotation: undefined }],
    ['rotation 15°, pain unknown', false, { internalRotationDegrees: 15, painOnInternalRotation: undefined }],
    ['rotation unknown, painful', true, { internalRotationDegrees: undefined }],
    ['rotation unknown, painless', false, { internalRotationDegrees: undefined, painOnInternalRotation: false }],
    ['a WARNING red flag makes it atypical', false, { redFlags: ['RADICULAR_SIGNS'] }],
    ['red flags not recorded: atypical unknown', false, { redFlags: undefined }],
    ['X-ray already done does not matter', true, { xrayPerformed: true }],
    ['typical, but stage IMAGING', false, { stage: 'IMAGING' }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('DIAGNOSE_CLINICALLY_WITHOUT_IMAGING', { ...TYPICAL, ...change })).toBe(expected);
  });
});

describe('CONSIDER_XRAY_HIP_AND_PELVIS in CLINICAL_EXAM: atypical and xrayPerformed is not true', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['typical presentation', false, {}],
    ['age 44', true, { ageYears: 44 }],
    ['age 45', false, { ageYears: 45 }],
    ['pain not activity-related', true, { activityRelatedPain: false }],
    ['stiffness 31 minutes', true, { morningStiffnessMinutes: 31 }],
    ['stiffness 30 minutes', false, { morningStiffnessMinutes: 30 }],
    ['rotation 15°, painless', true, { internalRotationDegrees: 15, painOnInternalRotation: false }],
    ['rotation 14°, painless', false, { internalRotationDegrees: 14, painOnInternalRotation: false }],
    ['a WARNING red flag', true, { redFlags: ['INFLAMMATORY_ARTHRITIS_SIGNS'] }],
    ['atypical, X-ray unknown', true, { ageYears: 30, xrayPerformed: undefined }],
    ['atypical, X-ray already done', false, { ageYears: 30, xrayPerformed: true }],
    ['atypical unknown (activity relation unknown)', false, { activityRelatedPain: undefined }],
    ['atypical unknown (red flags not recorded)', false, { redFlags: undefined }],
    ['age unknown, otherwise typical', false, { ageYears: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('CONSIDER_XRAY_HIP_AND_PELVIS', { ...TYPICAL, ...change })).toBe(expected);
  });

  it('cites the CLINICAL_EXAM row', () => {
    const shown = evaluate({ ...TYPICAL, ageYears: 30 }, { locale: 'EN' }).suggestions.find(({ code }) => code === 'CONSIDER_XRAY_HIP_AND_PELVIS');
    expect(shown?.citations.map(({ id }) => id)).toEqual(['NICE-NG226', 'ACR-AC-HIP', 'ZAS-HEUPARTROSE']);
    expect(shown?.detail).toContain('atypical');
  });
});
