import type { NotApplicableMark } from '../../checklist/domain/checklist.js';
import type { CloseReason, HipSide, NsaidRiskFactor, PainLocation, PathwayStage, RedFlag, RiskFactor, Treatment } from '../../contract/vocabulary.js';
import type { CalendarDate } from '../../contract/calendar-date.js';

export const FEEDBACK_OUTCOMES = ['ACCEPTED', 'OVERRIDDEN'] as const;
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** The door feedback came through: GraphQL's giveSuggestionFeedback or a CDS Hooks feedback endpoint. */
export const FEEDBACK_CHANNELS = ['GRAPHQL', 'CDS_HOOKS'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

export const OVERRIDE_REASON_CODES = [
  'PATIENT_PREFERENCE',
  'CLINICAL_JUDGEMENT',
  'CONTRAINDICATION',
  'ALREADY_DONE',
  'NOT_APPLICABLE_TO_PATIENT',
  'OTHER',
] as const;
export type OverrideReasonCode = (typeof OVERRIDE_REASON_CODES)[number];

/** Findings of a clinical exam; a finding left out keeps its earlier value. */
export interface ClinicalExamFindings {
  readonly painLocations?: readonly PainLocation[];
  readonly activityRelatedPain?: boolean;
  readonly painAtRest?: boolean;
  readonly morningStiffnessMinutes?: number;
  readonly internalRotationDegrees?: number;
  readonly flexionDegrees?: number;
  readonly painOnInternalRotation?: boolean;
  readonly limping?: boolean;
  readonly difficultyWithFootwear?: boolean;
}

type EmptyPayload = Readonly<Record<string, never>>;

/** The payload of each event type: plain JSON data, stored in the append-only audit log. */
export interface PathwayEventPayloads {
  /** `site`: the organisation code the pathway is followed at, when given. */
  PATHWAY_OPENED: { readonly side: HipSide; readonly site?: string };
  CLINICAL_EXAM_RECORDED: ClinicalExamFindings;
  /** Marks the screening done and replaces the list of red flags. */
  RED_FLAGS_SCREENED: { readonly redFlags: readonly RedFlag[] };
  RISK_FACTORS_RECORDED: { readonly riskFactors?: readonly RiskFactor[]; readonly bmi?: number };
  XRAY_ORDERED: EmptyPayload;
  /** Its clinical date is the date of the X-ray. */
  XRAY_RESULT_RECORDED: { readonly kellgrenLawrenceGrade?: number; readonly findings?: string };
  TREATMENT_STARTED: { readonly treatment: Treatment };
  TREATMENT_STOPPED: { readonly treatment: Treatment };
  NSAID_RISK_FACTORS_RECORDED: { readonly nsaidRiskFactors: readonly NsaidRiskFactor[] };
  PATIENT_REPORTED_OUTCOMES_RECORDED: { readonly painScore?: number; readonly oxfordHipScore?: number };
  SURGICAL_INDICATION_RECORDED: {
    readonly qualityOfLifeSubstantiallyAffected?: boolean;
    readonly nonSurgicalTreatmentUnsuitable?: boolean;
  };
  SURGICAL_RISK_FACTORS_RECORDED: { readonly smoker?: boolean; readonly diabetesUncontrolled?: boolean };
  /** Surgery options, benefits and risks discussed and documented (to undo: entered-in-error). */
  SHARED_DECISION_DOCUMENTED: EmptyPayload;
  /** The checklist's "recorded decision that no analgesia is needed". */
  ANALGESIA_REVIEWED_NONE_NEEDED: EmptyPayload;
  FOLLOW_UP_PLANNED: { readonly followUpDate: CalendarDate };
  /** Its clinical date is the date of surgery. */
  SURGERY_PERFORMED: EmptyPayload;
  POSTOPERATIVE_OUTCOME_RECORDED: { readonly oxfordHipScore: number };
  CHECKLIST_ITEM_NOT_APPLICABLE: NotApplicableMark;
  STAGE_CHANGED: {
    readonly from: PathwayStage;
    readonly to: PathwayStage;
    readonly closeReason?: CloseReason;
    /** Required on a guideline deviation; kept when given for a supported move (nothing sent is lost). */
    readonly deviationReason?: string;
    /** The guideline did not support the move: counted in audit reports. */
    readonly deviation: boolean;
  };
  RECORDING_ENTERED_IN_ERROR: { readonly targetSequence: number; readonly reason: string };
  SUGGESTION_FEEDBACK_GIVEN: {
    readonly code: string;
    readonly outcome: FeedbackOutcome;
    readonly reasonCode?: OverrideReasonCode;
    readonly comment?: string;
    /** The rule set the suggestion came from: in force now, or when its CDS Hooks card was issued. */
    readonly ruleSetVersion: string;
    /** CDS_HOOKS; absent for GraphQL. */
    readonly channel?: FeedbackChannel;
    /** CDS Hooks: the card, the pathway version it was issued on, the suggestions accepted and when the user acted. */
    readonly cardUuid?: string;
    readonly cardPathwayVersion?: number;
    readonly acceptedSuggestions?: readonly string[];
    readonly outcomeTimestamp?: string;
  };
}

export type PathwayEventType = keyof PathwayEventPayloads;

/**
 * Recordings: the events that record what a clinician found, did or decided. Only these carry a
 * clinical date, only these may be marked entered-in-error, and none is accepted once the pathway
 * is closed.
 */
export const RECORDING_EVENT_TYPES = [
  'CLINICAL_EXAM_RECORDED',
  'RED_FLAGS_SCREENED',
  'RISK_FACTORS_RECORDED',
  'XRAY_ORDERED',
  'XRAY_RESULT_RECORDED',
  'TREATMENT_STARTED',
  'TREATMENT_STOPPED',
  'NSAID_RISK_FACTORS_RECORDED',
  'PATIENT_REPORTED_OUTCOMES_RECORDED',
  'SURGICAL_INDICATION_RECORDED',
  'SURGICAL_RISK_FACTORS_RECORDED',
  'SHARED_DECISION_DOCUMENTED',
  'ANALGESIA_REVIEWED_NONE_NEEDED',
  'FOLLOW_UP_PLANNED',
  'SURGERY_PERFORMED',
  'POSTOPERATIVE_OUTCOME_RECORDED',
  'CHECKLIST_ITEM_NOT_APPLICABLE',
] as const satisfies readonly PathwayEventType[];
export type RecordingEventType = (typeof RECORDING_EVENT_TYPES)[number];

type EventOf<T extends PathwayEventType> = T extends RecordingEventType
  ? { readonly sequence: number; readonly type: T; readonly clinicalDate: CalendarDate; readonly payload: PathwayEventPayloads[T] }
  : { readonly sequence: number; readonly type: T; readonly clinicalDate?: never; readonly payload: PathwayEventPayloads[T] };

/** An event of a pathway stream; `sequence` is 1-based per pathway. */
export type PathwayEvent = EventOf<PathwayEventType>;
export type RecordingEvent = Extract<PathwayEvent, { type: RecordingEventType }>;

type WithoutSequence<E> = E extends PathwayEvent ? Omit<E, 'sequence'> : never;
/** An event as decided, before the shell assigns its sequence. */
export type NewPathwayEvent = WithoutSequence<PathwayEvent>;
