import { createHash } from 'node:crypto';
import { canonicalJson } from '../../audit/domain/hash-chain.js';
import type { CardFeedback, IssuedCard } from '../../pathways/domain/pathway-commands.js';
import { OVERRIDE_REASON_CODES, type OverrideReasonCode } from '../../pathways/domain/pathway-events.js';
import { suggestionUuidsOf } from './cards.js';

/** One feedback of a CDS Hooks 2.0 feedback request, as validated at the door. */
export interface FeedbackInput {
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  readonly acceptedSuggestions?: readonly { readonly id: string }[];
  readonly overrideReason?: { readonly reason?: { readonly system: string; readonly code: string }; readonly userComment?: string };
  /** RFC 3339. */
  readonly outcomeTimestamp: string;
}

export type FeedbackRefusalReason = 'CARD_NOT_ISSUED' | 'SUGGESTION_NOT_ON_CARD' | 'UNKNOWN_OVERRIDE_REASON' | 'FEEDBACK_OUTCOME_MISMATCH';

/** Feedback the service refuses, with the field at fault (`feedback[0].card`); the message names no value. */
export class FeedbackRefusal extends Error {
  constructor(
    readonly reason: FeedbackRefusalReason,
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'FeedbackRefusal';
  }
}

/**
 * Checks one feedback against the card it names (undefined: never issued) and turns it into the
 * pathway's feedback command. Accepted suggestions must be the card's; an override reason must be
 * one of the card's overrideReasons (`overrideReasonSystem`). The idempotency key is derived from
 * the card, the outcome, its time and the suggestions accepted: a repeat records nothing.
 */
export function toCardFeedback(input: FeedbackInput, issued: IssuedCard | undefined, overrideReasonSystem: string, field: string): CardFeedback {
  if (!issued) throw new FeedbackRefusal('CARD_NOT_ISSUED', 'card names no card this service issued', `${field}.card`);
  const accepted = input.outcome === 'accepted';
  if (accepted && input.overrideReason !== undefined) {
    throw new FeedbackRefusal('FEEDBACK_OUTCOME_MISMATCH', 'overrideReason is only given with the outcome overridden', `${field}.overrideReason`);
  }
  if (!accepted && input.acceptedSuggestions !== undefined) {
    throw new FeedbackRefusal(
      'FEEDBACK_OUTCOME_MISMATCH',
      'acceptedSuggestions are only given with the outcome accepted',
      `${field}.acceptedSuggestions`,
    );
  }
  const acceptedSuggestions = input.acceptedSuggestions?.map(({ id }) => id);
  const onCard = suggestionUuidsOf(issued);
  if (acceptedSuggestions?.some((id) => !onCard.includes(id))) {
    throw new FeedbackRefusal('SUGGESTION_NOT_ON_CARD', 'acceptedSuggestions must name suggestions of the card', `${field}.acceptedSuggestions`);
  }
  const reason = input.overrideReason?.reason;
  const reasonCode = reason && overrideReasonCode(reason, overrideReasonSystem);
  if (reason && !reasonCode) {
    throw new FeedbackRefusal(
      'UNKNOWN_OVERRIDE_REASON',
      "overrideReason.reason must be one of the card's overrideReasons",
      `${field}.overrideReason.reason`,
    );
  }
  const outcomeTimestamp = new Date(input.outcomeTimestamp).toISOString();
  const comment = input.overrideReason?.userComment;
  return {
    issuedCard: issued,
    command: {
      type: 'GIVE_SUGGESTION_FEEDBACK',
      code: issued.code,
      outcome: accepted ? 'ACCEPTED' : 'OVERRIDDEN',
      ...(reasonCode && { reasonCode }),
      ...(comment !== undefined && { comment }),
      card: { uuid: issued.uuid, ...(acceptedSuggestions && { acceptedSuggestions }), outcomeTimestamp },
    },
    idempotencyKey: feedbackKey(issued.uuid, input.outcome, outcomeTimestamp, acceptedSuggestions ?? []),
    input: { ...input, outcomeTimestamp },
  };
}

function overrideReasonCode(reason: { system: string; code: string }, system: string): OverrideReasonCode | undefined {
  return reason.system === system ? OVERRIDE_REASON_CODES.find((code) => code === reason.code) : undefined;
}

/** The same card, outcome, moment and accepted suggestions always give the same key. */
function feedbackKey(card: string, outcome: string, outcomeTimestamp: string, acceptedSuggestions: readonly string[]): string {
  const digest = createHash('sha256')
    .update(canonicalJson({ card, outcome, outcomeTimestamp, acceptedSuggestions: [...acceptedSuggestions].sort() }))
    .digest('base64url');
  return `cds-feedback:${digest}`;
}
