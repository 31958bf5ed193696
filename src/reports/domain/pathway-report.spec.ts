import { describe, expect, it } from '@jest/globals';
import type { CalendarDate } from '../../contract/calendar-date.js';
import type { PathwayStage, Treatment } from '../../contract/vocabulary.js';
import type { PathwayEventPayloads, PathwayEventType } from '../../pathways/domain/pathway-events.js';
import { reportPathway, type PathwayReportValues, type ReportedEvent } from './pathway-report.js';

/** 69 years old in 2026: old enough for a typical presentation. */
const BIRTH_DATE = '1956-04-12';
const OPENED_ON = '2026-01-05';

/** One event as a test writes it; `at` is when it was recorded: a Brussels day (10:00 UTC) or an instant. */
interface Step {
  type: PathwayEventType;
  payload?: object;
  clinicalDate?: CalendarDate;
  at?: string;
  actor?: string;
  actingFor?: string;
}

/** The events in sequence order; a stage move's `from` and `deviation` are filled in. */
function events(...steps: Step[]): ReportedEvent[] {
  let stage: PathwayStage = 'CLINICAL_EXAM';
  return steps.map((step, index) => {
    let payload = step.payload ?? {};
    if (step.type === 'STAGE_CHANGED') {
      payload = { from: stage, deviation: false, ...payload };
      stage = (payload as { to: PathwayStage }).to;
    }
    const at = step.at ?? step.clinicalDate ?? OPENED_ON;
    return {
      sequence: index + 1,
      type: step.type,
      payload,
      clinicalDate: step.clinicalDate ?? null,
      recordedAt: new Date(at.length === 10 ? `${at}T10:00:00Z` : at),
      actor: step.actor ?? 'dr.peeters',
      actingFor: step.actingFor ?? null,
    };
  });
}

const opened = (site?: string, at = OPENED_ON): Step => ({ type: 'PATHWAY_OPENED', payload: { side: 'LEFT', ...(site && { site }) }, at });
const rec = <T extends PathwayEventType>(type: T, clinicalDate: CalendarDate, payload: PathwayEventPayloads[T], at?: string): Step => ({
  type,
  clinicalDate,
  payload,
  at,
});
const TYPICAL_FINDINGS = { activityRelatedPain: true, morningStiffnessMinutes: 20, internalRotationDegrees: 10, painOnInternalRotation: true };
const exam = (clinicalDate: CalendarDate, findings: PathwayEventPayloads['CLINICAL_EXAM_RECORDED'] = TYPICAL_FINDINGS, at?: string) =>
  rec('CLINICAL_EXAM_RECORDED', clinicalDate, findings, at);
const screened = (clinicalDate: CalendarDate, redFlags: PathwayEventPayloads['RED_FLAGS_SCREENED']['redFlags'] = [], at?: string) =>
  rec('RED_FLAGS_SCREENED', clinicalDate, { redFlags }, at);
const bmi = (clinicalDate: CalendarDate, value: number, at?: string) => rec('RISK_FACTORS_RECORDED', clinicalDate, { bmi: value }, at);
const start = (treatment: Treatment, clinicalDate: CalendarDate, at?: string) => rec('TREATMENT_STARTED', clinicalDate, { treatment }, at);
const stop = (treatment: Treatment, clinicalDate: CalendarDate, at?: string) => rec('TREATMENT_STOPPED', clinicalDate, { treatment }, at);
const xrayOrdered = (clinicalDate: CalendarDate, at?: string) => rec('XRAY_ORDERED', clinicalDate, {}, at);
const xrayResult = (clinicalDate: CalendarDate, at?: string) => rec('XRAY_RESULT_RECORDED', clinicalDate, { kellgrenLawrenceGrade: 3 }, at);
const surgery = (clinicalDate: CalendarDate, at?: string) => rec('SURGERY_PERFORMED', clinicalDate, {}, at);
const score = (clinicalDate: CalendarDate, oxfordHipScore: number, at?: string) =>
  rec('PATIENT_REPORTED_OUTCOMES_RECORDED', clinicalDate, { oxfordHipScore }, at);
const unsuitable = (clinicalDate: CalendarDate, value: boolean, at?: string) =>
  rec('SURGICAL_INDICATION_RECORDED', clinicalDate, { nonSurgicalTreatmentUnsuitable: value }, at);
