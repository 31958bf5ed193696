import { describe, expect, it } from '@jest/globals';
import type { HipFacts, PathwayStage } from '../../contract/vocabulary.js';
import { buildChecklist, type ChecklistRecord, type NotApplicableMark } from './checklist.js';
import type { ChecklistItemCode } from './checklist-items.js';

const EMPTY_RECORD: ChecklistRecord = { pharmacologicalTreatmentRecorded: false, noAnalgesiaNeededRecorded: false, notApplicableMarks: [] };

const statusOf = (stage: PathwayStage, code: ChecklistItemCode, facts: Omit<HipFacts, 'stage'> = {}, record: Partial<ChecklistRecord> = {}) => {
  const item = buildChecklist({ stage, ...facts }, { ...EMPTY_RECORD, ...record }, 'EN').find((i) => i.code === code);
  if (item === undefined) throw new Error(`${code} is not on the ${stage} checklist`);
  return { status: item.status, reason: item.reason };
};

describe('checklist items per stage', () => {
  it.each<[PathwayStage, ChecklistItemCode[]]>([
    [
      'CLINICAL_EXAM',
      [
        'ASK_PAIN_LOCATION',
        'ASK_ACTIVITY_RELATION',
        'ASK_MORNING_STIFFNESS',
        'ASK_FUNCTION',
        'EXAMINE_RANGE_OF_MOTION',
        'EXAMINE_PAIN_ON_ROTATION',
        'SCREEN_RED_FLAGS',
        'RECORD_BMI',
        'ASK_RISK_FACTORS',
        'RECORD_PAIN_SCORE',
      ],
    ],
    ['IMAGING', ['ORDER_XRAY_HIP_AND_PELVIS', 'RECORD_KELLGREN_LAWRENCE_GRADE']],
    [
      'CONSERVATIVE_TREATMENT',
      [
        'GIVE_INFORMATION',
        'PRESCRIBE_EXERCISE',
        'WEIGHT_MANAGEMENT',
        'REVIEW_ANALGESIA',
        'RECORD_PAIN_SCORE',
        'RECORD_OXFORD_HIP_SCORE',
        'AGREE_FOLLOW_UP',
      ],
    ],
    [
      'SURGICAL_REFERRAL',
      [
        'DOCUMENT_QUALITY_OF_LIFE_IMPACT',
        'DOCUMENT_CONSERVATIVE_TREATMENT',
        'SCREEN_SMOKING_AND_DIABETES',
        'XRAY_AVAILABLE',
        'RECORD_OXFORD_HIP_SCORE',
        'SHARED_DECISION',
      ],
    ],
    ['TOTAL_HIP_PROSTHESIS', ['RECORD_SURGERY_DATE', 'RECORD_POSTOPERATIVE_OXFORD_HIP_SCORE']],
    ['CLOSED', []],
  ])('%s: all TODO when nothing is recorded', (stage, codes) => {
    const items = buildChecklist({ stage }, EMPTY_RECORD, 'EN');
    expect(items.map((item) => item.code)).toEqual(codes);
    expect(items.every((item) => item.status === 'TODO' && item.reason === undefined)).toBe(true);
  });

  it('labels items in the requested language', () => {
    const [en] = buildChecklist({ stage: 'IMAGING' }, EMPTY_RECORD, 'EN');
    const [nl] = buildChecklist({ stage: 'IMAGING' }, EMPTY_RECORD, 'NL');
    expect(en.label).toMatch(/X-ray/);
    expect(nl.label).toMatch(/RX van heup en bekken/);
  });
});

