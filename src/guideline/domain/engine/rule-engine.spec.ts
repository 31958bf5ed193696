import { describe, expect, it } from '@jest/globals';
import { CITATION_IDS, CITATIONS, type CitationId } from '../rules/citations.js';
import { DERIVED_FACT_NAMES } from './condition.js';
import { type HipFacts, type Indicator, type RedFlag } from '../../../contract/vocabulary.js';
import { evaluate, listDerivedFacts, listRules } from './rule-engine.js';
import { RULE_SET, RULE_SET_VERSION } from '../rules/rule-set.js';
import { SUGGESTION_CODES, type SuggestionCode } from '../rules/suggestion-codes.js';
import { TYPICAL_PRESENTATION } from '../../../../test/support/clinical-fixtures.js';

const codesFor = (facts: HipFacts): SuggestionCode[] => evaluate(facts, { locale: 'EN' }).suggestions.map(({ code }) => code);

const REFERABLE: HipFacts = {
  stage: 'CONSERVATIVE_TREATMENT',
  bmi: 23,
  qualityOfLifeSubstantiallyAffected: true,
  redFlagsScreened: true,
  redFlags: [],
  treatments: ['EDUCATION', 'EXERCISE_THERAPY'],
  conservativeTreatmentWeeks: 14,
  xrayPerformed: true,
};

