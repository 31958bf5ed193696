import { describe, expect, it } from '@jest/globals';
import type { HipFacts } from '../../../contract/vocabulary.js';
import { evaluate } from '../engine/rule-engine.js';
import type { SuggestionCode } from './suggestion-codes.js';

const suggestion = (code: SuggestionCode, facts: HipFacts) => evaluate(facts, { locale: 'EN' }).suggestions.find((shown) => shown.code === code);
const fires = (code: SuggestionCode, facts: HipFacts): boolean => suggestion(code, facts) !== undefined;

/** The referral rule holds: 12 weeks of education and exercise at BMI 23, quality of life affected, screened. */
const REFERABLE: HipFacts = {
  stage: 'CONSERVATIVE_TREATMENT',
  ageYears: 68,
  bmi: 23,
  qualityOfLifeSubstantiallyAffected: true,
  redFlagsScreened: true,
  redFlags: [],
  treatments: ['EDUCATION', 'EXERCISE_THERAPY'],
  conservativeTreatmentWeeks: 12,
  nonSurgicalTreatmentUnsuitable: false,
  xrayPerformed: true,
  kellgrenLawrenceGrade: 3,
  painScore: 6,
  oxfordHipScore: 22,
  nsaidRiskFactors: [],
  limping: false,
  smoker: false,
  diabetesUncontrolled: false,
};
/** The same patient at 6 weeks: the referral rule does not hold. */
const NOT_YET: HipFacts = { ...REFERABLE, conservativeTreatmentWeeks: 6 };
/** The referral rule is unknown: quality-of-life impact not recorded. */
const UNDECIDED: HipFacts = { ...REFERABLE, qualityOfLifeSubstantiallyAffected: undefined };

type Case = [string, boolean, HipFacts];

