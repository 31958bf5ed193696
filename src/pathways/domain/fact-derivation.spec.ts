import { describe, expect, it } from '@jest/globals';
import type { HipFacts, PathwayStage } from '../../contract/vocabulary.js';
import { evaluate } from '../../guideline/domain/engine/rule-engine.js';
import { coreTreatmentGiven, referralRuleHolds } from '../../guideline/domain/rules/derived-facts.js';
import type { SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import { derivePathwayRecord, treatmentGivenOn } from './fact-derivation.js';
import type { NewPathwayEvent, PathwayEventPayloads, RecordingEventType } from './pathway-events.js';
import { commit, type PathwayState } from './pathway-state-machine.js';

/** Fixed clock: 23:30 UTC on 28 March 2026 is already 29 March in Brussels. */
const NOW = new Date('2026-03-28T23:30:00Z');
const STILL_28_MARCH_IN_BRUSSELS = new Date('2026-03-28T22:30:00Z');
const BIRTH_DATE = '1960-03-29';

function rec<T extends RecordingEventType>(type: T, clinicalDate: string, payload: PathwayEventPayloads[T]): NewPathwayEvent {
  return { type, clinicalDate, payload } as NewPathwayEvent;
}
const start = (clinicalDate: string, treatment: PathwayEventPayloads['TREATMENT_STARTED']['treatment']) =>
  rec('TREATMENT_STARTED', clinicalDate, { treatment });
const stop = (clinicalDate: string, treatment: PathwayEventPayloads['TREATMENT_STOPPED']['treatment']) =>
  rec('TREATMENT_STOPPED', clinicalDate, { treatment });
const proms = (clinicalDate: string, payload: PathwayEventPayloads['PATIENT_REPORTED_OUTCOMES_RECORDED']) =>
  rec('PATIENT_REPORTED_OUTCOMES_RECORDED', clinicalDate, payload);
const exam = (clinicalDate: string, payload: PathwayEventPayloads['CLINICAL_EXAM_RECORDED']) => rec('CLINICAL_EXAM_RECORDED', clinicalDate, payload);
/** Core treatment complete on `clinicalDate`: education and exercise at BMI 22 (no weight management needed). */
const coreTreatmentStarted = (clinicalDate: string): NewPathwayEvent[] => [
  rec('RISK_FACTORS_RECORDED', clinicalDate, { bmi: 22 }),
  start(clinicalDate, 'EDUCATION'),
  start(clinicalDate, 'EXERCISE_THERAPY'),
];
const inError = (targetSequence: number): NewPathwayEvent => ({
  type: 'RECORDING_ENTERED_IN_ERROR',
  payload: { targetSequence, reason: 'entered in error' },
});

/** A pathway opened at sequence 1, then the given events from sequence 2 on. */
function pathway(...events: NewPathwayEvent[]): PathwayState {
  return commit(undefined, [{ type: 'PATHWAY_OPENED', payload: { side: 'RIGHT' } }, ...events]).state;
}
const factsOf = (state: PathwayState, now = NOW, birthDate = BIRTH_DATE): HipFacts => derivePathwayRecord(state, { birthDate, now }).facts;

/** The named facts only; a fact expected as undefined must be absent. */
function pick(facts: HipFacts, expected: Partial<HipFacts>): Partial<HipFacts> {
  return Object.fromEntries(Object.keys(expected).map((name) => [name, facts[name as keyof HipFacts]]));
}

describe('derivePathwayRecord: facts', () => {
  it.each<[string, NewPathwayEvent[], Partial<HipFacts>]>([
    [
      'latest by clinical date beats latest recorded',
      [proms('2026-03-10', { painScore: 7 }), proms('2026-03-01', { painScore: 3 })],
      { painScore: 7 },
    ],
    [
      'a tie on clinical date goes to the later recording',
      [proms('2026-03-10', { painScore: 3 }), proms('2026-03-10', { painScore: 5 })],
      { painScore: 5 },
    ],
    [
      'a finding left out keeps its earlier value',
      [exam('2026-03-01', { limping: true, painAtRest: true }), exam('2026-03-10', { painAtRest: false })],
      { limping: true, painAtRest: false },
    ],
    [
      'a list is replaced as a whole, not merged',
      [exam('2026-03-01', { painLocations: ['GROIN', 'THIGH'] }), exam('2026-03-10', { painLocations: ['KNEE'] })],
      { painLocations: ['KNEE'] },
    ],
    [
      'an older list recorded later does not replace a newer one',
      [exam('2026-03-10', { painLocations: ['KNEE'] }), exam('2026-03-01', { painLocations: ['GROIN'] })],
      { painLocations: ['KNEE'] },
    ],
    [
      'red flags are replaced by a newer empty screening',
      [rec('RED_FLAGS_SCREENED', '2026-03-01', { redFlags: ['RADICULAR_SIGNS'] }), rec('RED_FLAGS_SCREENED', '2026-03-10', { redFlags: [] })],
      { redFlagsScreened: true, redFlags: [] },
    ],
    [
      'risk factors are replaced while a BMI left out is kept',
      [
        rec('RISK_FACTORS_RECORDED', '2026-03-01', { riskFactors: ['HEAVY_PHYSICAL_WORK', 'FAMILY_HISTORY'], bmi: 31.2 }),
        rec('RISK_FACTORS_RECORDED', '2026-03-10', { riskFactors: ['PRIOR_HIP_INJURY'] }),
      ],
      { riskFactors: ['PRIOR_HIP_INJURY'], bmi: 31.2 },
    ],
    [
      'NSAID risk factors are replaced by a known empty list',
      [
        rec('NSAID_RISK_FACTORS_RECORDED', '2026-03-01', { nsaidRiskFactors: ['RENAL_IMPAIRMENT'] }),
        rec('NSAID_RISK_FACTORS_RECORDED', '2026-03-10', { nsaidRiskFactors: [] }),
      ],
      { nsaidRiskFactors: [] },
    ],
    [
      'a stopped NSAID no longer counts while finished education still does',
      [start('2026-02-01', 'ORAL_NSAID'), start('2026-02-01', 'EDUCATION'), stop('2026-03-01', 'ORAL_NSAID'), stop('2026-03-01', 'EDUCATION')],
      { treatments: ['EDUCATION'] },
    ],
    ['a medicine counts while it is given', [start('2026-03-01', 'PARACETAMOL')], { treatments: ['PARACETAMOL'] }],
    [
      'a stop dated before the latest start does not end it',
      [start('2026-03-10', 'PARACETAMOL'), stop('2026-03-01', 'PARACETAMOL')],
      { treatments: ['PARACETAMOL'] },
    ],
    [
      'a medicine restarted after a stop counts again',
      [start('2026-02-01', 'WALKING_AID'), stop('2026-02-15', 'WALKING_AID'), start('2026-03-01', 'WALKING_AID')],
      { treatments: ['WALKING_AID'] },
    ],
    [
      'a stop dated on the start’s own day, recorded after it: that course was never given',
      [start('2026-03-01', 'PARACETAMOL'), stop('2026-03-01', 'PARACETAMOL')],
      { treatments: [] },
    ],
    [
      'a restart on the day of the stop begins a new course',
      [start('2026-02-01', 'PARACETAMOL'), stop('2026-03-01', 'PARACETAMOL'), start('2026-03-01', 'PARACETAMOL')],
      { treatments: ['PARACETAMOL'] },
    ],
    [
      'a core treatment stopped on its own start day was never given',
      [start('2026-03-01', 'EDUCATION'), stop('2026-03-01', 'EDUCATION')],
      { treatments: [] },
    ],
    [
      'a core treatment stopped on a later day was given and still counts',
      [start('2026-03-01', 'EDUCATION'), stop('2026-03-02', 'EDUCATION')],
      { treatments: ['EDUCATION'] },
    ],
    [
      'a stop does not shorten an injection’s 90 days',
      [start('2026-03-01', 'INTRA_ARTICULAR_CORTICOSTEROID'), stop('2026-03-02', 'INTRA_ARTICULAR_CORTICOSTEROID')],
      { treatments: ['INTRA_ARTICULAR_CORTICOSTEROID'] },
    ],
    [
      'a repeated injection counts from the latest one',
      [start('2025-10-01', 'INTRA_ARTICULAR_CORTICOSTEROID'), start('2026-02-01', 'INTRA_ARTICULAR_CORTICOSTEROID')],
      { treatments: ['INTRA_ARTICULAR_CORTICOSTEROID'] },
    ],
    ['no treatment recorded is a known empty list', [], { treatments: [] }],
    [
      'facts nothing recorded stay unknown, never false',
      [exam('2026-03-01', { limping: false }), rec('XRAY_ORDERED', '2026-03-01', {}), start('2026-03-01', 'PARACETAMOL')],
      {
        limping: false,
        redFlagsScreened: undefined,
        redFlags: undefined,
        sharedDecisionDocumented: undefined,
        xrayPerformed: undefined,
        kellgrenLawrenceGrade: undefined,
        conservativeTreatmentWeeks: undefined,
        weeksSinceSurgery: undefined,
        oxfordHipScore: undefined,
        postoperativeOxfordHipScore: undefined,
      },
    ],
    ['weeks since surgery: 182 days are 26 weeks', [rec('SURGERY_PERFORMED', '2025-09-28', {})], { weeksSinceSurgery: 26 }],
    ['weeks since surgery: 181 days are 25 weeks', [rec('SURGERY_PERFORMED', '2025-09-29', {})], { weeksSinceSurgery: 25 }],
    ['an X-ray order alone leaves xrayPerformed unknown', [rec('XRAY_ORDERED', '2026-03-01', {})], { xrayPerformed: undefined }],
    [
      'an X-ray result without a grade makes xrayPerformed true',
      [rec('XRAY_RESULT_RECORDED', '2026-03-01', { findings: 'awaiting report' })],
      { xrayPerformed: true, kellgrenLawrenceGrade: undefined },
    ],
    [
      'an X-ray result with its grade',
      [rec('XRAY_RESULT_RECORDED', '2026-03-01', { kellgrenLawrenceGrade: 3 })],
      { xrayPerformed: true, kellgrenLawrenceGrade: 3 },
    ],
    [
      "a newer ungraded X-ray does not keep the older X-ray's grade",
      [rec('XRAY_RESULT_RECORDED', '2026-01-10', { kellgrenLawrenceGrade: 1 }), rec('XRAY_RESULT_RECORDED', '2026-03-01', { findings: 'new film' })],
      { xrayPerformed: true, kellgrenLawrenceGrade: undefined },
    ],
    [
      'an older graded X-ray recorded after a newer ungraded one does not lend it its grade',
      [rec('XRAY_RESULT_RECORDED', '2026-03-01', { findings: 'new film' }), rec('XRAY_RESULT_RECORDED', '2026-01-10', { kellgrenLawrenceGrade: 3 })],
      { xrayPerformed: true, kellgrenLawrenceGrade: undefined },
    ],
    [
      'the Oxford Hip Score is the latest on or before surgery; one after it is postoperative',
      [
        proms('2025-09-01', { oxfordHipScore: 18 }),
        proms('2025-10-01', { oxfordHipScore: 20, painScore: 8 }),
        rec('SURGERY_PERFORMED', '2025-10-01', {}),
        proms('2026-03-01', { oxfordHipScore: 40, painScore: 2 }),
      ],
      { oxfordHipScore: 20, postoperativeOxfordHipScore: 40, painScore: 2 },
    ],
    [
      'without surgery the Oxford Hip Score is the latest',
      [proms('2026-01-01', { oxfordHipScore: 18 }), proms('2026-03-01', { oxfordHipScore: 25 })],
      { oxfordHipScore: 25 },
    ],
    [
      'without surgery a score recorded as postoperative is an Oxford Hip Score, never a postoperative one',
      [proms('2026-01-01', { oxfordHipScore: 18 }), rec('POSTOPERATIVE_OUTCOME_RECORDED', '2026-03-01', { oxfordHipScore: 30 })],
      { oxfordHipScore: 30, postoperativeOxfordHipScore: undefined },
    ],
    [
      'a score recorded as postoperative but dated on the surgery day is the preoperative score',
      [
        proms('2025-09-01', { oxfordHipScore: 18 }),
        rec('SURGERY_PERFORMED', '2025-10-01', {}),
        rec('POSTOPERATIVE_OUTCOME_RECORDED', '2025-10-01', { oxfordHipScore: 20 }),
      ],
      { oxfordHipScore: 20, postoperativeOxfordHipScore: undefined },
    ],
    [
      'the postoperative outcome is the latest by clinical date',
      [
        rec('SURGERY_PERFORMED', '2025-06-01', {}),
        rec('POSTOPERATIVE_OUTCOME_RECORDED', '2026-02-01', { oxfordHipScore: 41 }),
        proms('2026-01-01', { oxfordHipScore: 35 }),
      ],
      { postoperativeOxfordHipScore: 41, oxfordHipScore: undefined },
    ],
    [
      'surgical indication, smoking and diabetes, shared decision',
      [
        rec('SURGICAL_INDICATION_RECORDED', '2026-03-01', { qualityOfLifeSubstantiallyAffected: true, nonSurgicalTreatmentUnsuitable: false }),
        rec('SURGICAL_RISK_FACTORS_RECORDED', '2026-03-01', { smoker: false, diabetesUncontrolled: true }),
        rec('SHARED_DECISION_DOCUMENTED', '2026-03-01', {}),
      ],
      {
        qualityOfLifeSubstantiallyAffected: true,
        nonSurgicalTreatmentUnsuitable: false,
        smoker: false,
        diabetesUncontrolled: true,
        sharedDecisionDocumented: true,
      },
    ],
    [
      'recordings dated after the evaluation date are ignored',
      [proms('2026-03-01', { painScore: 4 }), proms('2026-03-30', { painScore: 9 }), start('2026-03-30', 'ORAL_NSAID')],
      { painScore: 4, treatments: [], conservativeTreatmentWeeks: undefined },
    ],
  ])('%s', (_case, events, expected) => {
    expect(pick(factsOf(pathway(...events)), expected)).toEqual(expected);
  });

  it('leaves unknown facts absent: a new pathway knows its stage, the age and the (empty) treatments', () => {
    const facts = factsOf(pathway());
    expect(facts).toEqual({ stage: 'CLINICAL_EXAM', ageYears: 66, treatments: [] });
    expect(Object.values(facts)).not.toContain(undefined);
  });

  it('takes the stage from the pathway state', () => {
    const moved = commit(pathway(), [{ type: 'STAGE_CHANGED', payload: { from: 'CLINICAL_EXAM', to: 'IMAGING', deviation: false } }]);
    expect(factsOf(moved.state).stage).toBe('IMAGING');
  });
});

describe('derivePathwayRecord: calendar dates in Brussels', () => {
  const state = pathway(
    rec('SURGERY_PERFORMED', '2025-09-28', {}),
    start('2025-12-28', 'INTRA_ARTICULAR_CORTICOSTEROID'),
    ...coreTreatmentStarted('2026-01-04'),
  );

  it.each<[string, Date, Partial<HipFacts>]>([
    [
      '22:30 UTC on 28 March is still 28 March in Brussels',
      STILL_28_MARCH_IN_BRUSSELS,
      {
        ageYears: 65,
        weeksSinceSurgery: 25,
        conservativeTreatmentWeeks: 11,
        treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'INTRA_ARTICULAR_CORTICOSTEROID'],
      },
    ],
    [
      '23:30 UTC on 28 March is already 29 March in Brussels: a birthday, a 26th and a 12th week, an injection 91 days ago',
      NOW,
      { ageYears: 66, weeksSinceSurgery: 26, conservativeTreatmentWeeks: 12, treatments: ['EDUCATION', 'EXERCISE_THERAPY'] },
    ],
  ])('%s', (_case, now, expected) => {
    expect(pick(factsOf(state, now), expected)).toEqual(expected);
  });

  it.each<[string, string, Date, number]>([
    ['a week across the start of summer time', '2026-03-22', new Date('2026-03-29T10:00:00Z'), 1],
    ['a week across the end of summer time', '2026-10-18', new Date('2026-10-25T12:00:00Z'), 1],
    ['six days before midnight in summer time', '2026-07-08', new Date('2026-07-14T21:59:00Z'), 0],
    ['seven days after midnight in summer time (22:00 UTC)', '2026-07-08', new Date('2026-07-14T22:00:00Z'), 1],
  ])('counts whole weeks on calendar dates: %s', (_case, started, now, weeks) => {
    expect(factsOf(pathway(...coreTreatmentStarted(started)), now).conservativeTreatmentWeeks).toBe(weeks);
  });

  it.each<[string, string, number | undefined]>([
    ['completed years on the birthday', '1960-03-29', 66],
    ['completed years the day before the birthday', '1960-03-30', 65],
    ['a birth date after the evaluation date leaves the age unknown', '2026-03-30', undefined],
  ])('ageYears: %s', (_case, birthDate, age) => {
    expect(factsOf(pathway(), NOW, birthDate).ageYears).toBe(age);
  });
});