/** One firing case per contract row, with the row's indicator and citations as the contract lists them. */
const ROWS: [SuggestionCode, HipFacts, Indicator, CitationId[]][] = [
  ['OUT_OF_SCOPE_PAEDIATRIC', { stage: 'CLINICAL_EXAM', ageYears: 15 }, 'CRITICAL', ['NICE-NG226']],
  ['RED_FLAG_SUSPECTED_INFECTION', { stage: 'CLINICAL_EXAM', redFlags: ['SUSPECTED_INFECTION'] }, 'CRITICAL', ['NICE-NG226']],
  ['RED_FLAG_SUSPECTED_FRACTURE', { stage: 'IMAGING', redFlags: ['SUSPECTED_FRACTURE'] }, 'CRITICAL', ['NICE-NG226', 'ACR-AC-HIP']],
  ['RED_FLAG_MALIGNANCY', { stage: 'CONSERVATIVE_TREATMENT', redFlags: ['MALIGNANCY_SIGNS'] }, 'CRITICAL', ['NICE-NG226']],
  ['RED_FLAG_LIMB_ISCHAEMIA', { stage: 'SURGICAL_REFERRAL', redFlags: ['ACUTE_LIMB_ISCHAEMIA'] }, 'CRITICAL', ['NICE-NG226']],
  ['RED_FLAG_CAUDA_EQUINA', { stage: 'TOTAL_HIP_PROSTHESIS', redFlags: ['CAUDA_EQUINA_SIGNS'] }, 'CRITICAL', ['NICE-NG226']],
  ['RED_FLAG_AVASCULAR_NECROSIS', { stage: 'CLINICAL_EXAM', redFlags: ['AVASCULAR_NECROSIS_RISK'] }, 'WARNING', ['ACR-AC-HIP']],
  ['RED_FLAG_INFLAMMATORY_ARTHRITIS', { stage: 'CLINICAL_EXAM', redFlags: ['INFLAMMATORY_ARTHRITIS_SIGNS'] }, 'WARNING', ['NICE-NG226', 'NOV-2018']],
  ['RED_FLAG_RADICULAR', { stage: 'CLINICAL_EXAM', redFlags: ['RADICULAR_SIGNS'] }, 'WARNING', ['NICE-NG226']],
  ['RED_FLAG_CLAUDICATION', { stage: 'CLINICAL_EXAM', redFlags: ['CLAUDICATION'] }, 'WARNING', ['NICE-NG226']],
  ['RED_FLAG_RAPID_PROGRESSION', { stage: 'CLINICAL_EXAM', redFlags: ['RAPID_PROGRESSION'] }, 'WARNING', ['NICE-NG226', 'NOV-2018']],
  [
    'REVIEW_NSAID_RISK',
    { stage: 'CONSERVATIVE_TREATMENT', treatments: ['ORAL_NSAID'], ageYears: 65, nsaidRiskFactors: [] },
    'WARNING',
    ['NICE-NG226', 'AAOS-2023'],
  ],
  ['RECORD_NSAID_RISK_FACTORS', { stage: 'SURGICAL_REFERRAL', treatments: ['ORAL_NSAID'] }, 'WARNING', ['NICE-NG226']],
  ['ADD_GASTROPROTECTION', { stage: 'TOTAL_HIP_PROSTHESIS', treatments: ['ORAL_NSAID'], nsaidRiskFactors: [] }, 'WARNING', ['NICE-NG226']],
  ['TAPER_STRONG_OPIOID', { stage: 'IMAGING', treatments: ['STRONG_OPIOID'] }, 'WARNING', ['NICE-NG226', 'AAOS-2023']],
  ['REVIEW_WEAK_OPIOID', { stage: 'SURGICAL_REFERRAL', treatments: ['WEAK_OPIOID'] }, 'WARNING', ['NICE-NG226', 'AAOS-2023']],
  ['SCREEN_RED_FLAGS', { stage: 'CLINICAL_EXAM' }, 'INFO', ['NICE-NG226']],
  ['COMPLETE_CLINICAL_EXAM', { stage: 'CLINICAL_EXAM' }, 'INFO', ['NICE-NG226', 'ACR-1991', 'ZAS-HEUPARTROSE']],
  ['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING', TYPICAL_PRESENTATION, 'INFO', ['NICE-NG226', 'NICE-QS87', 'NOV-2018']],
  ['CONSIDER_XRAY_HIP_AND_PELVIS', { ...TYPICAL_PRESENTATION, ageYears: 40 }, 'INFO', ['NICE-NG226', 'ACR-AC-HIP', 'ZAS-HEUPARTROSE']],
  ['RECONSIDER_DIAGNOSIS', { stage: 'IMAGING', xrayPerformed: true, kellgrenLawrenceGrade: 1 }, 'WARNING', ['NICE-NG226', 'ACR-AC-HIP']],
  ['CONSIDER_XRAY_HIP_AND_PELVIS', { stage: 'IMAGING' }, 'INFO', ['ACR-AC-HIP', 'ZAS-HEUPARTROSE']],
  ['RECORD_XRAY_RESULT', { stage: 'IMAGING', xrayPerformed: true }, 'INFO', ['ACR-AC-HIP']],
  ['RECONSIDER_DIAGNOSIS', { ...REFERABLE, kellgrenLawrenceGrade: 1 }, 'WARNING', ['NICE-NG226', 'ACR-AC-HIP']],
  ['OPTIMISE_BEFORE_SURGERY', { ...REFERABLE, smoker: true }, 'WARNING', ['ACR-AAHKS-2023']],
  ['STOP_HYALURONIC_ACID', { stage: 'CONSERVATIVE_TREATMENT', treatments: ['HYALURONIC_ACID_INJECTION'] }, 'WARNING', ['NICE-NG226', 'AAOS-2023']],
  ['REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', REFERABLE, 'INFO', ['NICE-NG226', 'NICE-QS87', 'ZAS-HEUPARTROSE']],
  ['CONSIDER_XRAY_HIP_AND_PELVIS', { ...REFERABLE, xrayPerformed: false }, 'INFO', ['ACR-AC-HIP', 'ZAS-HEUPARTROSE']],
  ['PROVIDE_OA_INFORMATION', { stage: 'CONSERVATIVE_TREATMENT', treatments: [] }, 'INFO', ['NICE-NG226', 'NICE-QS87']],
  [
    'START_EXERCISE_THERAPY',
    { stage: 'CONSERVATIVE_TREATMENT', treatments: [] },
    'INFO',
    ['NICE-NG226', 'NICE-QS87', 'AAOS-2023', 'ZAS-HEUPARTROSE'],
  ],
  ['SUPPORT_WEIGHT_LOSS', { stage: 'CONSERVATIVE_TREATMENT', bmi: 31, treatments: [] }, 'INFO', ['NICE-NG226', 'NICE-QS87', 'ZAS-HEUPARTROSE']],
  ['CONSIDER_WALKING_AID', { stage: 'CONSERVATIVE_TREATMENT', limping: true, treatments: [] }, 'INFO', ['NICE-NG226']],
  [
    'CONSIDER_ORAL_NSAID',
    { stage: 'CONSERVATIVE_TREATMENT', painScore: 5, treatments: [], nsaidRiskFactors: [] },
    'INFO',
    ['NICE-NG226', 'AAOS-2023', 'ZAS-HEUPARTROSE'],
  ],
  [
    'CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID',
    { stage: 'CONSERVATIVE_TREATMENT', painScore: 5, treatments: ['ORAL_NSAID'] },
    'INFO',
    ['NICE-NG226', 'AAOS-2023'],
  ],
  ['STOP_GLUCOSAMINE', { stage: 'CONSERVATIVE_TREATMENT', treatments: ['GLUCOSAMINE'] }, 'INFO', ['NICE-NG226']],
  ['CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT', { stage: 'CONSERVATIVE_TREATMENT' }, 'INFO', ['NICE-QS87', 'NOV-2018']],
  ['RECORD_PATIENT_REPORTED_OUTCOMES', { stage: 'CONSERVATIVE_TREATMENT', oxfordHipScore: 30 }, 'INFO', ['NICE-QS87']],
  ['OPTIMISE_BEFORE_SURGERY', { stage: 'SURGICAL_REFERRAL', diabetesUncontrolled: true }, 'WARNING', ['ACR-AAHKS-2023']],
  ['RECENT_INTRA_ARTICULAR_INJECTION', { stage: 'SURGICAL_REFERRAL', treatments: ['INTRA_ARTICULAR_CORTICOSTEROID'] }, 'WARNING', ['AAOS-PJI-2019']],
  ['DISCUSS_SHARED_DECISION', { stage: 'SURGICAL_REFERRAL' }, 'INFO', ['NICE-NG157']],
  ['CONSIDER_XRAY_HIP_AND_PELVIS', { stage: 'SURGICAL_REFERRAL' }, 'INFO', ['ACR-AC-HIP', 'ZAS-HEUPARTROSE']],
  ['RECORD_PATIENT_REPORTED_OUTCOMES', { stage: 'SURGICAL_REFERRAL', painScore: 6 }, 'INFO', ['NICE-NG157']],
  [
    'REVIEW_POOR_POSTOPERATIVE_OUTCOME',
    { stage: 'TOTAL_HIP_PROSTHESIS', weeksSinceSurgery: 26, oxfordHipScore: 20, postoperativeOxfordHipScore: 22 },
    'WARNING',
    ['NICE-NG157', 'ACR-AC-HIP'],
  ],
  ['RECORD_POSTOPERATIVE_OUTCOME', { stage: 'TOTAL_HIP_PROSTHESIS', weeksSinceSurgery: 26 }, 'INFO', ['NICE-NG157']],
];

