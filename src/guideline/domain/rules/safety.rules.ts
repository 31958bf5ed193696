/** Contract table "Safety and medication (every stage but CLOSED)", in table order. */
import { and, anyIn, gte, inList, lt, noneRecorded, notInList, notTrue, or, unknown } from '../engine/condition.js';
import type { GuidelineRule } from '../engine/guideline-rule.js';
import type { PathwayStage, RedFlag } from '../../../contract/vocabulary.js';
import type { SuggestionCode } from './suggestion-codes.js';

const OPEN_STAGES: readonly PathwayStage[] = ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL', 'TOTAL_HIP_PROSTHESIS'];
/** "stage before TOTAL_HIP_PROSTHESIS". */
const STAGES_BEFORE_PROSTHESIS: readonly PathwayStage[] = ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL'];

const redFlagRule = (
  code: SuggestionCode,
  redFlag: RedFlag,
  indicator: GuidelineRule['indicator'],
  citations: GuidelineRule['citations'],
): GuidelineRule => ({ code, indicator, stages: OPEN_STAGES, condition: inList('redFlags', redFlag), citations });

export const SAFETY_RULES: readonly GuidelineRule[] = [
  {
    code: 'OUT_OF_SCOPE_PAEDIATRIC',
    indicator: 'CRITICAL',
    stages: OPEN_STAGES,
    condition: lt('ageYears', 16),
    citations: ['NICE-NG226'],
  },
  redFlagRule('RED_FLAG_SUSPECTED_INFECTION', 'SUSPECTED_INFECTION', 'CRITICAL', ['NICE-NG226']),
  redFlagRule('RED_FLAG_SUSPECTED_FRACTURE', 'SUSPECTED_FRACTURE', 'CRITICAL', ['NICE-NG226', 'ACR-AC-HIP']),
  redFlagRule('RED_FLAG_MALIGNANCY', 'MALIGNANCY_SIGNS', 'CRITICAL', ['NICE-NG226']),
  redFlagRule('RED_FLAG_LIMB_ISCHAEMIA', 'ACUTE_LIMB_ISCHAEMIA', 'CRITICAL', ['NICE-NG226']),
  redFlagRule('RED_FLAG_CAUDA_EQUINA', 'CAUDA_EQUINA_SIGNS', 'CRITICAL', ['NICE-NG226']),
  redFlagRule('RED_FLAG_AVASCULAR_NECROSIS', 'AVASCULAR_NECROSIS_RISK', 'WARNING', ['ACR-AC-HIP']),
  redFlagRule('RED_FLAG_INFLAMMATORY_ARTHRITIS', 'INFLAMMATORY_ARTHRITIS_SIGNS', 'WARNING', ['NICE-NG226', 'NOV-2018']),
  redFlagRule('RED_FLAG_RADICULAR', 'RADICULAR_SIGNS', 'WARNING', ['NICE-NG226']),
  redFlagRule('RED_FLAG_CLAUDICATION', 'CLAUDICATION', 'WARNING', ['NICE-NG226']),
  redFlagRule('RED_FLAG_RAPID_PROGRESSION', 'RAPID_PROGRESSION', 'WARNING', ['NICE-NG226', 'NOV-2018']),
  {
    code: 'REVIEW_NSAID_RISK',
    indicator: 'WARNING',
    stages: OPEN_STAGES,
    condition: and(inList('treatments', 'ORAL_NSAID'), or(anyIn('nsaidRiskFactors'), gte('ageYears', 65))),
    citations: ['NICE-NG226', 'AAOS-2023'],
  },
  {
    code: 'RECORD_NSAID_RISK_FACTORS',
    indicator: 'WARNING',
    stages: OPEN_STAGES,
    condition: and(inList('treatments', 'ORAL_NSAID'), unknown('nsaidRiskFactors')),
    citations: ['NICE-NG226'],
  },
  {
    code: 'ADD_GASTROPROTECTION',
    indicator: 'WARNING',
    stages: OPEN_STAGES,
    condition: and(inList('treatments', 'ORAL_NSAID'), notInList('treatments', 'GASTROPROTECTION')),
    citations: ['NICE-NG226'],
  },
  {
    code: 'TAPER_STRONG_OPIOID',
    indicator: 'WARNING',
    stages: STAGES_BEFORE_PROSTHESIS,
    condition: inList('treatments', 'STRONG_OPIOID'),
    citations: ['NICE-NG226', 'AAOS-2023'],
  },
  {
    code: 'REVIEW_WEAK_OPIOID',
    indicator: 'WARNING',
    stages: STAGES_BEFORE_PROSTHESIS,
    condition: inList('treatments', 'WEAK_OPIOID'),
    citations: ['NICE-NG226', 'AAOS-2023'],
  },
  {
    code: 'SCREEN_RED_FLAGS',
    indicator: 'INFO',
    stages: STAGES_BEFORE_PROSTHESIS,
    condition: and(notTrue('redFlagsScreened'), noneRecorded('redFlags')),
    citations: ['NICE-NG226'],
  },
];
