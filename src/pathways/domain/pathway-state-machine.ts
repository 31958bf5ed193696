import { checklistItemsOf } from '../../checklist/domain/checklist-items.js';
import {
  CLOSE_REASONS,
  HIP_SIDES,
  NSAID_RISK_FACTORS,
  PAIN_LOCATIONS,
  RED_FLAGS,
  RISK_FACTORS,
  SITE_CODE_PATTERN,
  SITE_CODE_RULE,
  TREATMENTS,
  type CloseReason,
  type HipSide,
  type PathwayStage,
  type Treatment,
} from '../../contract/vocabulary.js';
import type { CalendarDate } from '../../contract/calendar-date.js';
import { badInput, checkRange, requireDate, requireMember, requireMembers, requireNonBlank, requireSomeValue } from './input-validation.js';
import type { ClinicalRecording, DecisionContext, PathwayCommand } from './pathway-commands.js';
import { FEEDBACK_OUTCOMES, OVERRIDE_REASON_CODES, type NewPathwayEvent, type PathwayEvent, type RecordingEvent } from './pathway-events.js';
import { PathwayError } from './pathway.error.js';

/** The projection of a pathway stream: plain JSON data. */
export interface PathwayState {
  readonly side: HipSide;
  readonly stage: PathwayStage;
  readonly closeReason?: CloseReason;
  /** The sequence of the last event. */
  readonly version: number;
  /** Every recording in sequence order, those later marked entered-in-error included. */
  readonly recordings: readonly RecordingEvent[];
  readonly enteredInErrorSequences: readonly number[];
}

/** The contract's allowed moves (GUIDELINE.md, "Stages"). */
const ALLOWED_MOVES: Readonly<Record<PathwayStage, readonly PathwayStage[]>> = {
  CLINICAL_EXAM: ['IMAGING', 'CONSERVATIVE_TREATMENT', 'CLOSED'],
  IMAGING: ['CONSERVATIVE_TREATMENT', 'SURGICAL_REFERRAL', 'CLOSED'],
  CONSERVATIVE_TREATMENT: ['IMAGING', 'SURGICAL_REFERRAL', 'CLOSED'],
  SURGICAL_REFERRAL: ['TOTAL_HIP_PROSTHESIS', 'CONSERVATIVE_TREATMENT', 'CLOSED'],
  TOTAL_HIP_PROSTHESIS: ['CLOSED'],
  CLOSED: [],
};

/** The stages a pathway at `stage` may move to (a move the guideline does not support also needs a deviation reason). */
export function allowedMoves(stage: PathwayStage): readonly PathwayStage[] {
  return ALLOWED_MOVES[stage];
}

/** Folds one event into the state; a stream starts with PATHWAY_OPENED (fold from `undefined`). */
export function apply(state: PathwayState | undefined, event: PathwayEvent): PathwayState {
  const expectedSequence = (state?.version ?? 0) + 1;
  if (event.sequence !== expectedSequence) {
    throw new Error(`Pathway stream out of order: expected sequence ${expectedSequence}.`);
  }
  if (event.type === 'PATHWAY_OPENED') {
    return { side: event.payload.side, stage: 'CLINICAL_EXAM', version: event.sequence, recordings: [], enteredInErrorSequences: [] };
  }
  if (state === undefined) throw new Error('A pathway stream starts with PATHWAY_OPENED.');
  const next = { ...state, version: event.sequence };
  switch (event.type) {
    case 'STAGE_CHANGED':
      return { ...next, stage: event.payload.to, closeReason: event.payload.closeReason };
    case 'RECORDING_ENTERED_IN_ERROR':
      return { ...next, enteredInErrorSequences: [...state.enteredInErrorSequences, event.payload.targetSequence] };
    case 'SUGGESTION_FEEDBACK_GIVEN':
      return next;
    default:
      return { ...next, recordings: [...state.recordings, event] };
  }
}

/** Gives decided events the next sequences and applies them: what the shell persists, in one transaction. */
export function commit(state: PathwayState | undefined, decided: readonly NewPathwayEvent[]): { state: PathwayState; events: PathwayEvent[] } {
  const events = decided.map((event, index): PathwayEvent => ({ ...event, sequence: (state?.version ?? 0) + index + 1 }));
  const next = events.reduce(apply, state);
  if (next === undefined) throw new Error('Nothing to commit on a pathway not opened.');
  return { state: next, events };
}