const moveTo = (to: PathwayStage, at: string, extra: Partial<PathwayEventPayloads['STAGE_CHANGED']> = {}): Step => ({
  type: 'STAGE_CHANGED',
  payload: { to, ...extra },
  at,
});
const inError = (targetSequence: number, at: string): Step => ({
  type: 'RECORDING_ENTERED_IN_ERROR',
  payload: { targetSequence, reason: 'wrong patient' },
  at,
});

/** Sequence 2 and 3: a typical presentation examined and screened on the opening day. */
const EXAMINED = [exam(OPENED_ON), screened(OPENED_ON)];
/** Sequence 4: the first move to conservative treatment, on 10 January. */
const IN_CONSERVATIVE_TREATMENT = [...EXAMINED, moveTo('CONSERVATIVE_TREATMENT', '2026-01-10')];

/** The report row of a pathway opened on OPENED_ON followed by `steps` (sequences from 2). */
const reportOf = (...steps: Step[]): PathwayReportValues => reportPathway(events(opened(), ...steps), BIRTH_DATE).report;

type Case<Value> = [string, Step[], Value];

describe('QI_CLINICAL_DIAGNOSIS: typical at the first exam, conservative treatment without an X-ray dated up to the first move there', () => {
  it.each<Case<boolean | null>>([
    ['typical, no X-ray: in the numerator', IN_CONSERVATIVE_TREATMENT, true],
    ['an X-ray ordered on the day of the first move: not in the numerator', [...IN_CONSERVATIVE_TREATMENT, xrayOrdered('2026-01-10')], false],
    ['an X-ray ordered the day after the move: in the numerator', [...IN_CONSERVATIVE_TREATMENT, xrayOrdered('2026-01-11')], true],
    [
      'an X-ray result dated before the move, recorded weeks after it: not in the numerator',
      [...IN_CONSERVATIVE_TREATMENT, xrayResult('2026-01-08', '2026-03-01')],
      false,
    ],
    [
      'an X-ray order marked entered-in-error after the move counts nowhere',
      [...EXAMINED, xrayOrdered('2026-01-08'), moveTo('CONSERVATIVE_TREATMENT', '2026-01-10'), inError(4, '2026-02-01')],
      true,
    ],
    [
      'the move date is the Brussels date of its recording: 22:30 UTC on 29 March is 30 March',
      [...EXAMINED, moveTo('CONSERVATIVE_TREATMENT', '2026-03-29T22:30:00Z'), xrayOrdered('2026-03-30')],
      false,
    ],
    [
      'only the first move to conservative treatment counts',
      [...IN_CONSERVATIVE_TREATMENT, moveTo('IMAGING', '2026-01-12'), xrayOrdered('2026-01-12'), moveTo('CONSERVATIVE_TREATMENT', '2026-01-20')],
      true,
    ],
    ['not entered conservative treatment: outside the denominator', [...EXAMINED, moveTo('IMAGING', '2026-01-10')], null],
    [
      'typical unknown (morning stiffness not recorded): excluded',
      [
        exam(OPENED_ON, { ...TYPICAL_FINDINGS, morningStiffnessMinutes: undefined }),
        screened(OPENED_ON),
        moveTo('CONSERVATIVE_TREATMENT', '2026-01-10'),
      ],
      null,
    ],
    ['atypical unknown (red flags not screened): excluded', [exam(OPENED_ON), moveTo('CONSERVATIVE_TREATMENT', '2026-01-10')], null],
    [
      'atypical (45 minutes of morning stiffness): excluded',
      [exam(OPENED_ON, { ...TYPICAL_FINDINGS, morningStiffnessMinutes: 45 }), screened(OPENED_ON), moveTo('CONSERVATIVE_TREATMENT', '2026-01-10')],
      null,
    ],
    [
      'no exam (a deviation): excluded',
      [moveTo('CONSERVATIVE_TREATMENT', '2026-01-10', { deviation: true, deviationReason: 'seen by the GP' })],
      null,
    ],
    [
      'the first exam is the earliest by clinical date, whatever the recording order',
      [
        screened(OPENED_ON),
        exam('2026-01-09', { ...TYPICAL_FINDINGS, morningStiffnessMinutes: 45 }),
        exam('2026-01-08', TYPICAL_FINDINGS, '2026-01-09'),
        moveTo('CONSERVATIVE_TREATMENT', '2026-01-10'),
      ],
      true,
    ],
    [
      'an atypical exam dated before a typical one is the first exam',
      [
        screened(OPENED_ON),
        exam('2026-01-09'),
        exam('2026-01-08', { ...TYPICAL_FINDINGS, morningStiffnessMinutes: 45 }, '2026-01-09'),
        moveTo('CONSERVATIVE_TREATMENT', '2026-01-10'),
      ],
      null,
    ],
    [
      'a red flag dated on the first exam day counts there, though entered after the move',
      [...IN_CONSERVATIVE_TREATMENT, screened(OPENED_ON, ['RADICULAR_SIGNS'], '2026-01-20')],
      null,
    ],
    [
      'findings dated after the first exam do not count there',
      [...IN_CONSERVATIVE_TREATMENT, exam('2026-01-20', { morningStiffnessMinutes: 45 })],
      true,
    ],
    ['the only exam marked entered-in-error: no first exam, excluded', [...IN_CONSERVATIVE_TREATMENT, inError(2, '2026-01-11')], null],
  ])('%s', (_case, steps, expected) => {
    expect(reportOf(...steps).qiClinicalDiagnosis).toBe(expected);
  });
});