describe('derivePathwayRecord: conservativeTreatmentWeeks count from the day core treatment became complete', () => {
  const bmi = (clinicalDate: string, value: number) => rec('RISK_FACTORS_RECORDED', clinicalDate, { bmi: value });

  it.each<[string, NewPathwayEvent[], number | undefined]>([
    ['a medicine alone never starts them', [bmi('2025-11-01', 22), start('2025-11-01', 'PARACETAMOL')], undefined],
    ['education alone', [bmi('2026-01-01', 22), start('2026-01-01', 'EDUCATION')], undefined],
    [
      'education and exercise, BMI unknown, no weight management: core treatment given is unknown',
      [start('2026-01-01', 'EDUCATION'), start('2026-01-01', 'EXERCISE_THERAPY')],
      undefined,
    ],
    [
      'education and exercise at BMI 30 without weight management',
      [bmi('2026-01-01', 30), start('2026-01-01', 'EDUCATION'), start('2026-01-01', 'EXERCISE_THERAPY')],
      undefined,
    ],
    [
      'at BMI 30, from the weight management start when it is the last of the three',
      [bmi('2026-01-01', 30), start('2026-01-01', 'EDUCATION'), start('2026-01-15', 'EXERCISE_THERAPY'), start('2026-03-01', 'WEIGHT_MANAGEMENT')],
      4,
    ],
    [
      'BMI unknown with weight management: from the last of the three',
      [start('2026-01-01', 'EDUCATION'), start('2026-01-15', 'EXERCISE_THERAPY'), start('2026-03-01', 'WEIGHT_MANAGEMENT')],
      4,
    ],
    [
      'at BMI 22 a later weight management start does not count',
      [bmi('2026-01-01', 22), start('2026-01-01', 'EDUCATION'), start('2026-01-15', 'EXERCISE_THERAPY'), start('2026-03-01', 'WEIGHT_MANAGEMENT')],
      10,
    ],
    [
      'a BMI now below 25 no longer waits for weight management',
      [bmi('2025-12-01', 30), start('2026-01-01', 'EDUCATION'), start('2026-01-15', 'EXERCISE_THERAPY'), bmi('2026-03-01', 24)],
      10,
    ],
    [
      'from the first of exercise therapy or physiotherapy',
      [bmi('2026-01-01', 22), start('2026-01-01', 'EDUCATION'), start('2026-01-15', 'PHYSIOTHERAPY'), start('2026-03-01', 'EXERCISE_THERAPY')],
      10,
    ],
    [
      'from the first start of each, though stopped since',
      [
        bmi('2026-01-01', 22),
        start('2026-01-01', 'EDUCATION'),
        stop('2026-01-05', 'EDUCATION'),
        start('2026-01-15', 'EXERCISE_THERAPY'),
        stop('2026-02-01', 'EXERCISE_THERAPY'),
      ],
      10,
    ],
    [
      'a course stopped on its own start day starts nothing: the next course does',
      [
        bmi('2026-01-01', 22),
        start('2026-01-01', 'EDUCATION'),
        stop('2026-01-01', 'EDUCATION'),
        start('2026-01-01', 'EXERCISE_THERAPY'),
        start('2026-03-01', 'EDUCATION'),
      ],
      4,
    ],
    [
      'an older start recorded later still counts from its own date',
      [bmi('2026-01-01', 22), start('2026-03-01', 'EDUCATION'), start('2026-01-15', 'EXERCISE_THERAPY'), start('2026-01-01', 'EDUCATION')],
      10,
    ],
  ])('%s', (_case, events, weeks) => {
    const facts = factsOf(pathway(...events));
    expect(facts.conservativeTreatmentWeeks).toBe(weeks);
    // Known exactly when the guideline's derived fact "core treatment given" is true on the same facts.
    expect(coreTreatmentGiven(facts) === true).toBe(weeks !== undefined);
  });
});