describe('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: the referral rule holds', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['all criteria met at 12 weeks', true, {}],
    ['11 weeks', false, { conservativeTreatmentWeeks: 11 }],
    ['weeks unknown', false, { conservativeTreatmentWeeks: undefined }],
    ['quality of life not substantially affected', false, { qualityOfLifeSubstantiallyAffected: false }],
    ['quality-of-life impact unknown', false, { qualityOfLifeSubstantiallyAffected: undefined }],
    ['red flags not screened', false, { redFlagsScreened: false }],
    ['red-flag screening unknown', false, { redFlagsScreened: undefined }],
    ['red flags absent (not known empty)', false, { redFlags: undefined }],
    ['a WARNING red flag', false, { redFlags: ['CLAUDICATION'] }],
    ['no education', false, { treatments: ['EXERCISE_THERAPY'] }],
    ['no exercise', false, { treatments: ['EDUCATION'] }],
    ['physiotherapy instead of exercise therapy', true, { treatments: ['EDUCATION', 'PHYSIOTHERAPY'] }],
    ['BMI 24.9 without weight management', true, { bmi: 24.9 }],
    ['BMI 25 without weight management', false, { bmi: 25 }],
    ['BMI 25 with weight management', true, { bmi: 25, treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT'] }],
    ['BMI unknown without weight management', false, { bmi: undefined }],
    ['BMI unknown with weight management', true, { bmi: undefined, treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT'] }],
    ['treatments unknown', false, { treatments: undefined }],
    ['non-surgical treatment unsuitable, 0 weeks', true, { conservativeTreatmentWeeks: 0, nonSurgicalTreatmentUnsuitable: true }],
    ['unsuitable, treatments unknown', true, { treatments: undefined, nonSurgicalTreatmentUnsuitable: true }],
    ['unsuitable but quality of life unaffected', false, { nonSurgicalTreatmentUnsuitable: true, qualityOfLifeSubstantiallyAffected: false }],
    ['criteria met, but stage IMAGING', false, { stage: 'IMAGING' }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', { ...REFERABLE, ...change })).toBe(expected);
  });

  it.each<[string, Partial<HipFacts>]>([
    ['age 16', { ageYears: 16 }],
    ['age 95', { ageYears: 95 }],
    ['BMI 24 to BMI 45 with weight management', { bmi: 45, treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'WEIGHT_MANAGEMENT'] }],
    ['smoker', { smoker: true }],
    ['uncontrolled diabetes', { diabetesUncontrolled: true }],
    ['smoking and diabetes unknown', { smoker: undefined, diabetesUncontrolled: undefined }],
    ['pain score 0', { painScore: 0 }],
    ['Oxford Hip Score 47', { oxfordHipScore: 47 }],
    ['scores unknown', { painScore: undefined, oxfordHipScore: undefined }],
    ['Kellgren-Lawrence 0', { kellgrenLawrenceGrade: 0 }],
    ['Kellgren-Lawrence unknown, no X-ray', { kellgrenLawrenceGrade: undefined, xrayPerformed: false }],
  ])('is not withheld on %s (NICE-NG226 referral section, QS87 statement 8)', (_, change) => {
    expect(fires('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', { ...REFERABLE, ...change })).toBe(true);
    expect(fires('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', { ...NOT_YET, ...change })).toBe(false);
  });
});

describe('RECONSIDER_DIAGNOSIS in CONSERVATIVE_TREATMENT: referral rule holds and kellgrenLawrenceGrade <= 1', () => {
  it.each<Case>([
    ['referable, grade 1', true, { ...REFERABLE, kellgrenLawrenceGrade: 1 }],
    ['referable, grade 0', true, { ...REFERABLE, kellgrenLawrenceGrade: 0 }],
    ['referable, grade 2', false, { ...REFERABLE, kellgrenLawrenceGrade: 2 }],
    ['referable, grade unknown', false, { ...REFERABLE, kellgrenLawrenceGrade: undefined }],
    ['not referable, grade 1', false, { ...NOT_YET, kellgrenLawrenceGrade: 1 }],
    ['referral unknown, grade 1', false, { ...UNDECIDED, kellgrenLawrenceGrade: 1 }],
  ])('%s -> %s', (_, expected, facts) => {
    expect(fires('RECONSIDER_DIAGNOSIS', facts)).toBe(expected);
  });

  it('cites and explains the CONSERVATIVE_TREATMENT row', () => {
    const shown = suggestion('RECONSIDER_DIAGNOSIS', { ...REFERABLE, kellgrenLawrenceGrade: 1 });
    expect(shown?.citations.map(({ id }) => id)).toEqual(['NICE-NG226', 'ACR-AC-HIP']);
    expect(shown?.detail).toContain('before surgery');
  });
});

describe('OPTIMISE_BEFORE_SURGERY in CONSERVATIVE_TREATMENT: referral rule holds and (smoker or diabetesUncontrolled)', () => {
  it.each<Case>([
    ['referable smoker', true, { ...REFERABLE, smoker: true }],
    ['referable, uncontrolled diabetes', true, { ...REFERABLE, diabetesUncontrolled: true }],
    ['referable, neither', false, REFERABLE],
    ['referable, smoking unknown, no diabetes', false, { ...REFERABLE, smoker: undefined }],
    ['referable, smoking unknown, uncontrolled diabetes', true, { ...REFERABLE, smoker: undefined, diabetesUncontrolled: true }],
    ['not referable smoker', false, { ...NOT_YET, smoker: true }],
    ['referral unknown, smoker', false, { ...UNDECIDED, smoker: true }],
  ])('%s -> %s', (_, expected, facts) => {
    expect(fires('OPTIMISE_BEFORE_SURGERY', facts)).toBe(expected);
  });
});

describe('CONSIDER_XRAY_HIP_AND_PELVIS in CONSERVATIVE_TREATMENT: referral rule holds and xrayPerformed is not true', () => {
  it.each<Case>([
    ['referable, no X-ray', true, { ...REFERABLE, xrayPerformed: false }],
    ['referable, X-ray unknown', true, { ...REFERABLE, xrayPerformed: undefined }],
    ['referable, X-ray done', false, REFERABLE],
    ['not referable, no X-ray', false, { ...NOT_YET, xrayPerformed: false }],
    ['referral unknown, no X-ray', false, { ...UNDECIDED, xrayPerformed: false }],
  ])('%s -> %s', (_, expected, facts) => {
    expect(fires('CONSIDER_XRAY_HIP_AND_PELVIS', facts)).toBe(expected);
  });
});

describe('treatment gaps (each unknown when treatments is absent)', () => {
  it.each<[SuggestionCode, string, boolean, Partial<HipFacts>]>([
    ['STOP_HYALURONIC_ACID', 'hyaluronic acid given', true, { treatments: ['HYALURONIC_ACID_INJECTION'] }],
    ['STOP_HYALURONIC_ACID', 'not given', false, { treatments: ['INTRA_ARTICULAR_CORTICOSTEROID'] }],
    ['STOP_HYALURONIC_ACID', 'treatments unknown', false, { treatments: undefined }],
    ['PROVIDE_OA_INFORMATION', 'treatments known empty', true, { treatments: [] }],
    ['PROVIDE_OA_INFORMATION', 'exercise without education', true, { treatments: ['EXERCISE_THERAPY'] }],
    ['PROVIDE_OA_INFORMATION', 'education given', false, { treatments: ['EDUCATION'] }],
    ['PROVIDE_OA_INFORMATION', 'treatments unknown', false, { treatments: undefined }],
    ['START_EXERCISE_THERAPY', 'treatments known empty', true, { treatments: [] }],
    ['START_EXERCISE_THERAPY', 'education only', true, { treatments: ['EDUCATION'] }],
    ['START_EXERCISE_THERAPY', 'exercise therapy given', false, { treatments: ['EXERCISE_THERAPY'] }],
    ['START_EXERCISE_THERAPY', 'physiotherapy given', false, { treatments: ['PHYSIOTHERAPY'] }],
    ['START_EXERCISE_THERAPY', 'treatments unknown', false, { treatments: undefined }],
    ['SUPPORT_WEIGHT_LOSS', 'BMI 25, no weight management', true, { bmi: 25, treatments: [] }],
    ['SUPPORT_WEIGHT_LOSS', 'BMI 24.9', false, { bmi: 24.9, treatments: [] }],
    ['SUPPORT_WEIGHT_LOSS', 'BMI 25 with weight management', false, { bmi: 25, treatments: ['WEIGHT_MANAGEMENT'] }],
    ['SUPPORT_WEIGHT_LOSS', 'BMI unknown', false, { bmi: undefined, treatments: [] }],
    ['SUPPORT_WEIGHT_LOSS', 'BMI 30, treatments unknown', false, { bmi: 30, treatments: undefined }],
    ['CONSIDER_WALKING_AID', 'limping, no aid', true, { limping: true, treatments: [] }],
    ['CONSIDER_WALKING_AID', 'limping with a walking aid', false, { limping: true, treatments: ['WALKING_AID'] }],
    ['CONSIDER_WALKING_AID', 'not limping', false, { limping: false, treatments: [] }],
    ['CONSIDER_WALKING_AID', 'limping unknown', false, { limping: undefined, treatments: [] }],
    ['CONSIDER_WALKING_AID', 'limping, treatments unknown', false, { limping: true, treatments: undefined }],
    ['STOP_GLUCOSAMINE', 'glucosamine given', true, { treatments: ['GLUCOSAMINE'] }],
    ['STOP_GLUCOSAMINE', 'not given', false, { treatments: ['PARACETAMOL'] }],
    ['STOP_GLUCOSAMINE', 'treatments unknown', false, { treatments: undefined }],
  ])('%s: %s -> %s', (code, _, expected, change) => {
    expect(fires(code, { ...NOT_YET, ...change })).toBe(expected);
  });
});

describe('CONSIDER_ORAL_NSAID: painScore >= 4, ORAL_NSAID not in treatments, no nsaidRiskFactors', () => {
  const base: HipFacts = { ...NOT_YET, painScore: 4, treatments: ['EDUCATION', 'PARACETAMOL'], nsaidRiskFactors: [] };
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['pain 4, no NSAID, no risk factors', true, {}],
    ['pain 3', false, { painScore: 3 }],
    ['pain unknown', false, { painScore: undefined }],
    ['already on an oral NSAID', false, { treatments: ['ORAL_NSAID', 'GASTROPROTECTION'] }],
    ['treatments unknown', false, { treatments: undefined }],
    ['an NSAID risk factor', false, { nsaidRiskFactors: ['ANTICOAGULANT_USE'] }],
    ['NSAID risk factors unknown', false, { nsaidRiskFactors: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('CONSIDER_ORAL_NSAID', { ...base, ...change })).toBe(expected);
  });
});

