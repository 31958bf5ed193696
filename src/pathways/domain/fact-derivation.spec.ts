import { describe, expect, it } from '@jest/globals';
import type { HipFacts } from '../../contract/vocabulary.js';
import { derivePathwayRecord } from './fact-derivation.js';
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
const exam = (clinicalDate: string, payload: PathwayEventPayloads['CLINICAL_EXAM_RECORDED']) =>
  rec('CLINICAL_EXAM_RECORDED', clinicalDate, payload);
const inError = (targetSequence: number): NewPathwayEvent => ({
  type: 'RECORDING_ENTERED_IN_ERROR',
  payload: { targetSequence, reason: 'entered in error' },
});

/** A pathway opened at sequence 1, then the given events from sequence 2 on. */
function pathway(...events: NewPathwayEvent[]): PathwayState {
  return commit(undefined, [{ type: 'PATHWAY_OPENED', payload: { side: 'RIGHT' } }, ...events]).state;
}
const factsOf = (state: PathwayState, now = NOW, birthDate = BIRTH_DATE): HipFacts =>
  derivePathwayRecord(state, { birthDate, now }).facts;

/** The named facts only; a fact expected as undefined must be absent. */
function pick(facts: HipFacts, expected: Partial<HipFacts>): Partial<HipFacts> {
  return Object.fromEntries(Object.keys(expected).map((name) => [name, facts[name as keyof HipFacts]]));
}