describe('QI_EXERCISE: conservative treatment with exercise therapy or physiotherapy started', () => {
  it.each<Case<boolean | null>>([
    ['exercise therapy started', [...IN_CONSERVATIVE_TREATMENT, start('EXERCISE_THERAPY', '2026-01-10')], true],
    ['physiotherapy started', [...IN_CONSERVATIVE_TREATMENT, start('PHYSIOTHERAPY', '2026-01-10')], true],
    ['started before the move', [start('PHYSIOTHERAPY', '2026-01-06'), moveTo('CONSERVATIVE_TREATMENT', '2026-01-10')], true],
    [
      'started and stopped on the same day: a start was recorded',
      [...IN_CONSERVATIVE_TREATMENT, start('EXERCISE_THERAPY', '2026-01-10'), stop('EXERCISE_THERAPY', '2026-01-10')],
      true,
    ],
    ['education only', [...IN_CONSERVATIVE_TREATMENT, start('EDUCATION', '2026-01-10')], false],
    ['the start marked entered-in-error', [...IN_CONSERVATIVE_TREATMENT, start('EXERCISE_THERAPY', '2026-01-10'), inError(5, '2026-01-11')], false],
    [
      'entered without an exam (a deviation): in the denominator',
      [moveTo('CONSERVATIVE_TREATMENT', '2026-01-10', { deviation: true, deviationReason: 'seen by the GP' })],
      false,
    ],
    ['not entered conservative treatment', [...EXAMINED, start('EXERCISE_THERAPY', '2026-01-10')], null],
  ])('%s', (_case, steps, expected) => {
    expect(reportOf(...steps).qiExercise).toBe(expected);
  });
});

describe('QI_WEIGHT: conservative treatment with bmi >= 25 as derived now, weight management started', () => {
  it.each<Case<boolean | null>>([
    ['bmi 25 and weight management started', [...IN_CONSERVATIVE_TREATMENT, bmi('2026-01-10', 25), start('WEIGHT_MANAGEMENT', '2026-01-10')], true],
    ['bmi 25 without weight management', [...IN_CONSERVATIVE_TREATMENT, bmi('2026-01-10', 25)], false],
    ['bmi 24.9: outside the denominator', [...IN_CONSERVATIVE_TREATMENT, bmi('2026-01-10', 24.9)], null],
    ['bmi unknown: outside the denominator', IN_CONSERVATIVE_TREATMENT, null],
    ['bmi 30, then a newer bmi of 24', [...IN_CONSERVATIVE_TREATMENT, bmi('2026-01-10', 30), bmi('2026-03-01', 24)], null],
    [
      'a bmi of 30 dated before a bmi of 22 but recorded after it',
      [...IN_CONSERVATIVE_TREATMENT, bmi('2026-03-01', 22), bmi('2026-01-10', 30, '2026-03-02')],
      null,
    ],
    ['bmi 31 recorded after the move counts', [...IN_CONSERVATIVE_TREATMENT, bmi('2026-01-05', 22), bmi('2026-06-01', 31)], false],
    ['bmi 31 marked entered-in-error', [...IN_CONSERVATIVE_TREATMENT, bmi('2026-01-05', 22), bmi('2026-06-01', 31), inError(6, '2026-06-02')], null],
    ['not entered conservative treatment', [...EXAMINED, bmi('2026-01-10', 30)], null],
  ])('%s', (_case, steps, expected) => {
    expect(reportOf(...steps).qiWeight).toBe(expected);
  });
});

