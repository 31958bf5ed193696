import { describe, expect, it } from '@jest/globals';
import type { HipFacts, Indicator, PathwayStage, RedFlag } from '../../../contract/vocabulary.js';
import { evaluate } from '../engine/rule-engine.js';
import type { SuggestionCode } from './suggestion-codes.js';

const suggestion = (code: SuggestionCode, facts: HipFacts) => evaluate(facts, { locale: 'EN' }).suggestions.find((shown) => shown.code === code);
const fires = (code: SuggestionCode, facts: HipFacts): boolean => suggestion(code, facts) !== undefined;

const OPEN_STAGES: PathwayStage[] = ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL', 'TOTAL_HIP_PROSTHESIS'];
const BEFORE_PROSTHESIS: PathwayStage[] = ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL'];

describe('OUT_OF_SCOPE_PAEDIATRIC: ageYears < 16', () => {
  it.each<[number | undefined, boolean]>([
    [0, true],
    [15, true],
    [16, false],
    [70, false],
    [undefined, false],
  ])('age %s -> fires %s', (ageYears, expected) => {
    expect(fires('OUT_OF_SCOPE_PAEDIATRIC', { stage: 'IMAGING', ageYears })).toBe(expected);
  });

  it.each(OPEN_STAGES)('fires as CRITICAL in %s', (stage) => {
    expect(suggestion('OUT_OF_SCOPE_PAEDIATRIC', { stage, ageYears: 12 })?.indicator).toBe('CRITICAL');
  });
});

describe('red flags', () => {
  const RED_FLAG_ROWS: [SuggestionCode, RedFlag, Indicator][] = [
    ['RED_FLAG_SUSPECTED_INFECTION', 'SUSPECTED_INFECTION', 'CRITICAL'],
    ['RED_FLAG_SUSPECTED_FRACTURE', 'SUSPECTED_FRACTURE', 'CRITICAL'],
    ['RED_FLAG_MALIGNANCY', 'MALIGNANCY_SIGNS', 'CRITICAL'],
    ['RED_FLAG_LIMB_ISCHAEMIA', 'ACUTE_LIMB_ISCHAEMIA', 'CRITICAL'],
    ['RED_FLAG_CAUDA_EQUINA', 'CAUDA_EQUINA_SIGNS', 'CRITICAL'],
    ['RED_FLAG_AVASCULAR_NECROSIS', 'AVASCULAR_NECROSIS_RISK', 'WARNING'],
    ['RED_FLAG_INFLAMMATORY_ARTHRITIS', 'INFLAMMATORY_ARTHRITIS_SIGNS', 'WARNING'],
    ['RED_FLAG_RADICULAR', 'RADICULAR_SIGNS', 'WARNING'],
    ['RED_FLAG_CLAUDICATION', 'CLAUDICATION', 'WARNING'],
    ['RED_FLAG_RAPID_PROGRESSION', 'RAPID_PROGRESSION', 'WARNING'],
  ];
  const otherFlags = (flag: RedFlag): RedFlag[] => RED_FLAG_ROWS.map(([, other]) => other).filter((other) => other !== flag);

  it.each(RED_FLAG_ROWS.flatMap(([code, flag, indicator]) => OPEN_STAGES.map((stage) => [code, flag, indicator, stage] as const)))(
    '%s fires on %s as %s in %s',
    (code, flag, indicator, stage) => {
      expect(suggestion(code, { stage, redFlags: ['RADICULAR_SIGNS', flag] })?.indicator).toBe(indicator);
    },
  );

  it.each(RED_FLAG_ROWS)('%s does not fire on the other flags, on [] or on absent red flags', (code, flag) => {
    expect(fires(code, { stage: 'CLINICAL_EXAM', redFlags: otherFlags(flag) })).toBe(false);
    expect(fires(code, { stage: 'CLINICAL_EXAM', redFlags: [] })).toBe(false);
    expect(fires(code, { stage: 'CLINICAL_EXAM' })).toBe(false);
  });
});

describe('REVIEW_NSAID_RISK: ORAL_NSAID in treatments and (any nsaidRiskFactors or ageYears >= 65)', () => {
  const base: HipFacts = { stage: 'CONSERVATIVE_TREATMENT', treatments: ['ORAL_NSAID'], nsaidRiskFactors: ['RENAL_IMPAIRMENT'], ageYears: 50 };
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['oral NSAID with a risk factor', true, {}],
    ['oral NSAID at 65 without risk factors', true, { nsaidRiskFactors: [], ageYears: 65 }],
    ['oral NSAID at 64 without risk factors', false, { nsaidRiskFactors: [], ageYears: 64 }],
    ['risk factors unknown at 64', false, { nsaidRiskFactors: undefined, ageYears: 64 }],
    ['risk factors unknown at 65', true, { nsaidRiskFactors: undefined, ageYears: 65 }],
    ['age unknown with a risk factor', true, { ageYears: undefined }],
    ['age unknown without risk factors', false, { ageYears: undefined, nsaidRiskFactors: [] }],
    ['topical NSAID only', false, { treatments: ['TOPICAL_NSAID'] }],
    ['treatments known empty', false, { treatments: [] }],
    ['treatments unknown', false, { treatments: undefined }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('REVIEW_NSAID_RISK', { ...base, ...change })).toBe(expected);
  });
});

