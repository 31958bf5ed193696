/** Contract table "Stage TOTAL_HIP_PROSTHESIS", in table order. */
import { and, gte, lt, lte, minus, unknown } from '../engine/condition.js';
import type { GuidelineRule } from '../engine/guideline-rule.js';

const stages = ['TOTAL_HIP_PROSTHESIS'] as const;

/** Minimal important change of the Oxford Hip Score. */
const OXFORD_MINIMAL_IMPORTANT_CHANGE = 8;

export const TOTAL_HIP_PROSTHESIS_RULES: readonly GuidelineRule[] = [
  {
    code: 'REVIEW_POOR_POSTOPERATIVE_OUTCOME',
    indicator: 'WARNING',
    stages,
    condition: and(
      gte('weeksSinceSurgery', 26),
      lte('oxfordHipScore', 40),
      lt(minus('postoperativeOxfordHipScore', 'oxfordHipScore'), OXFORD_MINIMAL_IMPORTANT_CHANGE),
    ),
    citations: ['NICE-NG157', 'ACR-AC-HIP'],
  },
  {
    code: 'RECORD_POSTOPERATIVE_OUTCOME',
    indicator: 'INFO',
    stages,
    condition: and(gte('weeksSinceSurgery', 26), unknown('postoperativeOxfordHipScore')),
    citations: ['NICE-NG157'],
  },
];
