import { describe, expect, it } from '@jest/globals';
import { stateCondition } from './condition-statement.js';
import {
  and,
  anyIn,
  derived,
  gte,
  inList,
  isFalse,
  isTrue,
  lt,
  lte,
  minus,
  noneIn,
  noneRecorded,
  not,
  notInList,
  notTrue,
  or,
  unknown,
  type Condition,
} from './condition.js';
import { EN_TEXTS } from '../texts/en.texts.js';
import { NL_TEXTS } from '../texts/nl.texts.js';

const referral = derived('referralRule', isTrue('nonSurgicalTreatmentUnsuitable'));

describe('stateCondition', () => {
  it.each<[string, Condition, string, string]>([
    ['boolean fact', isTrue('limping'), 'limping', 'limping'],
    ['false fact', isFalse('activityRelatedPain'), 'activityRelatedPain is false', 'activityRelatedPain is onwaar'],
    ['not true', notTrue('xrayPerformed'), 'xrayPerformed is not true', 'xrayPerformed is niet waar'],
    ['comparison', lte('kellgrenLawrenceGrade', 1), 'kellgrenLawrenceGrade <= 1', 'kellgrenLawrenceGrade <= 1'],
    [
      'difference',
      lt(minus('postoperativeOxfordHipScore', 'oxfordHipScore'), 8),
      'postoperativeOxfordHipScore - oxfordHipScore < 8',
      'postoperativeOxfordHipScore - oxfordHipScore < 8',
    ],
    ['in list', inList('treatments', 'ORAL_NSAID'), 'ORAL_NSAID in treatments', 'ORAL_NSAID in treatments'],
    ['not in list', notInList('treatments', 'GASTROPROTECTION'), 'GASTROPROTECTION not in treatments', 'GASTROPROTECTION niet in treatments'],
    ['any', anyIn('nsaidRiskFactors'), 'any nsaidRiskFactors', 'minstens één nsaidRiskFactors'],
    ['none', noneIn('nsaidRiskFactors'), 'no nsaidRiskFactors (known empty)', 'geen nsaidRiskFactors (gekend leeg)'],
    ['none recorded', noneRecorded('redFlags'), 'no redFlags recorded (absent or empty)', 'geen redFlags geregistreerd (ontbrekend of leeg)'],
    ['unknown', unknown('painScore'), 'painScore unknown', 'painScore onbekend'],
    ['derived fact by name', referral, 'referralRule', 'referralRule'],
    ['derived fact not true', notTrue(referral), 'referralRule is not true', 'referralRule is niet waar'],
    ['negated derived fact', not(referral), 'referralRule is false', 'referralRule is onwaar'],
    ['negated comparison', not(gte('ageYears', 45)), 'not (ageYears >= 45)', 'niet (ageYears >= 45)'],
    [
      'nested operands are bracketed',
      and(isTrue('smoker'), or(isTrue('limping'), and(gte('bmi', 25), unknown('bmi')))),
      'smoker and (limping or (bmi >= 25 and bmi unknown))',
      'smoker en (limping of (bmi >= 25 en bmi onbekend))',
    ],
    ['compound not true', notTrue(or(isTrue('smoker'), isTrue('limping'))), '(smoker or limping) is not true', '(smoker of limping) is niet waar'],
  ])('%s', (_, condition, english, dutch) => {
    expect(stateCondition(condition, EN_TEXTS.statement)).toBe(english);
    expect(stateCondition(condition, NL_TEXTS.statement)).toBe(dutch);
  });
});
