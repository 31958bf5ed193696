/** Contract table "Stage SURGICAL_REFERRAL", in table order. */
import { inList, isTrue, notTrue, or, unknown } from '../engine/condition.js';
import type { GuidelineRule } from '../engine/guideline-rule.js';

const stages = ['SURGICAL_REFERRAL'] as const;

export const SURGICAL_REFERRAL_RULES: readonly GuidelineRule[] = [
  {
    code: 'OPTIMISE_BEFORE_SURGERY',
    indicator: 'WARNING',
    stages,
    condition: or(isTrue('smoker'), isTrue('diabetesUncontrolled')),
    citations: ['ACR-AAHKS-2023'],
  },
  {
    code: 'RECENT_INTRA_ARTICULAR_INJECTION',
    indicator: 'WARNING',
    stages,
    condition: inList('treatments', 'INTRA_ARTICULAR_CORTICOSTEROID'),
    citations: ['AAOS-PJI-2019'],
  },
  {
    code: 'DISCUSS_SHARED_DECISION',
    indicator: 'INFO',
    stages,
    condition: notTrue('sharedDecisionDocumented'),
    citations: ['NICE-NG157'],
  },
  {
    code: 'CONSIDER_XRAY_HIP_AND_PELVIS',
    indicator: 'INFO',
    stages,
    condition: notTrue('xrayPerformed'),
    citations: ['ACR-AC-HIP', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'RECORD_PATIENT_REPORTED_OUTCOMES',
    indicator: 'INFO',
    stages,
    condition: unknown('oxfordHipScore'),
    citations: ['NICE-NG157'],
  },
];
