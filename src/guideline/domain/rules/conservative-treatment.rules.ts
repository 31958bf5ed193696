/** Contract table "Stage CONSERVATIVE_TREATMENT", in table order. */
import { and, anyIn, gte, inList, isTrue, lt, lte, noneIn, notInList, notTrue, or, unknown } from '../engine/condition.js';
import { REFERRAL_RULE } from './derived-facts.js';
import type { GuidelineRule } from '../engine/guideline-rule.js';

const stages = ['CONSERVATIVE_TREATMENT'] as const;

export const CONSERVATIVE_TREATMENT_RULES: readonly GuidelineRule[] = [
  {
    code: 'RECONSIDER_DIAGNOSIS',
    indicator: 'WARNING',
    stages,
    condition: and(REFERRAL_RULE, lte('kellgrenLawrenceGrade', 1)),
    citations: ['NICE-NG226', 'ACR-AC-HIP'],
  },
  {
    code: 'OPTIMISE_BEFORE_SURGERY',
    indicator: 'WARNING',
    stages,
    condition: and(REFERRAL_RULE, or(isTrue('smoker'), isTrue('diabetesUncontrolled'))),
    citations: ['ACR-AAHKS-2023'],
  },
  {
    code: 'STOP_HYALURONIC_ACID',
    indicator: 'WARNING',
    stages,
    condition: inList('treatments', 'HYALURONIC_ACID_INJECTION'),
    citations: ['NICE-NG226', 'AAOS-2023'],
  },
  {
    code: 'REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT',
    indicator: 'INFO',
    stages,
    condition: REFERRAL_RULE,
    citations: ['NICE-NG226', 'NICE-QS87', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'CONSIDER_XRAY_HIP_AND_PELVIS',
    indicator: 'INFO',
    stages,
    condition: and(REFERRAL_RULE, notTrue('xrayPerformed')),
    citations: ['ACR-AC-HIP', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'PROVIDE_OA_INFORMATION',
    indicator: 'INFO',
    stages,
    condition: notInList('treatments', 'EDUCATION'),
    citations: ['NICE-NG226', 'NICE-QS87'],
  },
  {
    code: 'START_EXERCISE_THERAPY',
    indicator: 'INFO',
    stages,
    condition: and(notInList('treatments', 'EXERCISE_THERAPY'), notInList('treatments', 'PHYSIOTHERAPY')),
    citations: ['NICE-NG226', 'NICE-QS87', 'AAOS-2023', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'SUPPORT_WEIGHT_LOSS',
    indicator: 'INFO',
    stages,
    condition: and(gte('bmi', 25), notInList('treatments', 'WEIGHT_MANAGEMENT')),
    citations: ['NICE-NG226', 'NICE-QS87', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'CONSIDER_WALKING_AID',
    indicator: 'INFO',
    stages,
    condition: and(isTrue('limping'), notInList('treatments', 'WALKING_AID')),
    citations: ['NICE-NG226'],
  },
  {
    code: 'CONSIDER_ORAL_NSAID',
    indicator: 'INFO',
    stages,
    condition: and(gte('painScore', 4), notInList('treatments', 'ORAL_NSAID'), noneIn('nsaidRiskFactors')),
    citations: ['NICE-NG226', 'AAOS-2023', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID',
    indicator: 'INFO',
    stages,
    condition: and(
      gte('painScore', 4),
      notInList('treatments', 'INTRA_ARTICULAR_CORTICOSTEROID'),
      or(inList('treatments', 'ORAL_NSAID'), anyIn('nsaidRiskFactors')),
      notTrue(REFERRAL_RULE),
    ),
    citations: ['NICE-NG226', 'AAOS-2023'],
  },
  {
    code: 'STOP_GLUCOSAMINE',
    indicator: 'INFO',
    stages,
    condition: inList('treatments', 'GLUCOSAMINE'),
    citations: ['NICE-NG226'],
  },
  {
    code: 'CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT',
    indicator: 'INFO',
    stages,
    condition: and(notTrue(REFERRAL_RULE), or(unknown('conservativeTreatmentWeeks'), lt('conservativeTreatmentWeeks', 12))),
    citations: ['NICE-QS87', 'NOV-2018'],
  },
  {
    code: 'RECORD_PATIENT_REPORTED_OUTCOMES',
    indicator: 'INFO',
    stages,
    condition: or(unknown('painScore'), unknown('oxfordHipScore')),
    citations: ['NICE-QS87'],
  },
];
