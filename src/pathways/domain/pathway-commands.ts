import type { ChecklistItemCode } from '../../checklist/domain/checklist-items.js';
import type { CloseReason, HipSide, PathwayStage } from '../../contract/vocabulary.js';
import type { CalendarDate } from '../../contract/calendar-date.js';
import type { FeedbackOutcome, NewPathwayEvent, OverrideReasonCode, RecordingEventType } from './pathway-events.js';

/** A clinical recording as the clinician submits it: the event itself, without its sequence. */
export type ClinicalRecording = Extract<NewPathwayEvent, { type: Exclude<RecordingEventType, 'CHECKLIST_ITEM_NOT_APPLICABLE'> }>;

export type PathwayCommand =
  | { readonly type: 'OPEN_PATHWAY'; readonly side: HipSide; readonly site?: string }
  | { readonly type: 'RECORD'; readonly recording: ClinicalRecording }
  | {
      readonly type: 'CHANGE_STAGE';
      readonly to: PathwayStage;
      readonly closeReason?: CloseReason;
      readonly deviationReason?: string;
    }
  | { readonly type: 'MARK_ENTERED_IN_ERROR'; readonly targetSequence: number; readonly reason: string }
  | { readonly type: 'MARK_CHECKLIST_ITEM_NOT_APPLICABLE'; readonly item: ChecklistItemCode; readonly reason: string }
  | {
      readonly type: 'GIVE_SUGGESTION_FEEDBACK';
      readonly code: string;
      readonly outcome: FeedbackOutcome;
      readonly reasonCode?: OverrideReasonCode;
      readonly comment?: string;
      /** Feedback on a CDS Hooks card (else on a suggestion shown now, through GraphQL). */
      readonly card?: CardFeedbackDetails;
    };

/** A card a CDS Hooks service issued: what feedback on its uuid traces back to. */
export interface IssuedCard {
  readonly uuid: string;
  readonly pathwayId: string;
  readonly pathwayVersion: number;
  readonly code: string;
  readonly ruleSetVersion: string;
}

/** CDS Hooks feedback as the pathway records it: the issued card it names, the command, and the write's idempotency. */
export interface CardFeedback {
  readonly issuedCard: IssuedCard;
  readonly command: PathwayCommand;
  /** Derived from the card, outcome, time and accepted suggestions: a repeat of the same feedback records nothing. */
  readonly idempotencyKey: string;
  /** The feedback as sent: the same key with other content is refused. */
  readonly input: unknown;
}

/** What CDS Hooks feedback says beyond the outcome: the card, the suggestions accepted and when the user acted. */
export interface CardFeedbackDetails {
  readonly uuid: string;
  readonly acceptedSuggestions?: readonly string[];
  /** When the user acted on the card, as the EHR reports it (UTC, ISO 8601). */
  readonly outcomeTimestamp: string;
}

/** What decide needs from outside the pathway: the date and the guideline's view of the current facts. */
export interface DecisionContext {
  /** Today in Europe/Brussels. */
  readonly today: CalendarDate;
  /** The patient's birth date: nothing can have been found or done before it. */
  readonly birthDate: CalendarDate;
  /** The guideline's referral rule on the pathway's current facts (three-valued). */
  readonly referralRuleHolds: boolean | undefined;
  /** The rule set in force, carried by feedback records. */
  readonly ruleSetVersion: string;
  /** The suggestion codes currently in nextSteps. */
  readonly shownSuggestionCodes: readonly string[];
  /** For feedback on a CDS Hooks card: the card as issued, which the shell looked up by its uuid. */
  readonly issuedCard?: IssuedCard;
}