/**
 * The recordings that count on `asOf`: not entered-in-error, not dated after it, ordered by
 * clinical date and then by recording order, so that the last one of a kind is the latest.
 */
export function effectiveRecordings(state: PathwayState, asOf: CalendarDate): RecordingEvent[] {
  const inError = new Set(state.enteredInErrorSequences);
  return state.recordings
    .filter((recording) => !inError.has(recording.sequence) && recording.clinicalDate <= asOf)
    .sort((a, b) => (a.clinicalDate === b.clinicalDate ? a.sequence - b.sequence : a.clinicalDate < b.clinicalDate ? -1 : 1));
}

/**
 * Decides the events a command leads to, or throws a PathwayError. `state` is undefined for a
 * pathway not opened yet. The shell assigns the events' sequences.
 */
export function decide(state: PathwayState | undefined, command: PathwayCommand, context: DecisionContext): NewPathwayEvent[] {
  if (command.type === 'OPEN_PATHWAY') {
    if (state !== undefined) throw new PathwayError('PATHWAY_ALREADY_OPEN', 'This pathway is already open.');
    requireMember('side', command.side, HIP_SIDES);
    if (command.site !== undefined && !SITE_CODE_PATTERN.test(command.site)) throw badInput('site', `site must be ${SITE_CODE_RULE}.`);
    return [{ type: 'PATHWAY_OPENED', payload: { side: command.side, ...(command.site !== undefined && { site: command.site }) } }];
  }
  if (state === undefined) throw new PathwayError('PATHWAY_NOT_FOUND', 'The pathway does not exist.');
  switch (command.type) {
    case 'CHANGE_STAGE':
      return [changeStage(state, command, context)];
    case 'RECORD':
      refuseWhenClosed(state);
      validateRecording(state, command.recording, context);
      return [command.recording];
    case 'MARK_ENTERED_IN_ERROR':
      return [markEnteredInError(state, command)];
    case 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE': {
      refuseWhenClosed(state);
      requireNonBlank('reason', command.reason);
      if (!checklistItemsOf(state.stage).includes(command.item)) {
        throw new PathwayError('CHECKLIST_ITEM_NOT_IN_STAGE', 'item is not on the checklist of the current stage.', 'item');
      }
      const mark = { stage: state.stage, item: command.item, reason: command.reason };
      return [{ type: 'CHECKLIST_ITEM_NOT_APPLICABLE', clinicalDate: context.today, payload: mark }];
    }
    case 'GIVE_SUGGESTION_FEEDBACK':
      return [giveFeedback(command, context)];
  }
}

function changeStage(
  state: PathwayState,
  { to, closeReason, deviationReason }: Extract<PathwayCommand, { type: 'CHANGE_STAGE' }>,
  context: DecisionContext,
): NewPathwayEvent {
  const allowed = allowedMoves(state.stage);
  if (!allowed.includes(to)) {
    const options = allowed.length > 0 ? `the allowed moves are to ${allowed.join(', ')}` : 'the pathway is closed';
    throw new PathwayError('INVALID_TRANSITION', `The pathway cannot move to that stage: ${options}.`, 'to');
  }
  if (to === 'CLOSED') requireMember('closeReason', closeReason, CLOSE_REASONS);
  else if (closeReason !== undefined) throw badInput('closeReason', 'closeReason is only given when closing the pathway.');
  const deviation = departsFromGuideline(state, to, context);
  if (deviation && (deviationReason === undefined || deviationReason.trim() === '')) {
    throw new PathwayError(
      'DEVIATION_REASON_REQUIRED',
      'The guideline does not support this move now: deviationReason is required.',
      'deviationReason',
    );
  }
  return {
    type: 'STAGE_CHANGED',
    payload: { from: state.stage, to, deviation, ...(closeReason && { closeReason }), ...(deviationReason?.trim() && { deviationReason }) },
  };
}

function departsFromGuideline(state: PathwayState, to: PathwayStage, context: DecisionContext): boolean {
  switch (to) {
    case 'CONSERVATIVE_TREATMENT':
      return !effectiveRecordings(state, context.today).some((recording) => recording.type === 'CLINICAL_EXAM_RECORDED');
    case 'SURGICAL_REFERRAL':
      return context.referralRuleHolds !== true;
    default:
      return false;
  }
}