describe('checklist statuses', () => {
  it.each<[string, PathwayStage, ChecklistItemCode, Omit<HipFacts, 'stage'>, Partial<ChecklistRecord>, string]>([
    ['pain locations recorded as none', 'CLINICAL_EXAM', 'ASK_PAIN_LOCATION', { painLocations: [] }, {}, 'DONE'],
    ['activity relation recorded as no', 'CLINICAL_EXAM', 'ASK_ACTIVITY_RELATION', { activityRelatedPain: false }, {}, 'DONE'],
    ['no morning stiffness', 'CLINICAL_EXAM', 'ASK_MORNING_STIFFNESS', { morningStiffnessMinutes: 0 }, {}, 'DONE'],
    ['no limp and no footwear difficulty', 'CLINICAL_EXAM', 'ASK_FUNCTION', { limping: false, difficultyWithFootwear: false }, {}, 'DONE'],
    ['a limp without the footwear question', 'CLINICAL_EXAM', 'ASK_FUNCTION', { limping: true }, {}, 'TODO'],
    ['both ranges of motion', 'CLINICAL_EXAM', 'EXAMINE_RANGE_OF_MOTION', { internalRotationDegrees: 10, flexionDegrees: 95 }, {}, 'DONE'],
    ['internal rotation without flexion', 'CLINICAL_EXAM', 'EXAMINE_RANGE_OF_MOTION', { internalRotationDegrees: 10 }, {}, 'TODO'],
    ['pain on rotation recorded as no', 'CLINICAL_EXAM', 'EXAMINE_PAIN_ON_ROTATION', { painOnInternalRotation: false }, {}, 'DONE'],
    ['red flags screened', 'CLINICAL_EXAM', 'SCREEN_RED_FLAGS', { redFlagsScreened: true, redFlags: [] }, {}, 'DONE'],
    ['BMI', 'CLINICAL_EXAM', 'RECORD_BMI', { bmi: 22 }, {}, 'DONE'],
    ['no risk factors', 'CLINICAL_EXAM', 'ASK_RISK_FACTORS', { riskFactors: [] }, {}, 'DONE'],
    ['pain score 0', 'CLINICAL_EXAM', 'RECORD_PAIN_SCORE', { painScore: 0 }, {}, 'DONE'],
    ['an X-ray result', 'IMAGING', 'ORDER_XRAY_HIP_AND_PELVIS', { xrayPerformed: true }, {}, 'DONE'],
    ['Kellgren-Lawrence grade 0', 'IMAGING', 'RECORD_KELLGREN_LAWRENCE_GRADE', { kellgrenLawrenceGrade: 0 }, {}, 'DONE'],
    ['education given', 'CONSERVATIVE_TREATMENT', 'GIVE_INFORMATION', { treatments: ['EDUCATION'] }, {}, 'DONE'],
    ['exercise therapy', 'CONSERVATIVE_TREATMENT', 'PRESCRIBE_EXERCISE', { treatments: ['EXERCISE_THERAPY'] }, {}, 'DONE'],
    ['physiotherapy', 'CONSERVATIVE_TREATMENT', 'PRESCRIBE_EXERCISE', { treatments: ['PHYSIOTHERAPY'] }, {}, 'DONE'],
    ['only a walking aid', 'CONSERVATIVE_TREATMENT', 'PRESCRIBE_EXERCISE', { treatments: ['WALKING_AID'] }, {}, 'TODO'],
    ['weight management given', 'CONSERVATIVE_TREATMENT', 'WEIGHT_MANAGEMENT', { bmi: 31, treatments: ['WEIGHT_MANAGEMENT'] }, {}, 'DONE'],
    [
      'weight management given with a BMI under 25',
      'CONSERVATIVE_TREATMENT',
      'WEIGHT_MANAGEMENT',
      { bmi: 23, treatments: ['WEIGHT_MANAGEMENT'] },
      {},
      'DONE',
    ],
    ['BMI 24.9', 'CONSERVATIVE_TREATMENT', 'WEIGHT_MANAGEMENT', { bmi: 24.9, treatments: [] }, {}, 'NOT_APPLICABLE'],
    ['BMI 25', 'CONSERVATIVE_TREATMENT', 'WEIGHT_MANAGEMENT', { bmi: 25, treatments: [] }, {}, 'TODO'],
    ['BMI unknown', 'CONSERVATIVE_TREATMENT', 'WEIGHT_MANAGEMENT', { treatments: [] }, {}, 'TODO'],
    ['a pharmacological treatment recorded', 'CONSERVATIVE_TREATMENT', 'REVIEW_ANALGESIA', {}, { pharmacologicalTreatmentRecorded: true }, 'DONE'],
    ['a decision that none is needed', 'CONSERVATIVE_TREATMENT', 'REVIEW_ANALGESIA', {}, { noAnalgesiaNeededRecorded: true }, 'DONE'],
    ['pain score', 'CONSERVATIVE_TREATMENT', 'RECORD_PAIN_SCORE', { painScore: 6 }, {}, 'DONE'],
    ['Oxford Hip Score', 'CONSERVATIVE_TREATMENT', 'RECORD_OXFORD_HIP_SCORE', { oxfordHipScore: 30 }, {}, 'DONE'],
    ['a follow-up date', 'CONSERVATIVE_TREATMENT', 'AGREE_FOLLOW_UP', {}, { followUpDate: '2026-06-01' }, 'DONE'],
    [
      'quality of life recorded as not affected',
      'SURGICAL_REFERRAL',
      'DOCUMENT_QUALITY_OF_LIFE_IMPACT',
      { qualityOfLifeSubstantiallyAffected: false },
      {},
      'DONE',
    ],
    ['weeks of conservative treatment', 'SURGICAL_REFERRAL', 'DOCUMENT_CONSERVATIVE_TREATMENT', { conservativeTreatmentWeeks: 14 }, {}, 'DONE'],
    [
      'non-surgical treatment unsuitable',
      'SURGICAL_REFERRAL',
      'DOCUMENT_CONSERVATIVE_TREATMENT',
      { nonSurgicalTreatmentUnsuitable: true },
      {},
      'DONE',
    ],
    ['smoking and diabetes', 'SURGICAL_REFERRAL', 'SCREEN_SMOKING_AND_DIABETES', { smoker: false, diabetesUncontrolled: false }, {}, 'DONE'],
    ['smoking without diabetes', 'SURGICAL_REFERRAL', 'SCREEN_SMOKING_AND_DIABETES', { smoker: true }, {}, 'TODO'],
    ['an X-ray', 'SURGICAL_REFERRAL', 'XRAY_AVAILABLE', { xrayPerformed: true }, {}, 'DONE'],
    ['a preoperative Oxford Hip Score', 'SURGICAL_REFERRAL', 'RECORD_OXFORD_HIP_SCORE', { oxfordHipScore: 18 }, {}, 'DONE'],
    ['a shared decision', 'SURGICAL_REFERRAL', 'SHARED_DECISION', { sharedDecisionDocumented: true }, {}, 'DONE'],
    ['a surgery date', 'TOTAL_HIP_PROSTHESIS', 'RECORD_SURGERY_DATE', { weeksSinceSurgery: 3 }, { surgeryDate: '2026-03-01' }, 'DONE'],
    [
      'a postoperative Oxford Hip Score',
      'TOTAL_HIP_PROSTHESIS',
      'RECORD_POSTOPERATIVE_OXFORD_HIP_SCORE',
      { postoperativeOxfordHipScore: 44 },
      {},
      'DONE',
    ],
  ])('%s: %s %s', (_case, stage, code, facts, record, status) => {
    expect(statusOf(stage, code, facts, record).status).toBe(status);
  });

  it('gives the reason of the automatic not-applicable in the requested language', () => {
    const reason = (locale: 'EN' | 'NL') =>
      buildChecklist({ stage: 'CONSERVATIVE_TREATMENT', bmi: 22, treatments: [] }, EMPTY_RECORD, locale).find(
        (item) => item.code === 'WEIGHT_MANAGEMENT',
      )?.reason;
    expect(reason('EN')).toBe('BMI below 25');
    expect(reason('NL')).toBe('BMI lager dan 25');
  });
});