describe('QI_CORE_BEFORE_REFERRAL: at the first move to referral, 12 weeks of core treatment unless non-surgical treatment was unsuitable', () => {
  /** Core treatment complete on `day` (bmi 22: no weight management needed); sequences 5 to 7. */
  const coreFrom = (day: CalendarDate, at?: string) => [bmi(day, 22, at), start('EDUCATION', day, at), start('EXERCISE_THERAPY', day, at)];
  const referred = (at: string) => moveTo('SURGICAL_REFERRAL', at, { deviation: true, deviationReason: 'patient insists' });

  it.each<Case<Pick<PathwayReportValues, 'qiCoreBeforeReferral' | 'referralNonSurgicalUnsuitable'>>>([
    [
      '84 days (12 weeks) of core treatment at the move',
      [...IN_CONSERVATIVE_TREATMENT, ...coreFrom('2026-01-10'), moveTo('SURGICAL_REFERRAL', '2026-04-04')],
      { qiCoreBeforeReferral: true, referralNonSurgicalUnsuitable: false },
    ],
    [
      '83 days (11 weeks) at the move',
      [...IN_CONSERVATIVE_TREATMENT, ...coreFrom('2026-01-10'), referred('2026-04-03')],
      { qiCoreBeforeReferral: false, referralNonSurgicalUnsuitable: false },
    ],
    [
      'non-surgical treatment unsuitable at the move: counted apart, not in the denominator',
      [...IN_CONSERVATIVE_TREATMENT, unsuitable('2026-01-12', true), moveTo('SURGICAL_REFERRAL', '2026-01-12')],
      { qiCoreBeforeReferral: null, referralNonSurgicalUnsuitable: true },
    ],
    [
      'unsuitable recorded after the move, though dated before it: not at the move',
      [...IN_CONSERVATIVE_TREATMENT, referred('2026-01-12'), unsuitable('2026-01-11', true, '2026-01-13')],
      { qiCoreBeforeReferral: false, referralNonSurgicalUnsuitable: false },
    ],
    [
      'unsuitable, then recorded suitable before the move',
      [...IN_CONSERVATIVE_TREATMENT, unsuitable('2026-01-11', true), unsuitable('2026-01-12', false), referred('2026-01-12')],
      { qiCoreBeforeReferral: false, referralNonSurgicalUnsuitable: false },
    ],
    [
      'unsuitable at the move but marked entered-in-error later',
      [...IN_CONSERVATIVE_TREATMENT, unsuitable('2026-01-12', true), moveTo('SURGICAL_REFERRAL', '2026-01-12'), inError(5, '2026-02-01')],
      { qiCoreBeforeReferral: false, referralNonSurgicalUnsuitable: false },
    ],
    [
      'core treatment dated 100 days before the move but recorded after it',
      [...IN_CONSERVATIVE_TREATMENT, referred('2026-04-20'), ...coreFrom('2026-01-10', '2026-04-21')],
      { qiCoreBeforeReferral: false, referralNonSurgicalUnsuitable: false },
    ],
    [
      'education marked entered-in-error after the move: core treatment never complete',
      [...IN_CONSERVATIVE_TREATMENT, ...coreFrom('2026-01-10'), moveTo('SURGICAL_REFERRAL', '2026-04-04'), inError(6, '2026-05-01')],
      { qiCoreBeforeReferral: false, referralNonSurgicalUnsuitable: false },
    ],
    [
      'only the first move to referral counts',
      [
        ...IN_CONSERVATIVE_TREATMENT,
        ...coreFrom('2026-01-10'),
        referred('2026-04-03'),
        moveTo('CONSERVATIVE_TREATMENT', '2026-04-05'),
        moveTo('SURGICAL_REFERRAL', '2026-05-01'),
      ],
      { qiCoreBeforeReferral: false, referralNonSurgicalUnsuitable: false },
    ],
    [
      'never referred',
      [...IN_CONSERVATIVE_TREATMENT, unsuitable('2026-01-12', true)],
      { qiCoreBeforeReferral: null, referralNonSurgicalUnsuitable: false },
    ],
  ])('%s', (_case, steps, expected) => {
    const { qiCoreBeforeReferral, referralNonSurgicalUnsuitable } = reportOf(...steps);
    expect({ qiCoreBeforeReferral, referralNonSurgicalUnsuitable }).toEqual(expected);
  });
});