describe('every contract row fires, with its indicator and every citation of its row', () => {
  it.each(ROWS.map(([code, facts, indicator, citations]) => [code, facts.stage, facts, indicator, citations] as const))(
    '%s in %s',
    (code, _, facts, indicator, citations) => {
      const { ruleSetVersion, suggestions } = evaluate(facts, { locale: 'EN' });
      const shown = suggestions.find((suggestion) => suggestion.code === code);
      expect(ruleSetVersion).toBe('hip-oa-2026.12');
      expect(shown?.indicator).toBe(indicator);
      expect(shown?.citations).toEqual(citations.map((id) => CITATIONS[id]));
    },
  );

  it('covers every row of every table and every suggestion code', () => {
    for (const rule of RULE_SET) {
      expect(ROWS.some(([code, facts]) => code === rule.code && rule.stages.includes(facts.stage))).toBe(true);
    }
    expect(new Set(ROWS.map(([code]) => code))).toEqual(new Set(SUGGESTION_CODES));
  });
});

describe('nothing fires in CLOSED, the safety rows included', () => {
  it.each(ROWS.map(([code, facts]) => [code, facts] as const))('facts that raise %s', (_, facts) => {
    expect(evaluate({ ...facts, stage: 'CLOSED' }, { locale: 'NL' }).suggestions).toEqual([]);
  });
});

