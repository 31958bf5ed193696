/** Contract table "Stage CLINICAL_EXAM", in table order. */
import { and, not, notTrue, or, unknown } from '../engine/condition.js';
import { ATYPICAL, TYPICAL_PRESENTATION } from './derived-facts.js';
import type { GuidelineRule } from '../engine/guideline-rule.js';

export const CLINICAL_EXAM_RULES: readonly GuidelineRule[] = [
  {
    code: 'COMPLETE_CLINICAL_EXAM',
    indicator: 'INFO',
    stages: ['CLINICAL_EXAM'],
    condition: or(
      unknown('activityRelatedPain'),
      unknown('morningStiffnessMinutes'),
      unknown('internalRotationDegrees'),
      unknown('painOnInternalRotation'),
    ),
    citations: ['NICE-NG226', 'ACR-1991', 'ZAS-HEUPARTROSE'],
  },
  {
    code: 'DIAGNOSE_CLINICALLY_WITHOUT_IMAGING',
    indicator: 'INFO',
    stages: ['CLINICAL_EXAM'],
    condition: and(TYPICAL_PRESENTATION, not(ATYPICAL)),
    citations: ['NICE-NG226', 'NICE-QS87', 'NOV-2018'],
  },
  {
    code: 'CONSIDER_XRAY_HIP_AND_PELVIS',
    indicator: 'INFO',
    stages: ['CLINICAL_EXAM'],
    condition: and(ATYPICAL, notTrue('xrayPerformed')),
    citations: ['NICE-NG226', 'ACR-AC-HIP', 'ZAS-HEUPARTROSE'],
  },
];