describe('QI_NSAID_GASTROPROTECTION: oral NSAID started, gastroprotection given on a day the NSAID was given', () => {
  it.each<Case<boolean | null>>([
    ['no oral NSAID: outside the denominator', [start('GASTROPROTECTION', '2026-03-01')], null],
    ['started together', [start('ORAL_NSAID', '2026-03-01'), start('GASTROPROTECTION', '2026-03-01')], true],
    ['an NSAID without gastroprotection', [start('ORAL_NSAID', '2026-03-01')], false],
    [
      'gastroprotection started on the day the NSAID was stopped: no common day',
      [start('ORAL_NSAID', '2026-03-01'), stop('ORAL_NSAID', '2026-03-10'), start('GASTROPROTECTION', '2026-03-10')],
      false,
    ],
    ['overlapping by one day', [start('ORAL_NSAID', '2026-03-01'), stop('ORAL_NSAID', '2026-03-11'), start('GASTROPROTECTION', '2026-03-10')], true],
    [
      'gastroprotection stopped on the NSAID start day: no common day',
      [start('GASTROPROTECTION', '2026-02-01'), stop('GASTROPROTECTION', '2026-03-01'), start('ORAL_NSAID', '2026-03-01')],
      false,
    ],
    [
      'gastroprotection stopped the day after the NSAID start',
      [start('GASTROPROTECTION', '2026-02-01'), stop('GASTROPROTECTION', '2026-03-02'), start('ORAL_NSAID', '2026-03-01')],
      true,
    ],
    [
      'gastroprotection started and stopped on the NSAID start day: never given',
      [start('ORAL_NSAID', '2026-03-01'), start('GASTROPROTECTION', '2026-03-01'), stop('GASTROPROTECTION', '2026-03-01')],
      false,
    ],
    [
      'an NSAID course never given still was started: in the denominator',
      [start('ORAL_NSAID', '2026-03-01'), stop('ORAL_NSAID', '2026-03-01'), start('GASTROPROTECTION', '2026-03-01')],
      false,
    ],
    [
      'a restarted NSAID meets gastroprotection',
      [
        start('ORAL_NSAID', '2026-03-01'),
        stop('ORAL_NSAID', '2026-03-05'),
        start('GASTROPROTECTION', '2026-03-10'),
        stop('GASTROPROTECTION', '2026-03-15'),
        start('ORAL_NSAID', '2026-03-12'),
      ],
      true,
    ],
    [
      'gastroprotection marked entered-in-error',
      [start('ORAL_NSAID', '2026-03-01'), start('GASTROPROTECTION', '2026-03-01'), inError(3, '2026-03-02')],
      false,
    ],
    ['the only NSAID start marked entered-in-error', [start('ORAL_NSAID', '2026-03-01'), inError(2, '2026-03-02')], null],
  ])('%s', (_case, steps, expected) => {
    expect(reportOf(...steps).qiNsaidGastroprotection).toBe(expected);
  });
});

