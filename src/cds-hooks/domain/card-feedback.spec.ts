import { describe, expect, it } from '@jest/globals';
import type { IssuedCard } from '../../pathways/domain/pathway-commands.js';
import { FeedbackRefusal, toCardFeedback, type FeedbackInput } from './card-feedback.js';
import { cardUuid, suggestionUuidsOf } from './cards.js';

const SYSTEM = 'https://cds.example/CodeSystem/override-reasons';
const ORDER_CARD: IssuedCard = {
  uuid: cardUuid('p-1', 4, 'ADD_GASTROPROTECTION'),
  pathwayId: 'p-1',
  pathwayVersion: 4,
  code: 'ADD_GASTROPROTECTION',
  ruleSetVersion: 'hip-oa-2026.12',
};
const [CREATE] = suggestionUuidsOf(ORDER_CARD);
const OVERRIDE: FeedbackInput = { card: ORDER_CARD.uuid, outcome: 'overridden', outcomeTimestamp: '2026-11-27T10:05:31Z' };
const ACCEPT: FeedbackInput = {
  card: ORDER_CARD.uuid,
  outcome: 'accepted',
  acceptedSuggestions: [{ id: CREATE }],
  outcomeTimestamp: '2026-11-27T10:05:31Z',
};

const feedback = (input: FeedbackInput, issued: IssuedCard | undefined = ORDER_CARD) => toCardFeedback(input, issued, SYSTEM, 'feedback.0');
const refusal = (input: FeedbackInput, issued?: IssuedCard | null) => {
  try {
    toCardFeedback(input, issued === null ? undefined : (issued ?? ORDER_CARD), SYSTEM, 'feedback.0');
  } catch (error) {
    if (error instanceof FeedbackRefusal) return { reason: error.reason, field: error.field };
    throw error;
  }
  throw new Error('not refused');
};

describe('toCardFeedback', () => {
  it.each<[string, FeedbackInput, object]>([
    ['an override without a reason', OVERRIDE, { outcome: 'OVERRIDDEN' }],
    [
      'an override with one of our reasons and a comment',
      { ...OVERRIDE, overrideReason: { reason: { system: SYSTEM, code: 'CONTRAINDICATION' }, userComment: 'ulcer history' } },
      { outcome: 'OVERRIDDEN', reasonCode: 'CONTRAINDICATION', comment: 'ulcer history' },
    ],
    ['an override with a comment only', { ...OVERRIDE, overrideReason: { userComment: 'later' } }, { outcome: 'OVERRIDDEN', comment: 'later' }],
    ['an acceptance of the card’s suggestion', ACCEPT, { outcome: 'ACCEPTED', card: expect.objectContaining({ acceptedSuggestions: [CREATE] }) }],
  ])('turns %s into the pathway’s feedback command on the card', (_case, input, expected) => {
    expect(feedback(input).command).toEqual({
      type: 'GIVE_SUGGESTION_FEEDBACK',
      code: 'ADD_GASTROPROTECTION',
      card: { uuid: ORDER_CARD.uuid, outcomeTimestamp: '2026-11-27T10:05:31.000Z' },
      ...expected,
    });
  });

  it.each<[string, FeedbackInput, IssuedCard | null | undefined, string, string]>([
    ['a card never issued', OVERRIDE, null, 'CARD_NOT_ISSUED', 'feedback.0.card'],
    [
      'a suggestion of another card',
      { ...ACCEPT, acceptedSuggestions: [{ id: ORDER_CARD.uuid }] },
      undefined,
      'SUGGESTION_NOT_ON_CARD',
      'feedback.0.acceptedSuggestions',
    ],
    [
      'an acceptance of a card without suggestions',
      ACCEPT,
      { ...ORDER_CARD, code: 'PROVIDE_OA_INFORMATION' },
      'SUGGESTION_NOT_ON_CARD',
      'feedback.0.acceptedSuggestions',
    ],
    [
      'a reason of another code system',
      { ...OVERRIDE, overrideReason: { reason: { system: 'http://example.org', code: 'OTHER' } } },
      undefined,
      'UNKNOWN_OVERRIDE_REASON',
      'feedback.0.overrideReason.reason',
    ],
    [
      'a reason code we do not have',
      { ...OVERRIDE, overrideReason: { reason: { system: SYSTEM, code: 'TOO_BUSY' } } },
      undefined,
      'UNKNOWN_OVERRIDE_REASON',
      'feedback.0.overrideReason.reason',
    ],
    [
      'accepted suggestions on an override',
      { ...OVERRIDE, acceptedSuggestions: [{ id: CREATE }] },
      undefined,
      'FEEDBACK_OUTCOME_MISMATCH',
      'feedback.0.acceptedSuggestions',
    ],
    [
      'an override reason on an acceptance',
      { ...ACCEPT, overrideReason: { userComment: 'x' } },
      undefined,
      'FEEDBACK_OUTCOME_MISMATCH',
      'feedback.0.overrideReason',
    ],
  ])('refuses %s', (_case, input, issued, reason, field) => {
    expect(refusal(input, issued)).toEqual({ reason, field });
  });

  it('derives one idempotency key from the card, outcome, moment and accepted suggestions: the same feedback, the same key', () => {
    const key = feedback(OVERRIDE).idempotencyKey;
    expect(key).toMatch(/^cds-feedback:[A-Za-z0-9_-]{43}$/);
    expect(feedback({ ...OVERRIDE, outcomeTimestamp: '2026-11-27T11:05:31+01:00' }).idempotencyKey).toBe(key);
    expect(feedback({ ...OVERRIDE, overrideReason: { userComment: 'a comment' } }).idempotencyKey).toBe(key);
    expect(feedback({ ...OVERRIDE, outcomeTimestamp: '2026-11-27T10:05:32Z' }).idempotencyKey).not.toBe(key);
    expect(feedback(ACCEPT).idempotencyKey).not.toBe(key);
  });
});
