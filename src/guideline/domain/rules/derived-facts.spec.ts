import { describe, expect, it } from '@jest/globals';
import { atypical, coreTreatmentGiven, referralRuleHolds, typicalPresentation } from './derived-facts.js';
import type { HipFacts } from '../../../contract/vocabulary.js';
import { TYPICAL_PRESENTATION } from '../../../../test/support/clinical-fixtures.js';

type Truth = boolean | undefined;

describe('typical presentation and atypical (NICE-NG226 1.1.1–1.1.2)', () => {
  it.each<[string, Partial<HipFacts>, Truth, Truth]>([
    // case, change to TYPICAL_PRESENTATION, typical presentation, atypical
    ['typical case', {}, true, false],
    ['age 45', { ageYears: 45 }, true, false],
    ['age 44', { ageYears: 44 }, false, true],
    ['age unknown', { ageYears: undefined }, undefined, undefined],
    ['activity-related pain false', { activityRelatedPain: false }, false, true],
    ['activity-related pain unknown', { activityRelatedPain: undefined }, undefined, undefined],
    ['stiffness 30 minutes', { morningStiffnessMinutes: 30 }, true, false],
    ['stiffness 31 minutes', { morningStiffnessMinutes: 31 }, false, true],
    ['stiffness unknown', { morningStiffnessMinutes: undefined }, undefined, undefined],
    ['rotation 14°, not painful', { internalRotationDegrees: 14, painOnInternalRotation: false }, true, false],
    ['rotation 15°, not painful', { internalRotationDegrees: 15, painOnInternalRotation: false }, false, true],
    ['rotation 15°, painful', { internalRotationDegrees: 15, painOnInternalRotation: true }, true, false],
    ['rotation 14°, pain unknown', { internalRotationDegrees: 14, painOnInternalRotation: undefined }, true, false],
    ['rotation 15°, pain unknown', { internalRotationDegrees: 15, painOnInternalRotation: undefined }, undefined, undefined],
    ['rotation unknown, painful', { internalRotationDegrees: undefined, painOnInternalRotation: true }, true, false],
    ['rotation unknown, not painful', { internalRotationDegrees: undefined, painOnInternalRotation: false }, undefined, undefined],
    ['a WARNING red flag', { redFlags: ['CLAUDICATION'] }, true, true],
    ['red flags not recorded', { redFlags: undefined }, true, undefined],
    ['age 30 and red flags unknown: atypical anyway', { ageYears: 30, redFlags: undefined }, false, true],
  ])('%s', (_, change, typical, isAtypical) => {
    const facts = { ...TYPICAL_PRESENTATION, ...change };
    expect(typicalPresentation(facts)).toBe(typical);
    expect(atypical(facts)).toBe(isAtypical);
  });
});