describe('order: CRITICAL, WARNING, INFO; safety rows before stage rows within an indicator; table order', () => {
  it.each<[string, HipFacts, SuggestionCode[]]>([
    [
      'conservative treatment with many gaps',
      {
        stage: 'CONSERVATIVE_TREATMENT',
        ageYears: 70,
        bmi: 30,
        limping: true,
        painScore: 6,
        redFlagsScreened: true,
        redFlags: ['CLAUDICATION'],
        nsaidRiskFactors: ['RENAL_IMPAIRMENT'],
        treatments: ['ORAL_NSAID', 'HYALURONIC_ACID_INJECTION', 'GLUCOSAMINE', 'WEAK_OPIOID'],
      },
      [
        'RED_FLAG_CLAUDICATION',
        'REVIEW_NSAID_RISK',
        'ADD_GASTROPROTECTION',
        'REVIEW_WEAK_OPIOID',
        'STOP_HYALURONIC_ACID',
        'PROVIDE_OA_INFORMATION',
        'START_EXERCISE_THERAPY',
        'SUPPORT_WEIGHT_LOSS',
        'CONSIDER_WALKING_AID',
        'CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID',
        'STOP_GLUCOSAMINE',
        'CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT',
        'RECORD_PATIENT_REPORTED_OUTCOMES',
      ],
    ],
    [
      'first exam with a WARNING red flag and an oral NSAID',
      { stage: 'CLINICAL_EXAM', ageYears: 70, redFlags: ['RADICULAR_SIGNS'], treatments: ['ORAL_NSAID'] },
      [
        'RED_FLAG_RADICULAR',
        'REVIEW_NSAID_RISK',
        'RECORD_NSAID_RISK_FACTORS',
        'ADD_GASTROPROTECTION',
        'COMPLETE_CLINICAL_EXAM',
        'CONSIDER_XRAY_HIP_AND_PELVIS',
      ],
    ],
    [
      'a stage WARNING comes before a safety INFO',
      { stage: 'IMAGING', treatments: ['WEAK_OPIOID'], xrayPerformed: true, kellgrenLawrenceGrade: 1 },
      ['REVIEW_WEAK_OPIOID', 'RECONSIDER_DIAGNOSIS', 'SCREEN_RED_FLAGS'],
    ],
    [
      'surgical referral with everything open',
      { stage: 'SURGICAL_REFERRAL', smoker: true, treatments: ['INTRA_ARTICULAR_CORTICOSTEROID', 'STRONG_OPIOID'] },
      [
        'TAPER_STRONG_OPIOID',
        'OPTIMISE_BEFORE_SURGERY',
        'RECENT_INTRA_ARTICULAR_INJECTION',
        'SCREEN_RED_FLAGS',
        'DISCUSS_SHARED_DECISION',
        'CONSIDER_XRAY_HIP_AND_PELVIS',
        'RECORD_PATIENT_REPORTED_OUTCOMES',
      ],
    ],
    [
      'after the prosthesis: no opioid or screening rows',
      {
        stage: 'TOTAL_HIP_PROSTHESIS',
        weeksSinceSurgery: 30,
        oxfordHipScore: 20,
        postoperativeOxfordHipScore: 25,
        treatments: ['ORAL_NSAID', 'STRONG_OPIOID'],
      },
      ['RECORD_NSAID_RISK_FACTORS', 'ADD_GASTROPROTECTION', 'REVIEW_POOR_POSTOPERATIVE_OUTCOME'],
    ],
  ])('%s', (_, facts, expected) => {
    expect(codesFor(facts)).toEqual(expected);
  });
});

