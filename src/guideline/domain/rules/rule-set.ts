import { CLINICAL_EXAM_RULES } from './clinical-exam.rules.js';
import { CONSERVATIVE_TREATMENT_RULES } from './conservative-treatment.rules.js';
import type { GuidelineRule } from '../engine/guideline-rule.js';
import { IMAGING_RULES } from './imaging.rules.js';
import { SAFETY_RULES } from './safety.rules.js';
import { SURGICAL_REFERRAL_RULES } from './surgical-referral.rules.js';
import { TOTAL_HIP_PROSTHESIS_RULES } from './total-hip-prosthesis.rules.js';

/** The rule set in force; every suggestion, feedback record and audit event carries it. */
export const RULE_SET_VERSION = 'hip-oa-2026.12';

export { SAFETY_RULES };

/** The stage tables, in contract order; a rule applies only in its own stage. */
export const STAGE_RULES: readonly GuidelineRule[] = [
  ...CLINICAL_EXAM_RULES,
  ...IMAGING_RULES,
  ...CONSERVATIVE_TREATMENT_RULES,
  ...SURGICAL_REFERRAL_RULES,
  ...TOTAL_HIP_PROSTHESIS_RULES,
];

/** Every rule entry, as listed by `guidelineRules`: safety table first, then the stage tables. */
export const RULE_SET: readonly GuidelineRule[] = [...SAFETY_RULES, ...STAGE_RULES];
