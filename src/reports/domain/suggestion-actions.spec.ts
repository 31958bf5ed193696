import { describe, expect, it } from '@jest/globals';
import { CLOSE_REASONS, TREATMENTS, type CloseReason, type PathwayStage, type Treatment } from '../../contract/vocabulary.js';
import { SUGGESTION_CODES, type SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import type { NewPathwayEvent, PathwayEvent } from '../../pathways/domain/pathway-events.js';
import { carriesOut } from './suggestion-actions.js';

const on = '2026-03-02';
const event = (decided: NewPathwayEvent): PathwayEvent => ({ ...decided, sequence: 2 });
const started = (treatment: Treatment) => event({ type: 'TREATMENT_STARTED', clinicalDate: on, payload: { treatment } });
const stopped = (treatment: Treatment) => event({ type: 'TREATMENT_STOPPED', clinicalDate: on, payload: { treatment } });
const moved = (to: PathwayStage, closeReason?: CloseReason) =>
  event({ type: 'STAGE_CHANGED', payload: { from: 'CONSERVATIVE_TREATMENT', to, deviation: false, ...(closeReason && { closeReason }) } });

/** One event of every kind a pathway holds (feedback, corrections and the opening included), every treatment started and stopped. */
const EVENTS: Record<string, PathwayEvent> = {
  opened: event({ type: 'PATHWAY_OPENED', payload: { side: 'LEFT' } }),
  exam: event({ type: 'CLINICAL_EXAM_RECORDED', clinicalDate: on, payload: { limping: true } }),
  redFlagsScreened: event({ type: 'RED_FLAGS_SCREENED', clinicalDate: on, payload: { redFlags: [] } }),
  riskFactors: event({ type: 'RISK_FACTORS_RECORDED', clinicalDate: on, payload: { bmi: 31 } }),
  xrayOrdered: event({ type: 'XRAY_ORDERED', clinicalDate: on, payload: {} }),
  xrayResult: event({ type: 'XRAY_RESULT_RECORDED', clinicalDate: on, payload: { kellgrenLawrenceGrade: 3 } }),
  ...Object.fromEntries(
    TREATMENTS.flatMap((treatment) => [
      [`start ${treatment}`, started(treatment)],
      [`stop ${treatment}`, stopped(treatment)],
    ]),
  ),
  nsaidRiskFactors: event({ type: 'NSAID_RISK_FACTORS_RECORDED', clinicalDate: on, payload: { nsaidRiskFactors: [] } }),
  proms: event({ type: 'PATIENT_REPORTED_OUTCOMES_RECORDED', clinicalDate: on, payload: { painScore: 6, oxfordHipScore: 20 } }),
  surgicalIndication: event({ type: 'SURGICAL_INDICATION_RECORDED', clinicalDate: on, payload: { qualityOfLifeSubstantiallyAffected: true } }),
  surgicalRiskFactors: event({ type: 'SURGICAL_RISK_FACTORS_RECORDED', clinicalDate: on, payload: { smoker: false } }),
  sharedDecision: event({ type: 'SHARED_DECISION_DOCUMENTED', clinicalDate: on, payload: {} }),
  noAnalgesiaNeeded: event({ type: 'ANALGESIA_REVIEWED_NONE_NEEDED', clinicalDate: on, payload: {} }),
  followUp: event({ type: 'FOLLOW_UP_PLANNED', clinicalDate: on, payload: { followUpDate: '2026-06-01' } }),
  surgery: event({ type: 'SURGERY_PERFORMED', clinicalDate: on, payload: {} }),
  postoperativeOutcome: event({ type: 'POSTOPERATIVE_OUTCOME_RECORDED', clinicalDate: on, payload: { oxfordHipScore: 44 } }),
  notApplicable: event({
    type: 'CHECKLIST_ITEM_NOT_APPLICABLE',
    clinicalDate: on,
    payload: { stage: 'CLINICAL_EXAM', item: 'RECORD_BMI', reason: 'wheelchair user' },
  }),
  'move to IMAGING': moved('IMAGING'),
  'move to CONSERVATIVE_TREATMENT': moved('CONSERVATIVE_TREATMENT'),
  'move to SURGICAL_REFERRAL': moved('SURGICAL_REFERRAL'),
  'move to TOTAL_HIP_PROSTHESIS': moved('TOTAL_HIP_PROSTHESIS'),
  ...Object.fromEntries(CLOSE_REASONS.map((reason) => [`close ${reason}`, moved('CLOSED', reason)])),
  enteredInError: event({ type: 'RECORDING_ENTERED_IN_ERROR', payload: { targetSequence: 1, reason: 'wrong hip' } }),
  feedbackAccepted: event({
    type: 'SUGGESTION_FEEDBACK_GIVEN',
    payload: { code: 'START_EXERCISE_THERAPY', outcome: 'ACCEPTED', ruleSetVersion: 'hip-oa-2026.12' },
  }),
};

const RED_FLAG_EXIT = ['close ALTERNATIVE_DIAGNOSIS', 'close RED_FLAG_REFERRAL'];
const XRAY = ['xrayOrdered', 'xrayResult'];
const NOTHING: string[] = [];

/** Per suggestion code, exactly the events of EVENTS that carry it out (in EVENTS order). */
const CARRIED_OUT_BY: Record<SuggestionCode, string[]> = {
  OUT_OF_SCOPE_PAEDIATRIC: ['close ALTERNATIVE_DIAGNOSIS', 'close TRANSFERRED'],
  RED_FLAG_SUSPECTED_INFECTION: RED_FLAG_EXIT,
  RED_FLAG_SUSPECTED_FRACTURE: [...XRAY, ...RED_FLAG_EXIT],
  RED_FLAG_MALIGNANCY: [...XRAY, ...RED_FLAG_EXIT],
  RED_FLAG_LIMB_ISCHAEMIA: RED_FLAG_EXIT,
  RED_FLAG_CAUDA_EQUINA: RED_FLAG_EXIT,
  RED_FLAG_AVASCULAR_NECROSIS: RED_FLAG_EXIT,
  RED_FLAG_INFLAMMATORY_ARTHRITIS: RED_FLAG_EXIT,
  RED_FLAG_RADICULAR: RED_FLAG_EXIT,
  RED_FLAG_CLAUDICATION: NOTHING,
  RED_FLAG_RAPID_PROGRESSION: RED_FLAG_EXIT,
  REVIEW_NSAID_RISK: ['stop ORAL_NSAID'],
  RECORD_NSAID_RISK_FACTORS: ['nsaidRiskFactors'],
  ADD_GASTROPROTECTION: ['start GASTROPROTECTION'],
  TAPER_STRONG_OPIOID: ['stop STRONG_OPIOID'],
  REVIEW_WEAK_OPIOID: ['stop WEAK_OPIOID'],
  SCREEN_RED_FLAGS: ['redFlagsScreened'],
  COMPLETE_CLINICAL_EXAM: ['exam'],
  DIAGNOSE_CLINICALLY_WITHOUT_IMAGING: ['move to CONSERVATIVE_TREATMENT'],
  CONSIDER_XRAY_HIP_AND_PELVIS: [...XRAY, 'move to IMAGING'],
  RECONSIDER_DIAGNOSIS: ['close ALTERNATIVE_DIAGNOSIS'],
  RECORD_XRAY_RESULT: ['xrayResult'],
  OPTIMISE_BEFORE_SURGERY: NOTHING,
  STOP_HYALURONIC_ACID: ['stop HYALURONIC_ACID_INJECTION'],
  REFER_FOR_JOINT_REPLACEMENT_ASSESSMENT: ['move to SURGICAL_REFERRAL'],
  PROVIDE_OA_INFORMATION: ['start EDUCATION'],
  START_EXERCISE_THERAPY: ['start EXERCISE_THERAPY', 'start PHYSIOTHERAPY'],
  SUPPORT_WEIGHT_LOSS: ['start WEIGHT_MANAGEMENT'],
  CONSIDER_WALKING_AID: ['start WALKING_AID'],
  CONSIDER_ORAL_NSAID: ['start ORAL_NSAID'],
  CONSIDER_INTRA_ARTICULAR_CORTICOSTEROID: ['start INTRA_ARTICULAR_CORTICOSTEROID'],
  STOP_GLUCOSAMINE: ['stop GLUCOSAMINE'],
  CONTINUE_AND_REVIEW_CONSERVATIVE_TREATMENT: ['followUp'],
  RECORD_PATIENT_REPORTED_OUTCOMES: ['proms'],
  RECENT_INTRA_ARTICULAR_INJECTION: NOTHING,
  DISCUSS_SHARED_DECISION: ['sharedDecision'],
  REVIEW_POOR_POSTOPERATIVE_OUTCOME: XRAY,
  RECORD_POSTOPERATIVE_OUTCOME: ['postoperativeOutcome'],
};

describe('the actions that carry out each suggestion', () => {
  it('are defined for every suggestion code', () => {
    expect(Object.keys(CARRIED_OUT_BY).sort()).toEqual([...SUGGESTION_CODES].sort());
  });

  it.each(SUGGESTION_CODES.map((code) => [code, CARRIED_OUT_BY[code]] as const))('%s is carried out by %j', (code, expected) => {
    const carryingOut = Object.entries(EVENTS)
      .filter(([, candidate]) => carriesOut(code, candidate))
      .map(([label]) => label);
    expect(carryingOut).toEqual(expected);
  });
});