describe('CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID: pain >= 4, not injected, (oral NSAID or any risk factor), referral rule not true', () => {
  const base: HipFacts = { ...NOT_YET, painScore: 4, treatments: ['EDUCATION', 'ORAL_NSAID', 'GASTROPROTECTION'], nsaidRiskFactors: [] };
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['pain 4 despite an oral NSAID, not referable', true, {}],
    ['pain 3', false, { painScore: 3 }],
    ['pain unknown', false, { painScore: undefined }],
    ['already injected', false, { treatments: ['ORAL_NSAID', 'INTRA_ARTICULAR_CORTICOSTEROID'] }],
    ['treatments unknown', false, { treatments: undefined }],
    ['no NSAID and no risk factors', false, { treatments: ['EDUCATION'] }],
    ['no NSAID, a risk factor', true, { treatments: ['EDUCATION'], nsaidRiskFactors: ['HEART_FAILURE'] }],
    ['no NSAID, risk factors unknown', false, { treatments: ['EDUCATION'], nsaidRiskFactors: undefined }],
    ['referral rule holds', false, { ...REFERABLE, painScore: 4, treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'ORAL_NSAID'] }],
    ['referral rule unknown ("does not hold" = not true)', true, { qualityOfLifeSubstantiallyAffected: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID', { ...base, ...change })).toBe(expected);
  });
});