describe('derivePathwayRecord: facts', () => {
  it.each<[string, NewPathwayEvent[], Partial<HipFacts>]>([
    ['latest by clinical date beats latest recorded', [proms('2026-03-10', { painScore: 7 }), proms('2026-03-01', { painScore: 3 })], { painScore: 7 }],
    ['a tie on clinical date goes to the later recording', [proms('2026-03-10', { painScore: 3 }), proms('2026-03-10', { painScore: 5 })], { painScore: 5 }],
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
    ['an injection 83 days ago still counts', [start('2026-01-05', 'INTRA_ARTICULAR_CORTICOSTEROID')], { treatments: ['INTRA_ARTICULAR_CORTICOSTEROID'] }],
    ['an injection 84 days ago no longer counts', [start('2026-01-04', 'INTRA_ARTICULAR_CORTICOSTEROID')], { treatments: [] }],
    ['a hyaluronic acid injection counts for 12 weeks too', [start('2026-01-05', 'HYALURONIC_ACID_INJECTION')], { treatments: ['HYALURONIC_ACID_INJECTION'] }],
    [
      'a stop does not shorten an injection’s 12 weeks',
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
      'conservative treatment weeks count from the earliest start, even of a stopped treatment',
      [start('2026-01-04', 'ORAL_NSAID'), stop('2026-01-20', 'ORAL_NSAID'), start('2026-02-01', 'EDUCATION')],
      { conservativeTreatmentWeeks: 12, treatments: ['EDUCATION'] },
    ],
    ['83 days of conservative treatment are 11 whole weeks', [start('2026-01-05', 'EXERCISE_THERAPY')], { conservativeTreatmentWeeks: 11 }],
    ['no treatment start leaves conservative treatment weeks unknown', [], { conservativeTreatmentWeeks: undefined }],
    ['weeks since surgery: 182 days are 26 weeks', [rec('SURGERY_PERFORMED', '2025-09-28', {})], { weeksSinceSurgery: 26 }],
    ['weeks since surgery: 181 days are 25 weeks', [rec('SURGERY_PERFORMED', '2025-09-29', {})], { weeksSinceSurgery: 25 }],
    ['an X-ray order alone leaves xrayPerformed unknown', [rec('XRAY_ORDERED', '2026-03-01', {})], { xrayPerformed: undefined }],
    [
      'an X-ray result without a grade makes xrayPerformed true',
      [rec('XRAY_RESULT_RECORDED', '2026-03-01', { findings: 'awaiting report' })],
      { xrayPerformed: true, kellgrenLawrenceGrade: undefined },
    ],
    ['an X-ray result with its grade', [rec('XRAY_RESULT_RECORDED', '2026-03-01', { kellgrenLawrenceGrade: 3 })], { xrayPerformed: true, kellgrenLawrenceGrade: 3 }],
    [
      'a newer ungraded X-ray does not keep the older X-ray\'s grade',
      [rec('XRAY_RESULT_RECORDED', '2026-01-10', { kellgrenLawrenceGrade: 1 }), rec('XRAY_RESULT_RECORDED', '2026-03-01', { findings: 'new film' })],
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
    ['without surgery the Oxford Hip Score is the latest', [proms('2026-01-01', { oxfordHipScore: 18 }), proms('2026-03-01', { oxfordHipScore: 25 })], { oxfordHipScore: 25 }],
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
  const state = pathway(rec('SURGERY_PERFORMED', '2025-09-28', {}), start('2026-01-04', 'INTRA_ARTICULAR_CORTICOSTEROID'));

  it.each<[string, Date, Partial<HipFacts>]>([
    [
      '22:30 UTC on 28 March is still 28 March in Brussels',
      STILL_28_MARCH_IN_BRUSSELS,
      { ageYears: 65, weeksSinceSurgery: 25, conservativeTreatmentWeeks: 11, treatments: ['INTRA_ARTICULAR_CORTICOSTEROID'] },
    ],
    [
      '23:30 UTC on 28 March is already 29 March in Brussels: a birthday, a 26th and a 12th week, an injection 84 days ago',
      NOW,
      { ageYears: 66, weeksSinceSurgery: 26, conservativeTreatmentWeeks: 12, treatments: [] },
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
    expect(factsOf(pathway(start(started, 'EDUCATION')), now).conservativeTreatmentWeeks).toBe(weeks);
  });

  it.each<[string, string, number | undefined]>([
    ['completed years on the birthday', '1960-03-29', 66],
    ['completed years the day before the birthday', '1960-03-30', 65],
    ['a birth date after the evaluation date leaves the age unknown', '2026-03-30', undefined],
  ])('ageYears: %s', (_case, birthDate, age) => {
    expect(factsOf(pathway(), NOW, birthDate).ageYears).toBe(age);
  });
});

describe('derivePathwayRecord: entered-in-error', () => {
  const bmi = (clinicalDate: string, value: number) => rec('RISK_FACTORS_RECORDED', clinicalDate, { bmi: value });

  it.each<[string, NewPathwayEvent[], Partial<HipFacts>]>([
    ['the latest value counts', [bmi('2026-03-01', 31), bmi('2026-03-10', 24)], { bmi: 24 }],
    ['marking the latest in error brings the earlier value back', [bmi('2026-03-01', 31), bmi('2026-03-10', 24), inError(3)], { bmi: 31 }],
    ['marking every value in error leaves it unknown', [bmi('2026-03-01', 31), bmi('2026-03-10', 24), inError(3), inError(2)], { bmi: undefined }],
    ['a stop marked in error gives the treatment back', [start('2026-03-01', 'ORAL_NSAID'), stop('2026-03-10', 'ORAL_NSAID'), inError(3)], { treatments: ['ORAL_NSAID'] }],
    ['a start marked in error removes the treatment and its weeks', [start('2026-01-01', 'EDUCATION'), inError(2)], { treatments: [], conservativeTreatmentWeeks: undefined }],
    ['an X-ray result marked in error leaves xrayPerformed unknown', [rec('XRAY_RESULT_RECORDED', '2026-03-01', { kellgrenLawrenceGrade: 2 }), inError(2)], { xrayPerformed: undefined, kellgrenLawrenceGrade: undefined }],
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
    ['a medicine recorded, even if stopped since', [start('2026-01-01', 'PARACETAMOL'), stop('2026-02-01', 'PARACETAMOL')], { pharmacologicalTreatmentRecorded: true }],
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
