import { describe, expect, it } from '@jest/globals';
import { CLOSE_REASONS, PATHWAY_STAGES, type PathwayStage } from '../../contract/vocabulary.js';
import type { ClinicalRecording, DecisionContext, PathwayCommand } from './pathway-commands.js';
import type { PathwayEvent } from './pathway-events.js';
import { apply, commit, decide, type PathwayState } from './pathway-state-machine.js';
import { PathwayError, type PathwayRefusalReason } from './pathway.error.js';

const TODAY = '2026-03-29';
const RULE_SET_VERSION = 'hip-oa-test';
const context = (overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  today: TODAY,
  birthDate: '1950-06-15',
  referralRuleHolds: undefined,
  shownSuggestionCodes: [],
  ruleSetVersion: RULE_SET_VERSION,
  ...overrides,
});

function run(state: PathwayState | undefined, command: PathwayCommand, ctx = context()): PathwayState {
  return commit(state, decide(state, command, ctx)).state;
}

const opened = (): PathwayState => run(undefined, { type: 'OPEN_PATHWAY', side: 'LEFT' });
const record = (state: PathwayState, recording: ClinicalRecording): PathwayState => run(state, { type: 'RECORD', recording });
const exam: ClinicalRecording = { type: 'CLINICAL_EXAM_RECORDED', clinicalDate: '2026-03-01', payload: { limping: true } };
const surgery = (clinicalDate: string): ClinicalRecording => ({ type: 'SURGERY_PERFORMED', clinicalDate, payload: {} });
const move = (to: PathwayStage, extra: Partial<Extract<PathwayCommand, { type: 'CHANGE_STAGE' }>> = {}): PathwayCommand => ({
  type: 'CHANGE_STAGE',
  to,
  ...extra,
});

/** A pathway with a recorded exam, moved along supported moves to `stage`. */
function at(stage: PathwayStage): PathwayState {
  const path: Record<PathwayStage, PathwayStage[]> = {
    CLINICAL_EXAM: [],
    IMAGING: ['IMAGING'],
    CONSERVATIVE_TREATMENT: ['CONSERVATIVE_TREATMENT'],
    SURGICAL_REFERRAL: ['CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL'],
    TOTAL_HIP_PROSTHESIS: ['CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL', 'TOTAL_HIP_PROSTHESIS'],
    CLOSED: ['CLOSED'],
  };
  return path[stage].reduce(
    (state, to) => run(state, move(to, to === 'CLOSED' ? { closeReason: 'COMPLETED' } : {}), context({ referralRuleHolds: true })),
    record(opened(), exam),
  );
}