describe('CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT: referral rule not true and weeks unknown or < 12', () => {
  it.each<Case>([
    ['11 weeks, not referable', true, { ...REFERABLE, conservativeTreatmentWeeks: 11 }],
    ['12 weeks, not referable (no education)', false, { ...REFERABLE, treatments: ['EXERCISE_THERAPY'] }],
    ['weeks unknown', true, { ...REFERABLE, conservativeTreatmentWeeks: undefined }],
    ['12 weeks, referable', false, REFERABLE],
    [
      '2 weeks, referable as non-surgical treatment is unsuitable',
      false,
      { ...REFERABLE, conservativeTreatmentWeeks: 2, nonSurgicalTreatmentUnsuitable: true },
    ],
    ['6 weeks, referral unknown', true, { ...UNDECIDED, conservativeTreatmentWeeks: 6 }],
  ])('%s -> %s', (_, expected, facts) => {
    expect(fires('CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT', facts)).toBe(expected);
  });
});

describe('RECORD_PATIENT_REPORTED_OUTCOMES in CONSERVATIVE_TREATMENT: painScore or oxfordHipScore unknown', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['both recorded', false, {}],
    ['pain score unknown', true, { painScore: undefined }],
    ['Oxford Hip Score unknown', true, { oxfordHipScore: undefined }],
    ['both unknown', true, { painScore: undefined, oxfordHipScore: undefined }],
    ['both recorded as 0', false, { painScore: 0, oxfordHipScore: 0 }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('RECORD_PATIENT_REPORTED_OUTCOMES', { ...NOT_YET, ...change })).toBe(expected);
  });

  it('cites the CONSERVATIVE_TREATMENT row', () => {
    const shown = suggestion('RECORD_PATIENT_REPORTED_OUTCOMES', { ...NOT_YET, painScore: undefined });
    expect(shown?.citations.map(({ id }) => id)).toEqual(['NICE-QS87']);
  });
});