function refuseWhenClosed(state: PathwayState): void {
  if (state.stage === 'CLOSED') {
    throw new PathwayError('PATHWAY_CLOSED', 'The pathway is closed: nothing more can be recorded on it.', 'stage');
  }
}

function validateRecording(state: PathwayState, { type, clinicalDate, payload }: ClinicalRecording, { today, birthDate }: DecisionContext): void {
  requireDate('clinicalDate', clinicalDate);
  if (clinicalDate > today) throw new PathwayError('CLINICAL_DATE_IN_FUTURE', 'clinicalDate must not be in the future.', 'clinicalDate');
  if (clinicalDate < birthDate) {
    throw new PathwayError('CLINICAL_DATE_BEFORE_BIRTH', "clinicalDate must not be before the patient's birth date.", 'clinicalDate');
  }
  switch (type) {
    case 'CLINICAL_EXAM_RECORDED':
      requireSomeValue('clinical exam', payload);
      if (payload.painLocations !== undefined) requireMembers('painLocations', payload.painLocations, PAIN_LOCATIONS);
      checkRange('morningStiffnessMinutes', payload.morningStiffnessMinutes);
      checkRange('internalRotationDegrees', payload.internalRotationDegrees);
      checkRange('flexionDegrees', payload.flexionDegrees);
      return;
    case 'RED_FLAGS_SCREENED':
      requireMembers('redFlags', payload.redFlags, RED_FLAGS);
      return;
    case 'RISK_FACTORS_RECORDED':
      requireSomeValue('risk factors and BMI', payload);
      if (payload.riskFactors !== undefined) requireMembers('riskFactors', payload.riskFactors, RISK_FACTORS);
      checkRange('bmi', payload.bmi);
      return;
    case 'XRAY_RESULT_RECORDED':
      checkRange('kellgrenLawrenceGrade', payload.kellgrenLawrenceGrade);
      return;
    case 'TREATMENT_STARTED':
      requireMember('treatment', payload.treatment, TREATMENTS);
      return;
    case 'TREATMENT_STOPPED':
      requireMember('treatment', payload.treatment, TREATMENTS);
      if (!isGivenOn(state, payload.treatment, clinicalDate)) {
        throw new PathwayError('TREATMENT_NOT_GIVEN', 'treatment was not started on or before clinicalDate, or is already stopped.', 'treatment');
      }
      return;
    case 'NSAID_RISK_FACTORS_RECORDED':
      requireMembers('nsaidRiskFactors', payload.nsaidRiskFactors, NSAID_RISK_FACTORS);
      return;
    case 'PATIENT_REPORTED_OUTCOMES_RECORDED':
      requireSomeValue('patient-reported outcomes', payload);
      checkRange('painScore', payload.painScore);
      checkRange('oxfordHipScore', payload.oxfordHipScore);
      return;
    case 'SURGICAL_INDICATION_RECORDED':
      requireSomeValue('surgical indication', payload);
      return;
    case 'SURGICAL_RISK_FACTORS_RECORDED':
      requireSomeValue('smoking and diabetes control', payload);
      return;
    case 'FOLLOW_UP_PLANNED':
      requireDate('followUpDate', payload.followUpDate);
      if (payload.followUpDate < clinicalDate) {
        throw new PathwayError('FOLLOW_UP_BEFORE_CLINICAL_DATE', 'followUpDate must not be before clinicalDate.', 'followUpDate');
      }
      return;
    case 'POSTOPERATIVE_OUTCOME_RECORDED':
      if (payload.oxfordHipScore === undefined) throw badInput('oxfordHipScore', 'oxfordHipScore is required.');
      checkRange('postoperativeOxfordHipScore', payload.oxfordHipScore, 'oxfordHipScore');
      if (!hasSurgeryBefore(state, clinicalDate)) {
        throw new PathwayError(
          'SURGERY_NOT_RECORDED',
          'A postoperative outcome needs a surgery recorded before its clinicalDate (a score on the surgery day is preoperative).',
          'clinicalDate',
        );
      }
      return;
    case 'XRAY_ORDERED':
    case 'SHARED_DECISION_DOCUMENTED':
    case 'ANALGESIA_REVIEWED_NONE_NEEDED':
    case 'SURGERY_PERFORMED':
      return;
  }
}