function refusal(act: () => unknown): { reason: PathwayRefusalReason; field?: string; message: string } {
  try {
    act();
  } catch (error) {
    if (error instanceof PathwayError) return { reason: error.reason, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a PathwayError');
}

describe('opening a pathway', () => {
  it('opens in CLINICAL_EXAM at version 1', () => {
    expect(decide(undefined, { type: 'OPEN_PATHWAY', side: 'RIGHT' }, context())).toEqual([{ type: 'PATHWAY_OPENED', payload: { side: 'RIGHT' } }]);
    expect(opened()).toEqual({ side: 'LEFT', stage: 'CLINICAL_EXAM', version: 1, recordings: [], enteredInErrorSequences: [] });
  });

  it('records the site in the opening event only: the state does not keep it', () => {
    const decided = decide(undefined, { type: 'OPEN_PATHWAY', side: 'LEFT', site: 'ZAS-Augustinus_2.a' }, context());
    expect(decided).toEqual([{ type: 'PATHWAY_OPENED', payload: { side: 'LEFT', site: 'ZAS-Augustinus_2.a' } }]);
    expect(commit(undefined, decided).state).toEqual(opened());
    const longest = 'A'.repeat(50);
    expect(decide(undefined, { type: 'OPEN_PATHWAY', side: 'LEFT', site: longest }, context())[0].payload).toEqual({ side: 'LEFT', site: longest });
  });

  it.each<[string, PathwayState | undefined, PathwayCommand, PathwayRefusalReason, string | undefined]>([
    ['an open pathway again', opened(), { type: 'OPEN_PATHWAY', side: 'LEFT' }, 'PATHWAY_ALREADY_OPEN', undefined],
    ['an unknown side', undefined, { type: 'OPEN_PATHWAY', side: 'BOTH' as 'LEFT' }, 'INVALID_INPUT', 'side'],
    ['an empty site', undefined, { type: 'OPEN_PATHWAY', side: 'LEFT', site: '' }, 'INVALID_INPUT', 'site'],
    ['a site of 51 characters', undefined, { type: 'OPEN_PATHWAY', side: 'LEFT', site: 'A'.repeat(51) }, 'INVALID_INPUT', 'site'],
    ['a site with a space', undefined, { type: 'OPEN_PATHWAY', side: 'LEFT', site: 'Campus A' }, 'INVALID_INPUT', 'site'],
    ['a command on a pathway not opened', undefined, move('IMAGING'), 'PATHWAY_NOT_FOUND', undefined],
  ])('refuses %s', (_case, state, command, reason, field) => {
    expect(refusal(() => decide(state, command, context()))).toMatchObject({ reason, field });
  });
});

describe('apply', () => {
  it('keeps version equal to the last sequence and refuses a stream out of order', () => {
    const state = record(opened(), exam);
    expect(state.version).toBe(2);
    const event: PathwayEvent = { sequence: 4, type: 'XRAY_ORDERED', clinicalDate: TODAY, payload: {} };
    expect(() => apply(state, event)).toThrow('out of order');
  });

  it('refuses a stream that does not start with PATHWAY_OPENED', () => {
    expect(() => apply(undefined, { sequence: 1, type: 'XRAY_ORDERED', clinicalDate: TODAY, payload: {} })).toThrow('starts with PATHWAY_OPENED');
  });

  it('gives decided events the next sequences', () => {
    const { events } = commit(opened(), [{ type: 'XRAY_ORDERED', clinicalDate: TODAY, payload: {} }]);
    expect(events).toEqual([{ sequence: 2, type: 'XRAY_ORDERED', clinicalDate: TODAY, payload: {} }]);
  });
});

describe('stage moves', () => {
  const ALLOWED = new Set([
    'CLINICAL_EXAM -> IMAGING',
    'CLINICAL_EXAM -> CONSERVATIVE_TREATMENT',
    'CLINICAL_EXAM -> CLOSED',
    'IMAGING -> CONSERVATIVE_TREATMENT',
    'IMAGING -> SURGICAL_REFERRAL',
    'IMAGING -> CLOSED',
    'CONSERVATIVE_TREATMENT -> IMAGING',
    'CONSERVATIVE_TREATMENT -> SURGICAL_REFERRAL',
    'CONSERVATIVE_TREATMENT -> CLOSED',
    'SURGICAL_REFERRAL -> TOTAL_HIP_PROSTHESIS',
    'SURGICAL_REFERRAL -> CONSERVATIVE_TREATMENT',
    'SURGICAL_REFERRAL -> CLOSED',
    'TOTAL_HIP_PROSTHESIS -> CLOSED',
  ]);
  const moves = PATHWAY_STAGES.flatMap((from) => PATHWAY_STAGES.map((to) => [from, to] as const));

  it.each(moves.filter(([from, to]) => ALLOWED.has(`${from} -> ${to}`)))('allows %s -> %s', (from, to) => {
    const closing = to === 'CLOSED' ? { closeReason: 'COMPLETED' as const } : {};
    const events = decide(at(from), move(to, closing), context({ referralRuleHolds: true }));
    expect(events).toEqual([{ type: 'STAGE_CHANGED', payload: { from, to, deviation: false, ...closing } }]);
    expect(commit(at(from), events).state.stage).toBe(to);
  });

  it.each(moves.filter(([from, to]) => !ALLOWED.has(`${from} -> ${to}`)))('refuses %s -> %s', (from, to) => {
    const closing = to === 'CLOSED' ? { closeReason: 'COMPLETED' as const } : {};
    const ctx = context({ referralRuleHolds: true });
    expect(refusal(() => decide(at(from), move(to, { ...closing, deviationReason: 'x' }), ctx))).toMatchObject({
      reason: 'INVALID_TRANSITION',
      field: 'to',
    });
  });
});

describe('guideline deviations', () => {
  const withoutExam = opened();
  const examInError = run(record(opened(), exam), { type: 'MARK_ENTERED_IN_ERROR', targetSequence: 2, reason: 'wrong patient' });
  const declinedWithoutExam = [move('IMAGING'), move('SURGICAL_REFERRAL', { deviationReason: 'urgent' })].reduce(
    (state, command) => run(state, command),
    opened(),
  );

  it.each<[string, PathwayState, PathwayCommand, boolean | undefined]>([
    ['to conservative treatment without a recorded exam', withoutExam, move('CONSERVATIVE_TREATMENT'), undefined],
    ['to conservative treatment with a blank reason', withoutExam, move('CONSERVATIVE_TREATMENT', { deviationReason: '  ' }), undefined],
    ['to conservative treatment when the exam was entered in error', examInError, move('CONSERVATIVE_TREATMENT'), undefined],
    ['back to conservative treatment (surgery declined) without an exam', declinedWithoutExam, move('CONSERVATIVE_TREATMENT'), true],
    ['to surgical referral while the referral rule is unknown', at('IMAGING'), move('SURGICAL_REFERRAL'), undefined],
    ['to surgical referral while the referral rule is false', at('CONSERVATIVE_TREATMENT'), move('SURGICAL_REFERRAL'), false],
  ])('requires a reason %s', (_case, state, command, referralRuleHolds) => {
    expect(refusal(() => decide(state, command, context({ referralRuleHolds })))).toMatchObject({
      reason: 'DEVIATION_REASON_REQUIRED',
      field: 'deviationReason',
    });
  });

  it.each<[string, PathwayState, PathwayStage, boolean | undefined]>([
    ['to conservative treatment without an exam', withoutExam, 'CONSERVATIVE_TREATMENT', undefined],
    ['to surgical referral against the referral rule', at('CONSERVATIVE_TREATMENT'), 'SURGICAL_REFERRAL', false],
  ])('stores the reason and counts a deviation %s', (_case, state, to, referralRuleHolds) => {
    const events = decide(state, move(to, { deviationReason: 'Patient in severe pain' }), context({ referralRuleHolds }));
    expect(events).toEqual([
      { type: 'STAGE_CHANGED', payload: { from: state.stage, to, deviation: true, deviationReason: 'Patient in severe pain' } },
    ]);
  });

  it.each<[string, PathwayState, PathwayStage, boolean | undefined]>([
    ['to conservative treatment after a recorded exam', at('CLINICAL_EXAM'), 'CONSERVATIVE_TREATMENT', undefined],
    ['to surgical referral when the referral rule holds', at('CONSERVATIVE_TREATMENT'), 'SURGICAL_REFERRAL', true],
    ['to imaging, which the guideline never refuses', withoutExam, 'IMAGING', undefined],
  ])('is no deviation %s, and a reason given anyway is kept, not counted', (_case, state, to, referralRuleHolds) => {
    const events = decide(state, move(to, { deviationReason: 'just in case' }), context({ referralRuleHolds }));
    expect(events).toEqual([{ type: 'STAGE_CHANGED', payload: { from: state.stage, to, deviation: false, deviationReason: 'just in case' } }]);
  });
});

describe('closing', () => {
  it.each(CLOSE_REASONS)('closes with %s', (closeReason) => {
    const state = run(at('CONSERVATIVE_TREATMENT'), move('CLOSED', { closeReason }));
    expect(state).toMatchObject({ stage: 'CLOSED', closeReason });
  });

  it.each<[string, PathwayCommand]>([
    ['without a reason', move('CLOSED')],
    ['with an unknown reason', move('CLOSED', { closeReason: 'BORED' as 'COMPLETED' })],
    ['a close reason on a move that does not close', move('IMAGING', { closeReason: 'COMPLETED' })],
  ])('refuses %s', (_case, command) => {
    expect(refusal(() => decide(at('CLINICAL_EXAM'), command, context()))).toMatchObject({
      reason: 'INVALID_INPUT',
      field: 'closeReason',
    });
  });
});

describe('recordings', () => {
  const recordings: ClinicalRecording[] = [
    exam,
    { type: 'RED_FLAGS_SCREENED', clinicalDate: TODAY, payload: { redFlags: [] } },
    { type: 'RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { bmi: 27.5 } },
    { type: 'XRAY_ORDERED', clinicalDate: TODAY, payload: {} },
    { type: 'XRAY_RESULT_RECORDED', clinicalDate: TODAY, payload: { kellgrenLawrenceGrade: 3, findings: 'joint space narrowing' } },
    { type: 'TREATMENT_STARTED', clinicalDate: TODAY, payload: { treatment: 'PARACETAMOL' } },
    { type: 'NSAID_RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { nsaidRiskFactors: ['HEART_FAILURE'] } },
    { type: 'PATIENT_REPORTED_OUTCOMES_RECORDED', clinicalDate: TODAY, payload: { painScore: 6, oxfordHipScore: 22 } },
    { type: 'SURGICAL_INDICATION_RECORDED', clinicalDate: TODAY, payload: { qualityOfLifeSubstantiallyAffected: true } },
    { type: 'SURGICAL_RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { smoker: false } },
    { type: 'SHARED_DECISION_DOCUMENTED', clinicalDate: TODAY, payload: {} },
    { type: 'ANALGESIA_REVIEWED_NONE_NEEDED', clinicalDate: TODAY, payload: {} },
    { type: 'FOLLOW_UP_PLANNED', clinicalDate: TODAY, payload: { followUpDate: '2026-06-29' } },
    { type: 'SURGERY_PERFORMED', clinicalDate: TODAY, payload: {} },
    { type: 'POSTOPERATIVE_OUTCOME_RECORDED', clinicalDate: TODAY, payload: { oxfordHipScore: 44 } },
  ];

  it.each(recordings.map((recording) => [recording.type, recording] as const))('records %s as given', (_type, recording) => {
    const operatedYesterday = record(at('CONSERVATIVE_TREATMENT'), surgery('2026-03-28'));
    expect(decide(operatedYesterday, { type: 'RECORD', recording }, context())).toEqual([recording]);
  });

  it.each(recordings.map((recording) => [recording.type, recording] as const))('refuses %s on a closed pathway', (_type, recording) => {
    expect(refusal(() => decide(at('CLOSED'), { type: 'RECORD', recording }, context()))).toMatchObject({ reason: 'PATHWAY_CLOSED', field: 'stage' });
  });

  it.each<[string, ClinicalRecording, PathwayRefusalReason, string]>([
    ['a clinical date in the future', { ...exam, clinicalDate: '2026-03-30' }, 'CLINICAL_DATE_IN_FUTURE', 'clinicalDate'],
    ['a clinical date before the patient was born', { ...exam, clinicalDate: '1950-06-14' }, 'CLINICAL_DATE_BEFORE_BIRTH', 'clinicalDate'],
    [
      'a follow-up before the consultation',
      { type: 'FOLLOW_UP_PLANNED', clinicalDate: TODAY, payload: { followUpDate: '2026-03-28' } },
      'FOLLOW_UP_BEFORE_CLINICAL_DATE',
      'followUpDate',
    ],
  ])('refuses %s', (_case, recording, reason, field) => {
    expect(refusal(() => decide(at('CLINICAL_EXAM'), { type: 'RECORD', recording }, context()))).toMatchObject({ reason, field });
  });

  it.each<[string, ClinicalRecording, string | undefined]>([
    ['a malformed clinical date', { ...exam, clinicalDate: '2026-02-30' }, 'clinicalDate'],
    ['an exam that records nothing', { ...exam, payload: {} }, undefined],
    ['an unknown pain location', { ...exam, payload: { painLocations: ['ELBOW' as 'GROIN'] } }, 'painLocations'],
    ['morning stiffness that is not whole minutes', { ...exam, payload: { morningStiffnessMinutes: 1.5 } }, 'morningStiffnessMinutes'],
    ['morning stiffness over a day', { ...exam, payload: { morningStiffnessMinutes: 1441 } }, 'morningStiffnessMinutes'],
    ['negative internal rotation', { ...exam, payload: { internalRotationDegrees: -1 } }, 'internalRotationDegrees'],
    ['flexion over 150 degrees', { ...exam, payload: { flexionDegrees: 151 } }, 'flexionDegrees'],
    ['an unknown red flag', { type: 'RED_FLAGS_SCREENED', clinicalDate: TODAY, payload: { redFlags: ['FEVER' as 'CLAUDICATION'] } }, 'redFlags'],
    ['red flags left out', { type: 'RED_FLAGS_SCREENED', clinicalDate: TODAY, payload: {} as { redFlags: [] } }, 'redFlags'],
    ['a BMI under 10', { type: 'RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { bmi: 9.9 } }, 'bmi'],
    ['a BMI over 80', { type: 'RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { bmi: 80.1 } }, 'bmi'],
    ['risk factors and BMI both left out', { type: 'RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: {} }, undefined],
    [
      'a Kellgren-Lawrence grade of 5',
      { type: 'XRAY_RESULT_RECORDED', clinicalDate: TODAY, payload: { kellgrenLawrenceGrade: 5 } },
      'kellgrenLawrenceGrade',
    ],
    ['an unknown treatment', { type: 'TREATMENT_STARTED', clinicalDate: TODAY, payload: { treatment: 'ASPIRIN' as 'ICE' } }, 'treatment'],
    [
      'an unknown NSAID risk factor',
      { type: 'NSAID_RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { nsaidRiskFactors: ['ASTHMA' as 'HEART_FAILURE'] } },
      'nsaidRiskFactors',
    ],
    ['a pain score of 11', { type: 'PATIENT_REPORTED_OUTCOMES_RECORDED', clinicalDate: TODAY, payload: { painScore: 11 } }, 'painScore'],
    [
      'an Oxford Hip Score of 49',
      { type: 'PATIENT_REPORTED_OUTCOMES_RECORDED', clinicalDate: TODAY, payload: { oxfordHipScore: 49 } },
      'oxfordHipScore',
    ],
    ['outcomes that record nothing', { type: 'PATIENT_REPORTED_OUTCOMES_RECORDED', clinicalDate: TODAY, payload: {} }, undefined],
    ['a surgical indication that records nothing', { type: 'SURGICAL_INDICATION_RECORDED', clinicalDate: TODAY, payload: {} }, undefined],
    ['smoking and diabetes both left out', { type: 'SURGICAL_RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: {} }, undefined],
    ['a malformed follow-up date', { type: 'FOLLOW_UP_PLANNED', clinicalDate: TODAY, payload: { followUpDate: 'next week' } }, 'followUpDate'],
    [
      'a postoperative Oxford Hip Score of 49',
      { type: 'POSTOPERATIVE_OUTCOME_RECORDED', clinicalDate: TODAY, payload: { oxfordHipScore: 49 } },
      'oxfordHipScore',
    ],
    [
      'a postoperative outcome without its score',
      { type: 'POSTOPERATIVE_OUTCOME_RECORDED', clinicalDate: TODAY, payload: {} as { oxfordHipScore: number } },
      'oxfordHipScore',
    ],
  ])('refuses %s as invalid input', (_case, recording, field) => {
    expect(refusal(() => decide(at('CLINICAL_EXAM'), { type: 'RECORD', recording }, context()))).toMatchObject({
      reason: 'INVALID_INPUT',
      field,
    });
  });

  it.each<[string, unknown]>([
    ['the lowest BMI', 10],
    ['the highest BMI', 80],
  ])('accepts %s', (_case, bmi) => {
    const recording = { type: 'RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { bmi } } as ClinicalRecording;
    expect(decide(opened(), { type: 'RECORD', recording }, context())).toEqual([recording]);
  });

  it('never echoes a refused value in the message', () => {
    const recording: ClinicalRecording = { type: 'RISK_FACTORS_RECORDED', clinicalDate: TODAY, payload: { bmi: 987.65 } };
    const { message } = refusal(() => decide(opened(), { type: 'RECORD', recording }, context()));
    expect(message).toContain('bmi');
    expect(message).not.toContain('987');
  });
});

describe('recording a postoperative outcome', () => {
  const outcome = (clinicalDate = TODAY): ClinicalRecording => ({
    type: 'POSTOPERATIVE_OUTCOME_RECORDED',
    clinicalDate,
    payload: { oxfordHipScore: 40 },
  });
  // Sequences: 1 opened, 2 exam, 3-5 moves to TOTAL_HIP_PROSTHESIS, 6 the surgery.
  const operated = (clinicalDate: string) => record(at('TOTAL_HIP_PROSTHESIS'), surgery(clinicalDate));

  it('accepts an outcome dated after a recorded surgery', () => {
    expect(decide(operated('2026-03-28'), { type: 'RECORD', recording: outcome() }, context())).toEqual([outcome()]);
  });

  it.each<[string, PathwayState, ClinicalRecording]>([
    ['no surgery is recorded', at('TOTAL_HIP_PROSTHESIS'), outcome()],
    [
      'the surgery was entered in error',
      run(operated('2026-03-28'), { type: 'MARK_ENTERED_IN_ERROR', targetSequence: 6, reason: 'wrong hip' }),
      outcome(),
    ],
    ['the surgery is dated the same day (a score on the surgery day is preoperative)', operated(TODAY), outcome()],
    ['the only surgery is dated after the outcome', operated(TODAY), outcome('2026-03-28')],
  ])('refuses an outcome when %s', (_case, state, recording) => {
    expect(refusal(() => decide(state, { type: 'RECORD', recording }, context()))).toMatchObject({
      reason: 'SURGERY_NOT_RECORDED',
      field: 'clinicalDate',
    });
  });
});

describe('stopping a treatment', () => {
  const started = (treatment: 'ORAL_NSAID' | 'EDUCATION', clinicalDate = '2026-03-10') =>
    record(opened(), { type: 'TREATMENT_STARTED', clinicalDate, payload: { treatment } });
  const stop = (treatment: 'ORAL_NSAID' | 'EDUCATION', clinicalDate = TODAY): PathwayCommand => ({
    type: 'RECORD',
    recording: { type: 'TREATMENT_STOPPED', clinicalDate, payload: { treatment } },
  });

  it.each<[string, PathwayState, PathwayCommand]>([
    ['a started medicine', started('ORAL_NSAID'), stop('ORAL_NSAID')],
    ['a core treatment, on the day it started', started('EDUCATION'), stop('EDUCATION', '2026-03-10')],
  ])('accepts stopping %s', (_case, state, command) => {
    expect(decide(state, command, context())).toHaveLength(1);
  });

  it.each<[string, PathwayState, PathwayCommand]>([
    ['a treatment never started', opened(), stop('ORAL_NSAID')],
    ['another treatment than the one started', started('EDUCATION'), stop('ORAL_NSAID')],
    ['a treatment already stopped', run(started('ORAL_NSAID'), stop('ORAL_NSAID')), stop('ORAL_NSAID')],
    ['before it was started', started('ORAL_NSAID'), stop('ORAL_NSAID', '2026-03-09')],
    [
      'a treatment whose start was entered in error',
      run(started('ORAL_NSAID'), { type: 'MARK_ENTERED_IN_ERROR', targetSequence: 2, reason: 'wrong hip' }),
      stop('ORAL_NSAID'),
    ],
  ])('refuses stopping %s', (_case, state, command) => {
    expect(refusal(() => decide(state, command, context()))).toMatchObject({ reason: 'TREATMENT_NOT_GIVEN', field: 'treatment' });
  });
});

describe('entered-in-error', () => {
  // Sequences: 1 opened, 2 exam, 3 moved to CONSERVATIVE_TREATMENT, 4 exam marked in error.
  const state = run(at('CONSERVATIVE_TREATMENT'), { type: 'MARK_ENTERED_IN_ERROR', targetSequence: 2, reason: 'wrong patient' });
  const mark = (targetSequence: number, reason = 'typing error'): PathwayCommand => ({
    type: 'MARK_ENTERED_IN_ERROR',
    targetSequence,
    reason,
  });

  it('marks a recording, keeping it in the log', () => {
    const withFollowUp = record(state, { type: 'FOLLOW_UP_PLANNED', clinicalDate: TODAY, payload: { followUpDate: '2026-05-01' } });
    const events = decide(withFollowUp, mark(5), context());
    expect(events).toEqual([{ type: 'RECORDING_ENTERED_IN_ERROR', payload: { targetSequence: 5, reason: 'typing error' } }]);
    const after = commit(withFollowUp, events).state;
    expect(after.enteredInErrorSequences).toEqual([2, 5]);
    expect(after.recordings.map((r) => r.sequence)).toEqual([2, 5]);
  });

  it('is allowed on a closed pathway: it is a correction', () => {
    expect(decide(at('CLOSED'), mark(2), context())).toHaveLength(1);
  });

  it('can withdraw a checklist not-applicable mark', () => {
    const marked = run(state, { type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE', item: 'AGREE_FOLLOW_UP', reason: 'moving abroad' });
    expect(decide(marked, mark(5), context())).toHaveLength(1);
  });

  it.each<[string, PathwayCommand, PathwayRefusalReason, string]>([
    ['a sequence before the first', mark(0), 'RECORDING_NOT_FOUND', 'targetSequence'],
    ['a sequence not recorded yet', mark(5), 'RECORDING_NOT_FOUND', 'targetSequence'],
    ['a fractional sequence', mark(1.5), 'RECORDING_NOT_FOUND', 'targetSequence'],
    ['the opening of the pathway', mark(1), 'NOT_A_RECORDING', 'targetSequence'],
    ['a stage move', mark(3), 'NOT_A_RECORDING', 'targetSequence'],
    ['a correction', mark(4), 'NOT_A_RECORDING', 'targetSequence'],
    ['a recording already in error', mark(2), 'ALREADY_ENTERED_IN_ERROR', 'targetSequence'],
    ['a blank reason', mark(2, ' '), 'INVALID_INPUT', 'reason'],
  ])('refuses %s', (_case, command, reason, field) => {
    expect(refusal(() => decide(state, command, context()))).toMatchObject({ reason, field });
  });
});

describe('checklist not-applicable marks', () => {
  it('records the mark on the current stage, dated today', () => {
    const command: PathwayCommand = { type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE', item: 'RECORD_BMI', reason: 'wheelchair user' };
    expect(decide(opened(), command, context())).toEqual([
      {
        type: 'CHECKLIST_ITEM_NOT_APPLICABLE',
        clinicalDate: TODAY,
        payload: { stage: 'CLINICAL_EXAM', item: 'RECORD_BMI', reason: 'wheelchair user' },
      },
    ]);
  });

  it.each<[string, PathwayState, PathwayCommand, PathwayRefusalReason, string]>([
    [
      'an item of another stage',
      opened(),
      { type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE', item: 'AGREE_FOLLOW_UP', reason: 'no' },
      'CHECKLIST_ITEM_NOT_IN_STAGE',
      'item',
    ],
    ['a blank reason', opened(), { type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE', item: 'RECORD_BMI', reason: '' }, 'INVALID_INPUT', 'reason'],
    [
      'a mark on a closed pathway',
      at('CLOSED'),
      { type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE', item: 'RECORD_BMI', reason: 'no' },
      'PATHWAY_CLOSED',
      'stage',
    ],
  ])('refuses %s', (_case, state, command, reason, field) => {
    expect(refusal(() => decide(state, command, context()))).toMatchObject({ reason, field });
  });
});

describe('suggestion feedback', () => {
  const shown = context({ shownSuggestionCodes: ['START_EXERCISE_THERAPY', 'SUPPORT_WEIGHT_LOSS'] });
  const feedback = (extra: Partial<Extract<PathwayCommand, { type: 'GIVE_SUGGESTION_FEEDBACK' }>>): PathwayCommand => ({
    type: 'GIVE_SUGGESTION_FEEDBACK',
    code: 'START_EXERCISE_THERAPY',
    outcome: 'ACCEPTED',
    ...extra,
  });

  it.each<[string, PathwayCommand, object]>([
    ['an acceptance', feedback({}), { code: 'START_EXERCISE_THERAPY', outcome: 'ACCEPTED' }],
    [
      'an acceptance with a comment',
      feedback({ comment: 'starts Monday' }),
      { code: 'START_EXERCISE_THERAPY', outcome: 'ACCEPTED', comment: 'starts Monday' },
    ],
    [
      'an override with reason code and comment',
      feedback({ code: 'SUPPORT_WEIGHT_LOSS', outcome: 'OVERRIDDEN', reasonCode: 'PATIENT_PREFERENCE', comment: 'not now' }),
      { code: 'SUPPORT_WEIGHT_LOSS', outcome: 'OVERRIDDEN', reasonCode: 'PATIENT_PREFERENCE', comment: 'not now' },
    ],
  ])('records %s with the rule-set version', (_case, command, payload) => {
    expect(decide(opened(), command, shown)).toEqual([
      { type: 'SUGGESTION_FEEDBACK_GIVEN', payload: { ...payload, ruleSetVersion: RULE_SET_VERSION } },
    ]);
  });

  it('leaves the pathway state as it was, but for its version', () => {
    const before = opened();
    expect(run(before, feedback({}), shown)).toEqual({ ...before, version: 2 });
  });

  it.each<[string, PathwayCommand, PathwayRefusalReason, string]>([
    ['a code not shown now', feedback({ code: 'PROVIDE_OA_INFORMATION' }), 'SUGGESTION_NOT_SHOWN', 'code'],
    ['an override without a reason code', feedback({ outcome: 'OVERRIDDEN', comment: 'no' }), 'INVALID_INPUT', 'reasonCode'],
    [
      'an override with an unknown reason code',
      feedback({ outcome: 'OVERRIDDEN', reasonCode: 'LAZY' as 'OTHER', comment: 'no' }),
      'INVALID_INPUT',
      'reasonCode',
    ],
    ['an override without a comment', feedback({ outcome: 'OVERRIDDEN', reasonCode: 'OTHER' }), 'INVALID_INPUT', 'comment'],
    ['an override with a blank comment', feedback({ outcome: 'OVERRIDDEN', reasonCode: 'OTHER', comment: '   ' }), 'INVALID_INPUT', 'comment'],
    ['an acceptance with a reason code', feedback({ reasonCode: 'OTHER' }), 'INVALID_INPUT', 'reasonCode'],
    ['an unknown outcome', feedback({ outcome: 'IGNORED' as 'ACCEPTED' }), 'INVALID_INPUT', 'outcome'],
  ])('refuses %s', (_case, command, reason, field) => {
    expect(refusal(() => decide(opened(), command, shown))).toMatchObject({ reason, field });
  });

  describe('on a CDS Hooks card', () => {
    const issuedCard = {
      uuid: 'c0ffee00-0000-5000-8000-000000000001',
      pathwayId: 'p-1',
      pathwayVersion: 1,
      code: 'PROVIDE_OA_INFORMATION',
      ruleSetVersion: 'hip-oa-2026.11',
    };
    const card = { uuid: issuedCard.uuid, outcomeTimestamp: '2026-11-27T10:05:31.000Z' };
    const cdsPayload = {
      channel: 'CDS_HOOKS',
      cardUuid: issuedCard.uuid,
      cardPathwayVersion: 1,
      outcomeTimestamp: card.outcomeTimestamp,
      ruleSetVersion: 'hip-oa-2026.11',
    };
    /** The card was issued on an earlier version, for a code no longer shown: late feedback. */
    const issued = context({ shownSuggestionCodes: [], issuedCard });

    it.each<[string, PathwayCommand, object]>([
      [
        'an acceptance naming its suggestions',
        feedback({ code: 'PROVIDE_OA_INFORMATION', card: { ...card, acceptedSuggestions: ['s-1'] } }),
        { code: 'PROVIDE_OA_INFORMATION', outcome: 'ACCEPTED', acceptedSuggestions: ['s-1'] },
      ],
      [
        'an override without a reason or comment',
        feedback({ code: 'PROVIDE_OA_INFORMATION', outcome: 'OVERRIDDEN', card }),
        { code: 'PROVIDE_OA_INFORMATION', outcome: 'OVERRIDDEN' },
      ],
      [
        'an override with a reason and comment',
        feedback({ code: 'PROVIDE_OA_INFORMATION', outcome: 'OVERRIDDEN', reasonCode: 'ALREADY_DONE', comment: 'leaflet given', card }),
        { code: 'PROVIDE_OA_INFORMATION', outcome: 'OVERRIDDEN', reasonCode: 'ALREADY_DONE', comment: 'leaflet given' },
      ],
    ])('records %s with the card and the rule set it was issued under, however the pathway moved on', (_case, command, payload) => {
      expect(decide(opened(), command, issued)).toEqual([{ type: 'SUGGESTION_FEEDBACK_GIVEN', payload: { ...payload, ...cdsPayload } }]);
    });

    it.each<[string, PathwayCommand, PathwayRefusalReason, string]>([
      ['a card not issued', feedback({ code: 'PROVIDE_OA_INFORMATION', card: { ...card, uuid: 'another' } }), 'CARD_NOT_ISSUED', 'card'],
      ['another code than the card’s', feedback({ code: 'START_EXERCISE_THERAPY', card }), 'CARD_NOT_ISSUED', 'card'],
      [
        'an override with an unknown reason code',
        feedback({ code: 'PROVIDE_OA_INFORMATION', outcome: 'OVERRIDDEN', reasonCode: 'LAZY' as 'OTHER', card }),
        'INVALID_INPUT',
        'reasonCode',
      ],
    ])('refuses %s', (_case, command, reason, field) => {
      expect(refusal(() => decide(opened(), command, issued))).toMatchObject({ reason, field });
    });

    it('refuses card feedback when the shell found no issued card', () => {
      expect(refusal(() => decide(opened(), feedback({ code: 'PROVIDE_OA_INFORMATION', card }), shown))).toMatchObject({ reason: 'CARD_NOT_ISSUED' });
    });
  });
});