describe('hip-oa-2026.12 boundaries, through the derived facts into the rules they feed', () => {
  /** A calendar date `days` before the evaluation date, 29 March 2026. */
  const before = (days: number): string => new Date(Date.parse('2026-03-29T00:00:00Z') - days * 86_400_000).toISOString().slice(0, 10);
  /** Quality of life affected, screened without red flags, surgery not ruled out: referable once core treatment has run 12 weeks. */
  const referable = (bmi: number): NewPathwayEvent[] => [
    rec('RISK_FACTORS_RECORDED', before(200), { bmi }),
    rec('RED_FLAGS_SCREENED', before(200), { redFlags: [] }),
    rec('SURGICAL_INDICATION_RECORDED', before(200), { qualityOfLifeSubstantiallyAffected: true, nonSurgicalTreatmentUnsuitable: false }),
  ];
  const atStage = (stage: PathwayStage, events: NewPathwayEvent[]) =>
    factsOf(pathway(...events, { type: 'STAGE_CHANGED', payload: { from: 'CLINICAL_EXAM', to: stage, deviation: false } }));
  const shownCodes = (facts: HipFacts): SuggestionCode[] => evaluate(facts, { locale: 'EN' }).suggestions.map(({ code }) => code);

  it.each<[string, number, 'INTRA_ARTICULAR_CORTICOSTEROID' | 'HYALURONIC_ACID_INJECTION', PathwayStage, SuggestionCode, boolean]>([
    [
      'a corticosteroid injection 90 days before counts: RECENT_INTRA_ARTICULAR_INJECTION',
      90,
      'INTRA_ARTICULAR_CORTICOSTEROID',
      'SURGICAL_REFERRAL',
      'RECENT_INTRA_ARTICULAR_INJECTION',
      true,
    ],
    [
      'a corticosteroid injection 91 days before does not',
      91,
      'INTRA_ARTICULAR_CORTICOSTEROID',
      'SURGICAL_REFERRAL',
      'RECENT_INTRA_ARTICULAR_INJECTION',
      false,
    ],
    ['a corticosteroid injection today counts', 0, 'INTRA_ARTICULAR_CORTICOSTEROID', 'SURGICAL_REFERRAL', 'RECENT_INTRA_ARTICULAR_INJECTION', true],
    [
      'a hyaluronic acid injection 90 days before counts: STOP_HYALURONIC_ACID',
      90,
      'HYALURONIC_ACID_INJECTION',
      'CONSERVATIVE_TREATMENT',
      'STOP_HYALURONIC_ACID',
      true,
    ],
    ['a hyaluronic acid injection 91 days before does not', 91, 'HYALURONIC_ACID_INJECTION', 'CONSERVATIVE_TREATMENT', 'STOP_HYALURONIC_ACID', false],
  ])('%s', (_case, days, injection, stage, code, counts) => {
    const facts = atStage(stage, [start(before(days), injection)]);
    expect(facts.treatments?.includes(injection)).toBe(counts);
    expect(shownCodes(facts).includes(code)).toBe(counts);
  });

  it.each<[number, number, boolean]>([
    [83, 11, false],
    [84, 12, true],
    [85, 12, true],
  ])('core treatment completed %s days before: %s weeks, referral rule holds and referral suggested -> %s', (days, weeks, referralSuggested) => {
    const facts = atStage('CONSERVATIVE_TREATMENT', [
      ...referable(22),
      start(before(days + 30), 'EDUCATION'),
      start(before(days), 'EXERCISE_THERAPY'),
    ]);
    expect(facts.conservativeTreatmentWeeks).toBe(weeks);
    expect(referralRuleHolds(facts)).toBe(referralSuggested);
    expect(shownCodes(facts).includes('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT')).toBe(referralSuggested);
    expect(shownCodes(facts).includes('CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT')).toBe(!referralSuggested);
  });

  it('20 weeks of paracetamol plus core treatment begun today: 0 weeks, no referral', () => {
    const facts = atStage('CONSERVATIVE_TREATMENT', [
      ...referable(22),
      start(before(140), 'PARACETAMOL'),
      start(before(0), 'EDUCATION'),
      start(before(0), 'EXERCISE_THERAPY'),
    ]);
    expect(facts).toMatchObject({ conservativeTreatmentWeeks: 0, treatments: ['EDUCATION', 'EXERCISE_THERAPY', 'PARACETAMOL'] });
    expect(referralRuleHolds(facts)).toBe(false);
    expect(shownCodes(facts)).not.toContain('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT');
    expect(shownCodes(facts)).toContain('CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT');
  });

  it.each<[number, boolean, number | undefined, boolean, boolean]>([
    // bmi, weight management started 30 days before, weeks, core treatment given, SUPPORT_WEIGHT_LOSS fires
    [24.9, false, 14, true, false],
    [25.0, false, undefined, false, true],
    [24.9, true, 14, true, false],
    [25.0, true, 4, true, false],
  ])(
    'BMI %s, weight management started: %s -> %s weeks, core treatment given %s, SUPPORT_WEIGHT_LOSS %s',
    (bmi, weightManagement, weeks, coreGiven, supportWeightLoss) => {
      const facts = atStage('CONSERVATIVE_TREATMENT', [
        ...referable(bmi),
        start(before(100), 'EDUCATION'),
        start(before(100), 'EXERCISE_THERAPY'),
        ...(weightManagement ? [start(before(30), 'WEIGHT_MANAGEMENT')] : []),
      ]);
      expect(facts.conservativeTreatmentWeeks).toBe(weeks);
      expect(coreTreatmentGiven(facts)).toBe(coreGiven);
      expect(shownCodes(facts).includes('SUPPORT_WEIGHT_LOSS')).toBe(supportWeightLoss);
      expect(shownCodes(facts).includes('REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT')).toBe(weeks !== undefined && weeks >= 12);
    },
  );
});