describe('suppression: paediatric age or a CRITICAL red flag leaves only the safety rows that fire', () => {
  it.each<[string, HipFacts, SuggestionCode[]]>([
    [
      'age 15 in conservative treatment, medication rows kept',
      { stage: 'CONSERVATIVE_TREATMENT', ageYears: 15, bmi: 30, limping: true, painScore: 7, treatments: ['ORAL_NSAID', 'STRONG_OPIOID'] },
      ['OUT_OF_SCOPE_PAEDIATRIC', 'RECORD_NSAID_RISK_FACTORS', 'ADD_GASTROPROTECTION', 'TAPER_STRONG_OPIOID', 'SCREEN_RED_FLAGS'],
    ],
    [
      'suspected fracture at the first exam, WARNING red flag and medication rows kept',
      {
        stage: 'CLINICAL_EXAM',
        ageYears: 70,
        redFlags: ['SUSPECTED_FRACTURE', 'RADICULAR_SIGNS'],
        treatments: ['ORAL_NSAID', 'GASTROPROTECTION', 'WEAK_OPIOID'],
        nsaidRiskFactors: [],
      },
      ['RED_FLAG_SUSPECTED_FRACTURE', 'RED_FLAG_RADICULAR', 'REVIEW_NSAID_RISK', 'REVIEW_WEAK_OPIOID'],
    ],
    [
      'suspected infection after the prosthesis',
      { stage: 'TOTAL_HIP_PROSTHESIS', redFlags: ['SUSPECTED_INFECTION'], weeksSinceSurgery: 30, oxfordHipScore: 20 },
      ['RED_FLAG_SUSPECTED_INFECTION'],
    ],
    [
      'age 12 with cauda equina signs at referral',
      { stage: 'SURGICAL_REFERRAL', ageYears: 12, redFlags: ['CAUDA_EQUINA_SIGNS'] },
      ['OUT_OF_SCOPE_PAEDIATRIC', 'RED_FLAG_CAUDA_EQUINA'],
    ],
  ])('%s', (_, facts, expected) => {
    expect(codesFor(facts)).toEqual(expected);
  });

  it.each<[RedFlag, SuggestionCode]>([
    ['SUSPECTED_INFECTION', 'RED_FLAG_SUSPECTED_INFECTION'],
    ['SUSPECTED_FRACTURE', 'RED_FLAG_SUSPECTED_FRACTURE'],
    ['MALIGNANCY_SIGNS', 'RED_FLAG_MALIGNANCY'],
    ['ACUTE_LIMB_ISCHAEMIA', 'RED_FLAG_LIMB_ISCHAEMIA'],
    ['CAUDA_EQUINA_SIGNS', 'RED_FLAG_CAUDA_EQUINA'],
  ])('%s suspends the conservative-treatment rows', (flag, code) => {
    const facts: HipFacts = { stage: 'CONSERVATIVE_TREATMENT', redFlagsScreened: true, redFlags: [flag], treatments: [], bmi: 30 };
    expect(codesFor(facts)).toEqual([code]);
  });

  it.each<[string, HipFacts, SuggestionCode]>([
    ['age 16', { stage: 'CONSERVATIVE_TREATMENT', ageYears: 16, treatments: [] }, 'PROVIDE_OA_INFORMATION'],
    ['a WARNING red flag only', { stage: 'CONSERVATIVE_TREATMENT', redFlags: ['AVASCULAR_NECROSIS_RISK'], treatments: [] }, 'PROVIDE_OA_INFORMATION'],
    ['age unknown', { stage: 'CLINICAL_EXAM' }, 'COMPLETE_CLINICAL_EXAM'],
  ])('the stage rows stay with %s', (_, facts, stageCode) => {
    expect(codesFor(facts)).toContain(stageCode);
  });
});

describe('explanation', () => {
  it('names the facts and derived facts behind a referral, unknown ones as unknown', () => {
    const shown = evaluate(REFERABLE, { locale: 'EN' }).suggestions.find(({ code }) => code === 'REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(shown?.explanation.facts).toEqual([
      { name: 'stage', value: 'CONSERVATIVE_TREATMENT' },
      { name: 'qualityOfLifeSubstantiallyAffected', value: true },
      { name: 'redFlagsScreened', value: true },
      { name: 'redFlags', value: [] },
      { name: 'treatments', value: ['EDUCATION', 'EXERCISE_THERAPY'] },
      { name: 'bmi', value: 23 },
      { name: 'conservativeTreatmentWeeks', value: 14 },
      { name: 'nonSurgicalTreatmentUnsuitable', value: 'unknown' },
    ]);
    expect(shown?.explanation.derivedFacts).toEqual([
      { name: 'referralRule', value: true },
      { name: 'coreTreatmentGiven', value: true },
    ]);
    expect(shown?.explanation.text).toBe(
      'Shown because referralRule. Values: stage = CONSERVATIVE_TREATMENT; quality of life substantially affected = yes; ' +
        'red flags screened = yes; red flags = none; treatments = EDUCATION, EXERCISE_THERAPY; BMI (kg/m²) = 23; ' +
        'weeks since core treatment was complete = 14; non-surgical treatment unsuitable = unknown; ' +
        'referral criteria met: yes; core treatment given: yes.',
    );
  });

  it('explains a record rule by the unknown fact, in Dutch', () => {
    const shown = evaluate({ stage: 'IMAGING', xrayPerformed: true, smoker: true }, { locale: 'NL' }).suggestions.find(
      ({ code }) => code === 'RECORD_XRAY_RESULT',
    );
    expect(shown?.explanation).toEqual({
      facts: [
        { name: 'stage', value: 'IMAGING' },
        { name: 'xrayPerformed', value: true },
        { name: 'kellgrenLawrenceGrade', value: 'unknown' },
      ],
      derivedFacts: [],
      text:
        'Getoond omdat xrayPerformed en kellgrenLawrenceGrade onbekend. ' +
        'Waarden: fase = IMAGING; RX gedaan = ja; Kellgren-Lawrence-graad = onbekend.',
    });
  });

  it('shows an unknown derived fact as unknown', () => {
    const shown = evaluate({ stage: 'CONSERVATIVE_TREATMENT', painScore: 8, treatments: ['ORAL_NSAID'] }, { locale: 'EN' }).suggestions.find(
      ({ code }) => code === 'CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID',
    );
    expect(shown?.explanation.derivedFacts).toEqual([
      { name: 'referralRule', value: 'unknown' },
      { name: 'coreTreatmentGiven', value: false },
    ]);
    expect(shown?.explanation.text).toContain('referral criteria met: unknown');
  });
});