/** Whether a surgery that counts is dated before `date`: a score on the surgery day is preoperative (GUIDELINE.md, "Facts"). */
function hasSurgeryBefore(state: PathwayState, date: CalendarDate): boolean {
  return effectiveRecordings(state, date).some((recording) => recording.type === 'SURGERY_PERFORMED' && recording.clinicalDate < date);
}

/** Whether the latest start or stop of `treatment` on or before `date` is a start. */
function isGivenOn(state: PathwayState, treatment: Treatment, date: CalendarDate): boolean {
  const last = effectiveRecordings(state, date)
    .filter((r) => (r.type === 'TREATMENT_STARTED' || r.type === 'TREATMENT_STOPPED') && r.payload.treatment === treatment)
    .at(-1);
  return last?.type === 'TREATMENT_STARTED';
}

function markEnteredInError(
  state: PathwayState,
  { targetSequence, reason }: Extract<PathwayCommand, { type: 'MARK_ENTERED_IN_ERROR' }>,
): NewPathwayEvent {
  requireNonBlank('reason', reason);
  if (!Number.isInteger(targetSequence) || targetSequence < 1 || targetSequence > state.version) {
    throw new PathwayError('RECORDING_NOT_FOUND', 'targetSequence names no event of this pathway.', 'targetSequence');
  }
  if (!state.recordings.some((recording) => recording.sequence === targetSequence)) {
    throw new PathwayError(
      'NOT_A_RECORDING',
      'targetSequence must name a recording; stage moves, corrections and feedback cannot be marked entered-in-error.',
      'targetSequence',
    );
  }
  if (state.enteredInErrorSequences.includes(targetSequence)) {
    throw new PathwayError('ALREADY_ENTERED_IN_ERROR', 'targetSequence is already marked entered-in-error.', 'targetSequence');
  }
  return { type: 'RECORDING_ENTERED_IN_ERROR', payload: { targetSequence, reason } };
}

function giveFeedback(
  { code, outcome, reasonCode, comment, card }: Extract<PathwayCommand, { type: 'GIVE_SUGGESTION_FEEDBACK' }>,
  context: DecisionContext,
): NewPathwayEvent {
  requireMember('outcome', outcome, FEEDBACK_OUTCOMES);
  if (outcome === 'OVERRIDDEN') {
    // CDS Hooks lets a clinician dismiss a card without a reason; GraphQL asks for a reason and a comment.
    if (card === undefined || reasonCode !== undefined) requireMember('reasonCode', reasonCode, OVERRIDE_REASON_CODES);
    if (card === undefined) requireNonBlank('comment', comment);
  } else if (reasonCode !== undefined) {
    throw badInput('reasonCode', 'reasonCode is only given with an override.');
  }
  const common = { code, outcome, ...(reasonCode && { reasonCode }), ...(comment !== undefined && { comment }) };
  if (card === undefined) {
    if (!context.shownSuggestionCodes.includes(code)) {
      throw new PathwayError('SUGGESTION_NOT_SHOWN', 'code is not among the suggestions shown now.', 'code');
    }
    return { type: 'SUGGESTION_FEEDBACK_GIVEN', payload: { ...common, ruleSetVersion: context.ruleSetVersion } };
  }
  // A card issued on an earlier version stays valid: feedback may come late, after the pathway moved on.
  const issued = context.issuedCard;
  if (issued?.uuid !== card.uuid || issued.code !== code) {
    throw new PathwayError('CARD_NOT_ISSUED', 'card names no card issued for this pathway.', 'card');
  }
  return {
    type: 'SUGGESTION_FEEDBACK_GIVEN',
    payload: {
      ...common,
      ruleSetVersion: issued.ruleSetVersion,
      channel: 'CDS_HOOKS',
      cardUuid: card.uuid,
      cardPathwayVersion: issued.pathwayVersion,
      ...(card.acceptedSuggestions !== undefined && { acceptedSuggestions: card.acceptedSuggestions }),
      outcomeTimestamp: card.outcomeTimestamp,
    },
  };
}