describe('derivePathwayRecord: entered-in-error', () => {
  const bmi = (clinicalDate: string, value: number) => rec('RISK_FACTORS_RECORDED', clinicalDate, { bmi: value });

  it.each<[string, NewPathwayEvent[], Partial<HipFacts>]>([
    ['the latest value counts', [bmi('2026-03-01', 31), bmi('2026-03-10', 24)], { bmi: 24 }],
    ['marking the latest in error brings the earlier value back', [bmi('2026-03-01', 31), bmi('2026-03-10', 24), inError(3)], { bmi: 31 }],
    ['marking every value in error leaves it unknown', [bmi('2026-03-01', 31), bmi('2026-03-10', 24), inError(3), inError(2)], { bmi: undefined }],
    [
      'a stop marked in error gives the treatment back',
      [start('2026-03-01', 'ORAL_NSAID'), stop('2026-03-10', 'ORAL_NSAID'), inError(3)],
      { treatments: ['ORAL_NSAID'] },
    ],
    [
      'a core treatment start marked in error removes the treatment and the weeks',
      [bmi('2026-01-01', 22), start('2026-01-01', 'EDUCATION'), start('2026-01-01', 'EXERCISE_THERAPY'), inError(3)],
      { treatments: ['EXERCISE_THERAPY'], conservativeTreatmentWeeks: undefined },
    ],
    [
      'marking the first education start in error counts the weeks from the next one',
      [
        bmi('2026-01-01', 22),
        start('2026-01-01', 'EDUCATION'),
        start('2026-01-01', 'EXERCISE_THERAPY'),
        stop('2026-01-10', 'EDUCATION'),
        start('2026-03-01', 'EDUCATION'),
        inError(3),
      ],
      { treatments: ['EDUCATION', 'EXERCISE_THERAPY'], conservativeTreatmentWeeks: 4 },
    ],
    [
      'an X-ray result marked in error leaves xrayPerformed unknown',
      [rec('XRAY_RESULT_RECORDED', '2026-03-01', { kellgrenLawrenceGrade: 2 }), inError(2)],
      { xrayPerformed: undefined, kellgrenLawrenceGrade: undefined },
    ],
    [
      'a red-flag screening marked in error leaves screening unknown',
      [rec('RED_FLAGS_SCREENED', '2026-03-01', { redFlags: [] }), inError(2)],
      { redFlagsScreened: undefined, redFlags: undefined },
    ],
    [
      'a surgery marked in error makes a later Oxford Hip Score preoperative again',
      [rec('SURGERY_PERFORMED', '2026-01-01', {}), proms('2026-03-01', { oxfordHipScore: 30 }), inError(2)],
      { weeksSinceSurgery: undefined, oxfordHipScore: 30, postoperativeOxfordHipScore: undefined },
    ],
    [
      'a surgery marked in error leaves a postoperative outcome recorded after it without a postoperative score',
      [
        proms('2025-12-01', { oxfordHipScore: 19 }),
        rec('SURGERY_PERFORMED', '2026-01-01', {}),
        rec('POSTOPERATIVE_OUTCOME_RECORDED', '2026-03-01', { oxfordHipScore: 38 }),
        inError(3),
      ],
      { weeksSinceSurgery: undefined, oxfordHipScore: 38, postoperativeOxfordHipScore: undefined },
    ],
  ])('%s', (_case, events, expected) => {
    expect(pick(factsOf(pathway(...events)), expected)).toEqual(expected);
  });
});