describe('texts follow the locale', () => {
  it.each([
    ['EN', 'Refer for assessment for hip replacement'],
    ['NL', 'Verwijs voor beoordeling van een heupprothese'],
  ] as const)('%s', (locale, title) => {
    const [shown] = evaluate({ ...REFERABLE, nsaidRiskFactors: [], painScore: 2, oxfordHipScore: 20 }, { locale }).suggestions;
    expect(shown.code).toBe('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(shown.title).toBe(title);
  });
});

describe('listRules: the rule set as the guidelineRules query lists it', () => {
  const EXPECTED_STATEMENTS: [SuggestionCode, string, string][] = [
    ['OUT_OF_SCOPE_PAEDIATRIC', 'CLINICAL_EXAM', 'ageYears < 16'],
    ['RED_FLAG_SUSPECTED_INFECTION', 'CLINICAL_EXAM', 'SUSPECTED_INFECTION in redFlags'],
    ['RED_FLAG_SUSPECTED_FRACTURE', 'CLINICAL_EXAM', 'SUSPECTED_FRACTURE in redFlags'],
    ['RED_FLAG_MALIGNANCY', 'CLINICAL_EXAM', 'MALIGNANCY_SIGNS in redFlags'],
    ['RED_FLAG_LIMB_ISCHAEMIA', 'CLINICAL_EXAM', 'ACUTE_LIMB_ISCHAEMIA in redFlags'],
    ['RED_FLAG_CAUDA_EQUINA', 'CLINICAL_EXAM', 'CAUDA_EQUINA_SIGNS in redFlags'],
    ['RED_FLAG_AVASCULAR_NECROSIS', 'CLINICAL_EXAM', 'AVASCULAR_NECROSIS_RISK in redFlags'],
    ['RED_FLAG_INFLAMMATORY_ARTHRITIS', 'CLINICAL_EXAM', 'INFLAMMATORY_ARTHRITIS_SIGNS in redFlags'],
    ['RED_FLAG_RADICULAR', 'CLINICAL_EXAM', 'RADICULAR_SIGNS in redFlags'],
    ['RED_FLAG_CLAUDICATION', 'CLINICAL_EXAM', 'CLAUDICATION in redFlags'],
    ['RED_FLAG_RAPID_PROGRESSION', 'CLINICAL_EXAM', 'RAPID_PROGRESSION in redFlags'],
    ['REVIEW_NSAID_RISK', 'CLINICAL_EXAM', 'ORAL_NSAID in treatments and (any nsaidRiskFactors or ageYears >= 65)'],
    ['RECORD_NSAID_RISK_FACTORS', 'CLINICAL_EXAM', 'ORAL_NSAID in treatments and nsaidRiskFactors unknown'],
    ['ADD_GASTROPROTECTION', 'CLINICAL_EXAM', 'ORAL_NSAID in treatments and GASTROPROTECTION not in treatments'],
    ['TAPER_STRONG_OPIOID', 'CLINICAL_EXAM', 'STRONG_OPIOID in treatments'],
    ['REVIEW_WEAK_OPIOID', 'CLINICAL_EXAM', 'WEAK_OPIOID in treatments'],
    ['SCREEN_RED_FLAGS', 'CLINICAL_EXAM', 'redFlagsScreened is not true and no redFlags recorded (absent or empty)'],
    [
      'COMPLETE_CLINICAL_EXAM',
      'CLINICAL_EXAM',
      'activityRelatedPain unknown or morningStiffnessMinutes unknown or internalRotationDegrees unknown or painOnInternalRotation unknown',
    ],
    ['DIAGNOSE_CLINICALLY_WITHOUT_IMAGING', 'CLINICAL_EXAM', 'typicalPresentation and atypical is false'],
    ['CONSIDER_XRAY_HIP_AND_PELVIS', 'CLINICAL_EXAM', 'atypical and xrayPerformed is not true'],
    ['RECONSIDER_DIAGNOSIS', 'IMAGING', 'kellgrenLawrenceGrade <= 1'],
    ['CONSIDER_XRAY_HIP_AND_PELVIS', 'IMAGING', 'xrayPerformed is not true'],
    ['RECORD_XRAY_RESULT', 'IMAGING', 'xrayPerformed and kellgrenLawrenceGrade unknown'],
    ['RECONSIDER_DIAGNOSIS', 'CONSERVATIVE_TREATMENT', 'referralRule and kellgrenLawrenceGrade <= 1'],
    ['OPTIMISE_BEFORE_SURGERY', 'CONSERVATIVE_TREATMENT', 'referralRule and (smoker or diabetesUncontrolled)'],
    ['STOP_HYALURONIC_ACID', 'CONSERVATIVE_TREATMENT', 'HYALURONIC_ACID_INJECTION in treatments'],
    ['REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', 'CONSERVATIVE_TREATMENT', 'referralRule'],
    ['CONSIDER_XRAY_HIP_AND_PELVIS', 'CONSERVATIVE_TREATMENT', 'referralRule and xrayPerformed is not true'],
    ['PROVIDE_OA_INFORMATION', 'CONSERVATIVE_TREATMENT', 'EDUCATION not in treatments'],
    ['START_EXERCISE_THERAPY', 'CONSERVATIVE_TREATMENT', 'EXERCISE_THERAPY not in treatments and PHYSIOTHERAPY not in treatments'],
    ['SUPPORT_WEIGHT_LOSS', 'CONSERVATIVE_TREATMENT', 'bmi >= 25 and WEIGHT_MANAGEMENT not in treatments'],
    ['CONSIDER_WALKING_AID', 'CONSERVATIVE_TREATMENT', 'limping and WALKING_AID not in treatments'],
    ['CONSIDER_ORAL_NSAID', 'CONSERVATIVE_TREATMENT', 'painScore >= 4 and ORAL_NSAID not in treatments and no nsaidRiskFactors (known empty)'],
    [
      'CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID',
      'CONSERVATIVE_TREATMENT',
      'painScore >= 4 and INTRA_ARTICULAR_CORTICOSTEROID not in treatments and (ORAL_NSAID in treatments or any nsaidRiskFactors) and referralRule is not true',
    ],
    ['STOP_GLUCOSAMINE', 'CONSERVATIVE_TREATMENT', 'GLUCOSAMINE in treatments'],
    [
      'CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT',
      'CONSERVATIVE_TREATMENT',
      'referralRule is not true and (conservativeTreatmentWeeks unknown or conservativeTreatmentWeeks < 12)',
    ],
    ['RECORD_PATIENT_REPORTED_OUTCOMES', 'CONSERVATIVE_TREATMENT', 'painScore unknown or oxfordHipScore unknown'],
    ['OPTIMISE_BEFORE_SURGERY', 'SURGICAL_REFERRAL', 'smoker or diabetesUncontrolled'],
    ['RECENT_INTRA_ARTICULAR_INJECTION', 'SURGICAL_REFERRAL', 'INTRA_ARTICULAR_CORTICOSTEROID in treatments'],
    ['DISCUSS_SHARED_DECISION', 'SURGICAL_REFERRAL', 'sharedDecisionDocumented is not true'],
    ['CONSIDER_XRAY_HIP_AND_PELVIS', 'SURGICAL_REFERRAL', 'xrayPerformed is not true'],
    ['RECORD_PATIENT_REPORTED_OUTCOMES', 'SURGICAL_REFERRAL', 'oxfordHipScore unknown'],
    [
      'REVIEW_POOR_POSTOPERATIVE_OUTCOME',
      'TOTAL_HIP_PROSTHESIS',
      'weeksSinceSurgery >= 26 and oxfordHipScore <= 40 and postoperativeOxfordHipScore - oxfordHipScore < 8',
    ],
    ['RECORD_POSTOPERATIVE_OUTCOME', 'TOTAL_HIP_PROSTHESIS', 'weeksSinceSurgery >= 26 and postoperativeOxfordHipScore unknown'],
  ];

  it('lists every row in contract order, with a statement generated from its condition', () => {
    expect(listRules().map(({ code, stages, statement }) => [code, stages[0], statement])).toEqual(EXPECTED_STATEMENTS);
  });

  it.each<[SuggestionCode, string[]]>([
    ['OUT_OF_SCOPE_PAEDIATRIC', ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL', 'TOTAL_HIP_PROSTHESIS']],
    ['TAPER_STRONG_OPIOID', ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL']],
    ['SCREEN_RED_FLAGS', ['CLINICAL_EXAM', 'IMAGING', 'CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL']],
    ['REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT', ['CONSERVATIVE_TREATMENT']],
  ])('%s applies in %j', (code, stages) => {
    expect(listRules().find((rule) => rule.code === code)?.stages).toEqual(stages);
  });

  it('lists the citations from the catalogue and states conditions in Dutch', () => {
    const [paediatric] = listRules('NL');
    expect(paediatric.citations).toEqual([CITATIONS['NICE-NG226']]);
    expect(listRules('NL').find(({ code }) => code === 'CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT')?.statement).toBe(
      'referralRule is niet waar en (conservativeTreatmentWeeks onbekend of conservativeTreatmentWeeks < 12)',
    );
  });

  it('lists the derived facts the statements refer to', () => {
    expect(listDerivedFacts().map(({ name, statement }) => [name, statement])).toEqual([
      [
        'typicalPresentation',
        'ageYears >= 45 and activityRelatedPain and morningStiffnessMinutes <= 30 and (painOnInternalRotation or internalRotationDegrees < 15)',
      ],
      [
        'atypical',
        'ageYears < 45 or activityRelatedPain is false or morningStiffnessMinutes > 30 or (internalRotationDegrees >= 15 and painOnInternalRotation is false) or any redFlags',
      ],
      [
        'coreTreatmentGiven',
        'EDUCATION in treatments and (EXERCISE_THERAPY in treatments or PHYSIOTHERAPY in treatments) and (bmi < 25 or WEIGHT_MANAGEMENT in treatments)',
      ],
      [
        'referralRule',
        'qualityOfLifeSubstantiallyAffected and redFlagsScreened and no redFlags (known empty) and ((coreTreatmentGiven and conservativeTreatmentWeeks >= 12) or nonSurgicalTreatmentUnsuitable)',
      ],
    ]);
    expect(listDerivedFacts().map(({ name }) => name)).toEqual([...DERIVED_FACT_NAMES]);
    expect(listDerivedFacts('NL').map(({ label }) => label)).toEqual([
      'typisch beeld',
      'atypische kenmerken',
      'kernbehandeling gegeven',
      'verwijscriteria voldaan',
    ]);
  });
});

describe('citation catalogue', () => {
  it('has exactly the contract ids', () => {
    expect(Object.keys(CITATIONS)).toEqual([...CITATION_IDS]);
  });

  it.each<[CitationId, string]>([
    ['NICE-NG226', 'https://www.nice.org.uk/guidance/ng226'],
    ['NICE-QS87', 'https://www.nice.org.uk/guidance/qs87'],
    ['NICE-NG157', 'https://www.nice.org.uk/guidance/ng157'],
    ['AAOS-2023', 'https://www.orthoguidelines.org/'],
    ['AAOS-PJI-2019', 'https://www.orthoguidelines.org/'],
    ['ACR-1991', 'https://pubmed.ncbi.nlm.nih.gov/2025304/'],
    ['ACR-AAHKS-2023', 'https://pubmed.ncbi.nlm.nih.gov/37743767/'],
    ['ACR-AC-HIP', 'https://acsearch.acr.org/list'],
    ['NOV-2018', 'https://richtlijnendatabase.nl/richtlijn/artrose_in_heup_of_knie/'],
    ['ZAS-HEUPARTROSE', 'https://www.zas.be/aandoeningen/artrose-de-heup'],
  ])('%s -> %s', (id, url) => {
    expect(CITATION_IDS).toContain(id);
    expect(CITATIONS[id].id).toBe(id);
    expect(CITATIONS[id].url).toBe(url);
    expect(CITATIONS[id].title.length).toBeGreaterThan(0);
  });
});

it('carries the rule-set version', () => {
  expect(RULE_SET_VERSION).toBe('hip-oa-2026.12');
  expect(evaluate({ stage: 'CLOSED' }, { locale: 'EN' })).toEqual({ ruleSetVersion: 'hip-oa-2026.12', suggestions: [] });
});