describe('clinician not-applicable marks', () => {
  const mark = (stage: PathwayStage, item: ChecklistItemCode, reason: string): NotApplicableMark => ({ stage, item, reason });

  it.each<[string, PathwayStage, ChecklistItemCode, Omit<HipFacts, 'stage'>, NotApplicableMark[], object]>([
    [
      'a mark gives NOT_APPLICABLE with its reason',
      'CLINICAL_EXAM',
      'RECORD_BMI',
      {},
      [mark('CLINICAL_EXAM', 'RECORD_BMI', 'cannot stand')],
      { status: 'NOT_APPLICABLE', reason: 'cannot stand' },
    ],
    [
      'a done item stays DONE',
      'CLINICAL_EXAM',
      'RECORD_BMI',
      { bmi: 28 },
      [mark('CLINICAL_EXAM', 'RECORD_BMI', 'cannot stand')],
      { status: 'DONE', reason: undefined },
    ],
    [
      'the latest mark gives the reason',
      'CLINICAL_EXAM',
      'RECORD_BMI',
      {},
      [mark('CLINICAL_EXAM', 'RECORD_BMI', 'first'), mark('CLINICAL_EXAM', 'RECORD_BMI', 'second')],
      { status: 'NOT_APPLICABLE', reason: 'second' },
    ],
    [
      'a mark of the same item in another stage does not apply',
      'CONSERVATIVE_TREATMENT',
      'RECORD_PAIN_SCORE',
      {},
      [mark('CLINICAL_EXAM', 'RECORD_PAIN_SCORE', 'aphasia')],
      { status: 'TODO', reason: undefined },
    ],
  ])('%s', (_case, stage, code, facts, notApplicableMarks, expected) => {
    expect(statusOf(stage, code, facts, { notApplicableMarks })).toEqual(expected);
  });
});
