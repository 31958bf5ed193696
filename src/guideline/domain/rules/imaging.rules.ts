/** Contract table "Stage IMAGING", in table order. */
import { and, isTrue, lte, notTrue, unknown } from '../engine/condition.js';
import type { GuidelineRule } from '../engine/guideline-rule.js';

export const IMAGING_RULES: readonly GuidelineRule[] = [
  {
    code: 'RECONSIDER_DIAGNOSIS',
    indicator: 'WARNING',
    stages: ['IMAGING'],
    condition: lte('kellgrenLawrenceGrade', 1),
    citations: ['NICE-NG226', 'ACR-AC-HIP'],
  },
  {
    code: 'CONSIDER_XRAY_HIP_AND_PELVIS',
    indicator: 'INFO',
    stages: ['IMAGING'],
    condition: notTrue('xrayPerformed'),
    citations: ['ACR-AC-HIP', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'RECORD_XRAY_RESULT',
    indicator: 'INFO',
    stages: ['IMAGING'],
    condition: and(isTrue('xrayPerformed'), unknown('kellgrenLawrenceGrade')),
    citations: ['ACR-AC-HIP'],
  },
];