describe('derivePathwayRecord: checklist record', () => {
  const recordOf = (...events: NewPathwayEvent[]) => derivePathwayRecord(pathway(...events), { birthDate: BIRTH_DATE, now: NOW }).checklistRecord;

  it('is empty for a new pathway', () => {
    expect(recordOf()).toEqual({ pharmacologicalTreatmentRecorded: false, noAnalgesiaNeededRecorded: false, notApplicableMarks: [] });
  });

  it.each<[string, NewPathwayEvent[], object]>([
    [
      'the latest follow-up date and the surgery date',
      [
        rec('FOLLOW_UP_PLANNED', '2026-03-01', { followUpDate: '2026-06-01' }),
        rec('FOLLOW_UP_PLANNED', '2026-03-10', { followUpDate: '2026-05-01' }),
        rec('SURGERY_PERFORMED', '2025-11-12', {}),
      ],
      { followUpDate: '2026-05-01', surgeryDate: '2025-11-12' },
    ],
    [
      'a medicine recorded, even if stopped since',
      [start('2026-01-01', 'PARACETAMOL'), stop('2026-02-01', 'PARACETAMOL')],
      { pharmacologicalTreatmentRecorded: true },
    ],
    ['gastroprotection is a pharmacological treatment', [start('2026-01-01', 'GASTROPROTECTION')], { pharmacologicalTreatmentRecorded: true }],
    ['a walking aid is not', [start('2026-01-01', 'WALKING_AID'), start('2026-01-01', 'EDUCATION')], { pharmacologicalTreatmentRecorded: false }],
    ['an analgesic marked in error is not recorded', [start('2026-01-01', 'WEAK_OPIOID'), inError(2)], { pharmacologicalTreatmentRecorded: false }],
    ['a decision that no analgesia is needed', [rec('ANALGESIA_REVIEWED_NONE_NEEDED', '2026-03-01', {})], { noAnalgesiaNeededRecorded: true }],
    [
      'not-applicable marks, without those marked in error',
      [
        rec('CHECKLIST_ITEM_NOT_APPLICABLE', '2026-03-01', { stage: 'CLINICAL_EXAM', item: 'RECORD_BMI', reason: 'cannot stand' }),
        rec('CHECKLIST_ITEM_NOT_APPLICABLE', '2026-03-01', { stage: 'CLINICAL_EXAM', item: 'ASK_RISK_FACTORS', reason: 'mistake' }),
        inError(3),
      ],
      { notApplicableMarks: [{ stage: 'CLINICAL_EXAM', item: 'RECORD_BMI', reason: 'cannot stand' }] },
    ],
  ])('%s', (_case, events, expected) => {
    expect(recordOf(...events)).toMatchObject(expected);
  });
});