describe('QI_AVOIDED_TREATMENTS: conservative treatment with strong opioid, hyaluronic acid or glucosamine started before surgery', () => {
  it.each<Case<Pick<PathwayReportValues, 'qiAvoidedTreatments' | 'weakOpioidStarted'>>>([
    ['none started', IN_CONSERVATIVE_TREATMENT, { qiAvoidedTreatments: false, weakOpioidStarted: false }],
    [
      'a strong opioid, no surgery recorded',
      [...IN_CONSERVATIVE_TREATMENT, start('STRONG_OPIOID', '2026-02-01')],
      { qiAvoidedTreatments: true, weakOpioidStarted: false },
    ],
    [
      'glucosamine before the surgery date',
      [...IN_CONSERVATIVE_TREATMENT, start('GLUCOSAMINE', '2026-02-01'), surgery('2026-05-01')],
      { qiAvoidedTreatments: true, weakOpioidStarted: false },
    ],
    [
      'hyaluronic acid on the surgery date: perioperative, not counted',
      [...IN_CONSERVATIVE_TREATMENT, surgery('2026-05-01'), start('HYALURONIC_ACID_INJECTION', '2026-05-01')],
      { qiAvoidedTreatments: false, weakOpioidStarted: false },
    ],
    [
      'a strong opioid after surgery: not counted',
      [...IN_CONSERVATIVE_TREATMENT, surgery('2026-05-01'), start('STRONG_OPIOID', '2026-05-02')],
      { qiAvoidedTreatments: false, weakOpioidStarted: false },
    ],
    [
      'a weak opioid the day before surgery: counted apart',
      [...IN_CONSERVATIVE_TREATMENT, start('WEAK_OPIOID', '2026-04-30'), surgery('2026-05-01')],
      { qiAvoidedTreatments: false, weakOpioidStarted: true },
    ],
    [
      'a weak opioid on the surgery date: not counted',
      [...IN_CONSERVATIVE_TREATMENT, surgery('2026-05-01'), start('WEAK_OPIOID', '2026-05-01')],
      { qiAvoidedTreatments: false, weakOpioidStarted: false },
    ],
    [
      'the surgery marked entered-in-error: a start at any date counts',
      [...IN_CONSERVATIVE_TREATMENT, surgery('2026-05-01'), start('STRONG_OPIOID', '2026-05-02'), inError(5, '2026-05-03')],
      { qiAvoidedTreatments: true, weakOpioidStarted: false },
    ],
    [
      'the surgery date is the latest surgery recording by clinical date',
      [...IN_CONSERVATIVE_TREATMENT, surgery('2026-06-01'), surgery('2026-04-01', '2026-06-02'), start('STRONG_OPIOID', '2026-04-15')],
      { qiAvoidedTreatments: true, weakOpioidStarted: false },
    ],
    [
      'the strong opioid start marked entered-in-error',
      [...IN_CONSERVATIVE_TREATMENT, start('STRONG_OPIOID', '2026-02-01'), inError(5, '2026-02-02')],
      { qiAvoidedTreatments: false, weakOpioidStarted: false },
    ],
    [
      'not entered conservative treatment: outside the denominator, and so not counted apart',
      [...EXAMINED, start('STRONG_OPIOID', '2026-02-01'), start('WEAK_OPIOID', '2026-02-01')],
      { qiAvoidedTreatments: null, weakOpioidStarted: null },
    ],
  ])('%s', (_case, steps, expected) => {
    const { qiAvoidedTreatments, weakOpioidStarted } = reportOf(...steps);
    expect({ qiAvoidedTreatments, weakOpioidStarted }).toEqual(expected);
  });
});

describe('QI_PROM_GAIN: the stored surgery date and scores (the report decides what is due)', () => {
  const SURGERY = surgery('2026-01-10');
  it.each<Case<Pick<PathwayReportValues, 'surgeryOn' | 'preoperativeOxfordHipScore' | 'postoperativeOxfordHipScore'>>>([
    [
      'no surgery: nothing stored',
      [score('2026-01-05', 20), score('2026-08-01', 40)],
      { surgeryOn: null, preoperativeOxfordHipScore: null, postoperativeOxfordHipScore: null },
    ],
    [
      'a score on the surgery day is preoperative',
      [SURGERY, score('2026-01-10', 20)],
      { surgeryOn: '2026-01-10', preoperativeOxfordHipScore: 20, postoperativeOxfordHipScore: null },
    ],
    [
      'the latest score on or before the surgery date',
      [score('2026-01-10', 20), score('2026-01-09', 25, '2026-01-11'), SURGERY],
      { surgeryOn: '2026-01-10', preoperativeOxfordHipScore: 20, postoperativeOxfordHipScore: null },
    ],
    [
      '181 days after surgery is not yet postoperative follow-up',
      [score('2026-01-05', 20), SURGERY, rec('POSTOPERATIVE_OUTCOME_RECORDED', '2026-07-10', { oxfordHipScore: 38 })],
      { surgeryOn: '2026-01-10', preoperativeOxfordHipScore: 20, postoperativeOxfordHipScore: null },
    ],
    [
      '182 days after surgery is',
      [score('2026-01-05', 20), SURGERY, rec('POSTOPERATIVE_OUTCOME_RECORDED', '2026-07-11', { oxfordHipScore: 38 })],
      { surgeryOn: '2026-01-10', preoperativeOxfordHipScore: 20, postoperativeOxfordHipScore: 38 },
    ],
    [
      'the latest of several postoperative scores, however recorded',
      [
        score('2026-01-05', 20),
        SURGERY,
        score('2027-01-10', 44),
        rec('POSTOPERATIVE_OUTCOME_RECORDED', '2026-07-11', { oxfordHipScore: 38 }, '2027-01-11'),
      ],
      { surgeryOn: '2026-01-10', preoperativeOxfordHipScore: 20, postoperativeOxfordHipScore: 44 },
    ],
    [
      'a preoperative score entered after the surgery, dated before it',
      [SURGERY, score('2026-01-02', 18, '2026-02-01')],
      { surgeryOn: '2026-01-10', preoperativeOxfordHipScore: 18, postoperativeOxfordHipScore: null },
    ],
    [
      'the preoperative score marked entered-in-error',
      [score('2026-01-05', 20), SURGERY, inError(2, '2026-01-11')],
      { surgeryOn: '2026-01-10', preoperativeOxfordHipScore: null, postoperativeOxfordHipScore: null },
    ],
  ])('%s', (_case, steps, expected) => {
    const { surgeryOn, preoperativeOxfordHipScore, postoperativeOxfordHipScore } = reportOf(...steps);
    expect({ surgeryOn, preoperativeOxfordHipScore, postoperativeOxfordHipScore }).toEqual(expected);
  });
});