describe('core treatment given (NICE-QS87 statements 3–5)', () => {
  it.each<[string, Partial<HipFacts>, Truth]>([
    ['education, exercise, BMI 24.9', { treatments: ['EDUCATION', 'EXERCISE_THERAPY'], bmi: 24.9 }, true],
    ['education, physiotherapy, BMI 20', { treatments: ['EDUCATION', 'PHYSIOTHERAPY'], bmi: 20 }, true],
    ['BMI 25 without weight management', { treatments: ['EDUCATION', 'EXERCISE_THERAPY'], bmi: 25 }, false],
    ['BMI 25 with weight management', { treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT'], bmi: 25 }, true],
    ['BMI unknown without weight management: record the BMI', { treatments: ['EDUCATION', 'EXERCISE_THERAPY'] }, undefined],
    ['BMI unknown with weight management', { treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT'] }, true],
    ['no education', { treatments: ['EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT'], bmi: 22 }, false],
    ['no exercise', { treatments: ['EDUCATION', 'WEIGHT_MANAGEMENT'], bmi: 22 }, false],
    ['treatments known empty', { treatments: [], bmi: 22 }, false],
    ['treatments unknown', { bmi: 22 }, undefined],
  ])('%s', (_, change, expected) => {
    expect(coreTreatmentGiven({ stage: 'CONSERVATIVE_TREATMENT', ...change })).toBe(expected);
  });
});

/** The referral rule holds: 12 weeks of core treatment, quality of life affected, screened, no red flags. */
const REFERABLE: HipFacts = {
  stage: 'CONSERVATIVE_TREATMENT',
  qualityOfLifeSubstantiallyAffected: true,
  redFlagsScreened: true,
  redFlags: [],
  treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT'],
  conservativeTreatmentWeeks: 12,
  nonSurgicalTreatmentUnsuitable: false,
};

describe('referral rule', () => {
  it.each<[string, Partial<HipFacts>, Truth]>([
    ['all criteria met', {}, true],
    ['quality of life not substantially affected', { qualityOfLifeSubstantiallyAffected: false }, false],
    ['quality of life impact unknown', { qualityOfLifeSubstantiallyAffected: undefined }, undefined],
    ['red flags not screened', { redFlagsScreened: false }, false],
    ['red-flag screening unknown', { redFlagsScreened: undefined }, undefined],
    ['red flags not recorded (never on an unscreened list)', { redFlags: undefined }, undefined],
    ['a WARNING red flag counts', { redFlags: ['RADICULAR_SIGNS'] }, false],
    ['11 weeks of core treatment', { conservativeTreatmentWeeks: 11 }, false],
    ['weeks unknown', { conservativeTreatmentWeeks: undefined }, undefined],
    ['no core treatment', { treatments: ['PARACETAMOL'] }, false],
    ['treatments unknown', { treatments: undefined }, undefined],
    ['non-surgical treatment unsuitable, 0 weeks', { conservativeTreatmentWeeks: 0, nonSurgicalTreatmentUnsuitable: true }, true],
    [
      'unsuitable, treatments and weeks unknown',
      { treatments: undefined, conservativeTreatmentWeeks: undefined, nonSurgicalTreatmentUnsuitable: true },
      true,
    ],
    ['suitability unknown and 11 weeks', { conservativeTreatmentWeeks: 11, nonSurgicalTreatmentUnsuitable: undefined }, undefined],
    ['suitability unknown and 12 weeks', { nonSurgicalTreatmentUnsuitable: undefined }, true],
    ['unsuitable but quality of life unaffected', { nonSurgicalTreatmentUnsuitable: true, qualityOfLifeSubstantiallyAffected: false }, false],
    ['unsuitable but a red flag', { nonSurgicalTreatmentUnsuitable: true, redFlags: ['CLAUDICATION'] }, false],
  ])('%s', (_, change, expected) => {
    expect(referralRuleHolds({ ...REFERABLE, ...change })).toBe(expected);
  });

  // NICE-NG226 referral section and QS87 statement 8: never gated on these. (Sex is not a fact at all.)
  const bases: [string, HipFacts, Truth][] = [
    ['holds after 12 weeks', REFERABLE, true],
    ['holds as unsuitable', { ...REFERABLE, conservativeTreatmentWeeks: 2, nonSurgicalTreatmentUnsuitable: true }, true],
    ['fails at 11 weeks', { ...REFERABLE, conservativeTreatmentWeeks: 11 }, false],
    ['unknown without screening', { ...REFERABLE, redFlagsScreened: undefined }, undefined],
  ];
  const irrelevant: [string, Partial<HipFacts>][] = [
    ['age 16', { ageYears: 16 }],
    ['age 45', { ageYears: 45 }],
    ['age 95', { ageYears: 95 }],
    ['BMI 18', { bmi: 18 }],
    ['BMI 45', { bmi: 45 }],
    ['smoker', { smoker: true }],
    ['non-smoker', { smoker: false }],
    ['uncontrolled diabetes', { diabetesUncontrolled: true }],
    ['pain score 0', { painScore: 0 }],
    ['pain score 10', { painScore: 10 }],
    ['Oxford Hip Score 48', { oxfordHipScore: 48 }],
    ['Oxford Hip Score 5', { oxfordHipScore: 5 }],
    ['Kellgren-Lawrence 0', { kellgrenLawrenceGrade: 0 }],
    ['Kellgren-Lawrence 4', { kellgrenLawrenceGrade: 4 }],
    [
      'everything at once',
      { ageYears: 92, bmi: 41, smoker: true, diabetesUncontrolled: true, painScore: 1, oxfordHipScore: 46, kellgrenLawrenceGrade: 1 },
    ],
  ];
  it.each(bases.flatMap(([base, facts, expected]) => irrelevant.map(([what, change]) => [base, what, facts, change, expected] as const)))(
    '%s: same result with %s',
    (_, __, facts, change, expected) => {
      expect(referralRuleHolds(facts)).toBe(expected);
      expect(referralRuleHolds({ ...facts, ...change })).toBe(expected);
    },
  );
});
