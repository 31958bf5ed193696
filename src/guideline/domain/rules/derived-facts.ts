/**
 * The contract's derived facts, each defined once as a condition tree. The rules use these
 * trees; the functions below evaluate them on their own (three-valued: undefined = unknown).
 */
import { compileCondition, newContext } from '../engine/condition-evaluator.js';
import { and, anyIn, derived, gt, gte, inList, isFalse, isTrue, lt, lte, noneIn, or, type DerivedFact } from '../engine/condition.js';
import { CORE_TREATMENT_GROUPS, type HipFacts } from '../../../contract/vocabulary.js';

/** NICE-NG226 1.1.1; the hip finding from ACR-1991. */
export const TYPICAL_PRESENTATION = derived(
  'typicalPresentation',
  and(
    gte('ageYears', 45),
    isTrue('activityRelatedPain'),
    lte('morningStiffnessMinutes', 30),
    or(isTrue('painOnInternalRotation'), lt('internalRotationDegrees', 15)),
  ),
);

/** NICE-NG226 1.1.2; NOV-2018: history and exam disagree. */
export const ATYPICAL = derived(
  'atypical',
  or(
    lt('ageYears', 45),
    isFalse('activityRelatedPain'),
    gt('morningStiffnessMinutes', 30),
    and(gte('internalRotationDegrees', 15), isFalse('painOnInternalRotation')),
    anyIn('redFlags'),
  ),
);

/**
 * NICE-QS87 statements 3–5, from the contract's core-treatment groups: education and (exercise
 * therapy or physiotherapy) and (bmi < 25 or weight management) in treatments.
 */
export const CORE_TREATMENT_GIVEN = derived(
  'coreTreatmentGiven',
  and(
    ...CORE_TREATMENT_GROUPS.map(({ treatments, notNeededBelowBmi }) => {
      const given = treatments.map((treatment) => inList('treatments', treatment));
      const anyGiven = given.length === 1 ? given[0] : or(...given);
      return notNeededBelowBmi === undefined ? anyGiven : or(lt('bmi', notNeededBelowBmi), anyGiven);
    }),
  ),
);

/**
 * NICE-NG226 referral section, NICE-QS87 statements 7 and 8. Deliberately blind to age, sex,
 * BMI (beyond core treatment), smoking, comorbidity, scores and radiographic grade.
 */
export const REFERRAL_RULE = derived(
  'referralRule',
  and(
    isTrue('qualityOfLifeSubstantiallyAffected'),
    isTrue('redFlagsScreened'),
    noneIn('redFlags'),
    or(and(CORE_TREATMENT_GIVEN, gte('conservativeTreatmentWeeks', 12)), isTrue('nonSurgicalTreatmentUnsuitable')),
  ),
);

export const DERIVED_FACTS: readonly DerivedFact[] = [TYPICAL_PRESENTATION, ATYPICAL, CORE_TREATMENT_GIVEN, REFERRAL_RULE];

const standalone = (fact: DerivedFact): ((facts: HipFacts) => boolean | undefined) => {
  const compiled = compileCondition(fact);
  return (facts) => compiled(newContext(facts));
};

export const typicalPresentation = standalone(TYPICAL_PRESENTATION);
export const atypical = standalone(ATYPICAL);
export const coreTreatmentGiven = standalone(CORE_TREATMENT_GIVEN);
/** Three-valued: true, false, or undefined (unknown). */
export const referralRuleHolds = standalone(REFERRAL_RULE);