describe('RECORD_NSAID_RISK_FACTORS: ORAL_NSAID in treatments and nsaidRiskFactors unknown', () => {
  it.each<[string, boolean, HipFacts]>([
    ['risk factors unknown', true, { stage: 'IMAGING', treatments: ['ORAL_NSAID'] }],
    ['risk factors known empty', false, { stage: 'IMAGING', treatments: ['ORAL_NSAID'], nsaidRiskFactors: [] }],
    ['risk factors recorded', false, { stage: 'IMAGING', treatments: ['ORAL_NSAID'], nsaidRiskFactors: ['HEART_FAILURE'] }],
    ['no oral NSAID', false, { stage: 'IMAGING', treatments: ['PARACETAMOL'] }],
    ['treatments unknown', false, { stage: 'IMAGING' }],
  ])('%s -> %s', (_, expected, facts) => {
    expect(fires('RECORD_NSAID_RISK_FACTORS', facts)).toBe(expected);
  });
});

describe('ADD_GASTROPROTECTION: ORAL_NSAID in treatments and GASTROPROTECTION not', () => {
  it.each<[string, boolean, HipFacts['treatments']]>([
    ['oral NSAID alone', true, ['ORAL_NSAID']],
    ['oral NSAID with gastroprotection', false, ['ORAL_NSAID', 'GASTROPROTECTION']],
    ['gastroprotection alone', false, ['GASTROPROTECTION']],
    ['known empty', false, []],
    ['unknown', false, undefined],
  ])('%s -> %s', (_, expected, treatments) => {
    expect(fires('ADD_GASTROPROTECTION', { stage: 'SURGICAL_REFERRAL', treatments, nsaidRiskFactors: [] })).toBe(expected);
  });
});

describe.each<[SuggestionCode, 'STRONG_OPIOID' | 'WEAK_OPIOID']>([
  ['TAPER_STRONG_OPIOID', 'STRONG_OPIOID'],
  ['REVIEW_WEAK_OPIOID', 'WEAK_OPIOID'],
])('%s: stage before TOTAL_HIP_PROSTHESIS and %s in treatments', (code, opioid) => {
  it.each(BEFORE_PROSTHESIS)('fires in %s', (stage) => {
    expect(fires(code, { stage, treatments: [opioid] })).toBe(true);
  });

  it.each<[string, boolean, HipFacts]>([
    ['after the prosthesis', false, { stage: 'TOTAL_HIP_PROSTHESIS', treatments: [opioid] }],
    ['other analgesics only', false, { stage: 'CONSERVATIVE_TREATMENT', treatments: ['PARACETAMOL', 'ORAL_NSAID'] }],
    ['treatments known empty', false, { stage: 'CONSERVATIVE_TREATMENT', treatments: [] }],
    ['treatments unknown', false, { stage: 'CONSERVATIVE_TREATMENT' }],
  ])('%s -> %s', (_, expected, facts) => {
    expect(fires(code, facts)).toBe(expected);
  });
});

describe('SCREEN_RED_FLAGS: stage before TOTAL_HIP_PROSTHESIS, redFlagsScreened not true, no red flag recorded', () => {
  it.each<[string, boolean, Partial<HipFacts>]>([
    ['screening unknown, red flags absent', true, {}],
    ['screening false, red flags known empty', true, { redFlagsScreened: false, redFlags: [] }],
    ['screening unknown, red flags known empty', true, { redFlags: [] }],
    ['screened, red flags known empty', false, { redFlagsScreened: true, redFlags: [] }],
    ['screened, red flags absent', false, { redFlagsScreened: true }],
    ['not screened but a red flag is recorded', false, { redFlagsScreened: false, redFlags: ['CLAUDICATION'] }],
  ])('%s -> %s', (_, expected, change) => {
    expect(fires('SCREEN_RED_FLAGS', { stage: 'CLINICAL_EXAM', ...change })).toBe(expected);
  });

  it.each<[PathwayStage, boolean]>([...BEFORE_PROSTHESIS.map((stage): [PathwayStage, boolean] => [stage, true]), ['TOTAL_HIP_PROSTHESIS', false]])(
    'in %s -> %s',
    (stage, expected) => {
      expect(fires('SCREEN_RED_FLAGS', { stage })).toBe(expected);
    },
  );
});