describe('reportPathway: milestones, stage moves and feedback', () => {
  it('projects a whole pathway: its row, every stage move with the opening, and every feedback', () => {
    const projection = reportPathway(
      events(
        opened('CAMPUS-NOORD', '2026-01-05T08:00:00Z'),
        exam('2026-01-03', TYPICAL_FINDINGS, '2026-01-05T08:05:00Z'),
        { ...screened('2026-01-03', [], '2026-01-05T08:10:00Z'), actor: 'epd-bridge', actingFor: 'dr.janssens' },
        { ...moveTo('CONSERVATIVE_TREATMENT', '2026-01-05T23:30:00Z'), actor: 'dr.janssens' },
        {
          type: 'SUGGESTION_FEEDBACK_GIVEN',
          payload: {
            code: 'SUPPORT_WEIGHT_LOSS',
            outcome: 'OVERRIDDEN',
            reasonCode: 'PATIENT_PREFERENCE',
            comment: 'Not now',
            ruleSetVersion: 'hip-oa-2026.12',
            note: 'phone call',
          },
          at: '2026-01-07',
          actor: 'epd-bridge',
          actingFor: 'dr.janssens',
        },
        {
          type: 'SUGGESTION_FEEDBACK_GIVEN',
          payload: {
            code: 'PROVIDE_OA_INFORMATION',
            outcome: 'ACCEPTED',
            ruleSetVersion: 'hip-oa-2026.11',
            channel: 'CDS_HOOKS',
            cardUuid: '3f1c2a4e-5b6d-5e7f-8a9b-0c1d2e3f4a5b',
            cardPathwayVersion: 4,
            outcomeTimestamp: '2026-01-07T09:58:00.000Z',
          },
          at: '2026-01-07',
          actor: 'https://ehr.example#cds-client',
        },
        moveTo('SURGICAL_REFERRAL', '2026-02-01', { deviation: true, deviationReason: 'Unbearable pain' }),
        moveTo('CLOSED', '2026-02-02', { closeReason: 'TRANSFERRED' }),
      ),
      BIRTH_DATE,
    );
    const at = (instant: string) => new Date(instant);
    expect(projection.report).toEqual({
      side: 'LEFT',
      site: 'CAMPUS-NOORD',
      stage: 'CLOSED',
      openedOn: '2026-01-05',
      cohortDate: '2026-01-03',
      firstExamOn: '2026-01-03',
      firstExamClinician: 'dr.peeters',
      enteredConservativeOn: '2026-01-06',
      enteredReferralOn: '2026-02-01',
      surgeryOn: null,
      qiClinicalDiagnosis: true,
      qiExercise: false,
      qiWeight: null,
      qiCoreBeforeReferral: false,
      referralNonSurgicalUnsuitable: false,
      qiNsaidGastroprotection: null,
      qiAvoidedTreatments: false,
      weakOpioidStarted: false,
      preoperativeOxfordHipScore: null,
      postoperativeOxfordHipScore: null,
    });
    const move = { actor: 'dr.peeters', actingFor: null, deviation: false, deviationReason: null, closeReason: null };
    expect(projection.stageMoves).toEqual([
      { ...move, sequence: 1, fromStage: null, toStage: 'CLINICAL_EXAM', movedOn: '2026-01-05', recordedAt: at('2026-01-05T08:00:00Z') },
      {
        ...move,
        sequence: 4,
        fromStage: 'CLINICAL_EXAM',
        toStage: 'CONSERVATIVE_TREATMENT',
        movedOn: '2026-01-06',
        recordedAt: at('2026-01-05T23:30:00Z'),
        actor: 'dr.janssens',
      },
      {
        ...move,
        sequence: 7,
        fromStage: 'CONSERVATIVE_TREATMENT',
        toStage: 'SURGICAL_REFERRAL',
        movedOn: '2026-02-01',
        recordedAt: at('2026-02-01T10:00:00Z'),
        deviation: true,
        deviationReason: 'Unbearable pain',
      },
      {
        ...move,
        sequence: 8,
        fromStage: 'SURGICAL_REFERRAL',
        toStage: 'CLOSED',
        movedOn: '2026-02-02',
        recordedAt: at('2026-02-02T10:00:00Z'),
        closeReason: 'TRANSFERRED',
      },
    ]);
    expect(projection.suggestionFeedback).toEqual([
      {
        sequence: 5,
        code: 'SUPPORT_WEIGHT_LOSS',
        outcome: 'OVERRIDDEN',
        reasonCode: 'PATIENT_PREFERENCE',
        comment: 'Not now',
        givenOn: '2026-01-07',
        recordedAt: at('2026-01-07T10:00:00Z'),
        actor: 'epd-bridge',
        actingFor: 'dr.janssens',
        ruleSetVersion: 'hip-oa-2026.12',
        channel: 'GRAPHQL',
        cardUuid: null,
        cardPathwayVersion: null,
      },
      {
        sequence: 6,
        code: 'PROVIDE_OA_INFORMATION',
        outcome: 'ACCEPTED',
        reasonCode: null,
        comment: null,
        givenOn: '2026-01-07',
        recordedAt: at('2026-01-07T10:00:00Z'),
        actor: 'https://ehr.example#cds-client',
        actingFor: null,
        ruleSetVersion: 'hip-oa-2026.11',
        channel: 'CDS_HOOKS',
        cardUuid: '3f1c2a4e-5b6d-5e7f-8a9b-0c1d2e3f4a5b',
        cardPathwayVersion: 4,
      },
    ]);
  });

  it.each<Case<Pick<PathwayReportValues, 'cohortDate' | 'firstExamOn' | 'firstExamClinician' | 'site'>>>([
    ['no exam: the cohort date is the opening date', [], { cohortDate: OPENED_ON, firstExamOn: null, firstExamClinician: null, site: null }],
    [
      'an exam recorded by an integration: the clinician it acted for',
      [{ ...exam('2026-01-04', TYPICAL_FINDINGS, '2026-01-06'), actor: 'epd-bridge', actingFor: 'dr.janssens' }],
      { cohortDate: '2026-01-04', firstExamOn: '2026-01-04', firstExamClinician: 'dr.janssens', site: null },
    ],
    [
      'the earliest exam by clinical date, not the first recorded',
      [
        { ...exam('2026-01-09'), actor: 'dr.peeters' },
        { ...exam('2026-01-08', TYPICAL_FINDINGS, '2026-01-10'), actor: 'dr.janssens' },
      ],
      { cohortDate: '2026-01-08', firstExamOn: '2026-01-08', firstExamClinician: 'dr.janssens', site: null },
    ],
    [
      'the first exam marked entered-in-error: the next one',
      [exam('2026-01-06'), { ...exam('2026-01-07'), actor: 'dr.janssens' }, inError(2, '2026-01-08')],
      { cohortDate: '2026-01-07', firstExamOn: '2026-01-07', firstExamClinician: 'dr.janssens', site: null },
    ],
  ])('%s', (_case, steps, expected) => {
    const { cohortDate, firstExamOn, firstExamClinician, site } = reportOf(...steps);
    expect({ cohortDate, firstExamOn, firstExamClinician, site }).toEqual(expected);
  });

  it('refuses events that do not form a pathway stream', () => {
    expect(() => reportPathway(events(exam(OPENED_ON)), BIRTH_DATE)).toThrow('starts with PATHWAY_OPENED');
  });
});