describe('treatmentGivenOn: a treatment given on a day', () => {
  it.each<[string, NewPathwayEvent[], PathwayEventPayloads['TREATMENT_STARTED']['treatment'], string, boolean]>([
    ['on the day of its start', [start('2026-03-01', 'ORAL_NSAID')], 'ORAL_NSAID', '2026-03-01', true],
    ['not the day before its start', [start('2026-03-01', 'ORAL_NSAID')], 'ORAL_NSAID', '2026-02-28', false],
    ['on the day before its stop', [start('2026-03-01', 'ORAL_NSAID'), stop('2026-03-10', 'ORAL_NSAID')], 'ORAL_NSAID', '2026-03-09', true],
    ['not on the day of its stop', [start('2026-03-01', 'ORAL_NSAID'), stop('2026-03-10', 'ORAL_NSAID')], 'ORAL_NSAID', '2026-03-10', false],
    [
      'never, when stopped on its own start day',
      [start('2026-03-01', 'ORAL_NSAID'), stop('2026-03-01', 'ORAL_NSAID')],
      'ORAL_NSAID',
      '2026-03-01',
      false,
    ],
    [
      'again from a restart',
      [start('2026-03-01', 'ORAL_NSAID'), stop('2026-03-05', 'ORAL_NSAID'), start('2026-03-20', 'ORAL_NSAID')],
      'ORAL_NSAID',
      '2026-03-20',
      true,
    ],
    ['not from a start marked in error', [start('2026-03-01', 'ORAL_NSAID'), inError(2)], 'ORAL_NSAID', '2026-03-05', false],
    ['not another treatment', [start('2026-03-01', 'ORAL_NSAID')], 'GASTROPROTECTION', '2026-03-05', false],
    [
      'an injection on the 90th day after it, whatever a stop says',
      [start('2026-01-01', 'INTRA_ARTICULAR_CORTICOSTEROID'), stop('2026-01-02', 'INTRA_ARTICULAR_CORTICOSTEROID')],
      'INTRA_ARTICULAR_CORTICOSTEROID',
      '2026-04-01',
      true,
    ],
    [
      'an injection not on the 91st day after it',
      [start('2026-01-01', 'INTRA_ARTICULAR_CORTICOSTEROID')],
      'INTRA_ARTICULAR_CORTICOSTEROID',
      '2026-04-02',
      false,
    ],
  ])('%s', (_case, events, treatment, day, expected) => {
    expect(treatmentGivenOn(pathway(...events), treatment, day)).toBe(expected);
  });
});
