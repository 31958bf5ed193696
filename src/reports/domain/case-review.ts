import type { CalendarDate } from '../../contract/calendar-date.js';
import type { Indicator, Locale, PathwayStage } from '../../contract/vocabulary.js';
import { evaluate } from '../../guideline/domain/engine/rule-engine.js';
import { RULE_SET_VERSION } from '../../guideline/domain/rules/rule-set.js';
import type { SuggestionCode } from '../../guideline/domain/rules/suggestion-codes.js';
import { derivePathwayRecord } from '../../pathways/domain/fact-derivation.js';
import type { OverrideReasonCode } from '../../pathways/domain/pathway-events.js';
import { toPathwayEvent, type StoredPathwayEvent } from '../../pathways/domain/pathway-replay.js';
import { apply, type PathwayState } from '../../pathways/domain/pathway-state-machine.js';
import { carriesOut } from './suggestion-actions.js';

/** A pathway event as the audit log holds it, with who recorded it and when. */
export interface ReviewedEvent extends StoredPathwayEvent {
  readonly recordedAt: Date;
  readonly actor: string;
  readonly actingFor: string | null;
}

export interface ActiveSuggestion {
  readonly code: SuggestionCode;
  readonly indicator: Indicator;
  readonly title: string;
}

export type CaseReviewEntry<Event extends ReviewedEvent> = Event & {
  /** Marked entered-in-error by a later event. */
  readonly enteredInError: boolean;
  /** The guideline on the facts just before this event, at its recording time. */
  readonly activeSuggestions: readonly ActiveSuggestion[];
  /** The first active suggestion this event carried out; null for none and for an event marked entered-in-error. */
  readonly followedSuggestion: SuggestionCode | null;
};

/** Who made a stage move the guideline did not support, when, and why. */
export interface CaseReviewDeviation {
  readonly sequence: number;
  readonly from: PathwayStage;
  readonly to: PathwayStage;
  readonly reason: string | null;
  readonly actor: string;
  readonly actingFor: string | null;
  readonly recordedAt: Date;
}

/** Who overrode a suggestion, when, and why. */
export interface CaseReviewOverride {
  readonly sequence: number;
  /** As recorded: a code of the rule set in force then. */
  readonly code: string;
  readonly reasonCode: OverrideReasonCode | null;
  readonly comment: string | null;
  readonly actor: string;
  readonly actingFor: string | null;
  readonly recordedAt: Date;
}

export interface CaseReview<Event extends ReviewedEvent> {
  /** The rule set the active suggestions were evaluated with: the one in force now. */
  readonly ruleSetVersion: string;
  readonly timeline: readonly CaseReviewEntry<Event>[];
  readonly deviations: readonly CaseReviewDeviation[];
  readonly overrides: readonly CaseReviewOverride[];
}

export interface CaseReviewOptions {
  readonly birthDate: CalendarDate;
  readonly locale: Locale;
}

/**
 * A pathway's events, in sequence order from the first, read for case review: at each event the
 * suggestions the guideline made on the state just before it (replayed as it stood then, corrections
 * made later not yet applied) at the event's recording time, and whether the event carried one out.
 */
export function buildCaseReview<Event extends ReviewedEvent>(events: readonly Event[], { birthDate, locale }: CaseReviewOptions): CaseReview<Event> {
  let state: PathwayState | undefined;
  const steps = events.map((stored) => {
    const event = toPathwayEvent(stored);
    const active = state === undefined ? [] : suggestionsOn(state, stored.recordedAt, birthDate, locale);
    state = apply(state, event);
    return { stored, event, active };
  });
  const final: PathwayState | undefined = state;
  const inError = new Set(final?.enteredInErrorSequences);

  const timeline = steps.map(({ stored, event, active }): CaseReviewEntry<Event> => {
    const enteredInError = inError.has(stored.sequence);
    const followed = enteredInError ? undefined : active.find((suggestion) => carriesOut(suggestion.code, event));
    return { ...stored, enteredInError, activeSuggestions: active, followedSuggestion: followed?.code ?? null };
  });
  const deviations: CaseReviewDeviation[] = [];
  const overrides: CaseReviewOverride[] = [];
  for (const { stored, event } of steps) {
    const { sequence, actor, actingFor, recordedAt } = stored;
    if (event.type === 'STAGE_CHANGED' && event.payload.deviation) {
      const { from, to, deviationReason } = event.payload;
      deviations.push({ sequence, from, to, reason: deviationReason ?? null, actor, actingFor, recordedAt });
    } else if (event.type === 'SUGGESTION_FEEDBACK_GIVEN' && event.payload.outcome === 'OVERRIDDEN') {
      const { code, reasonCode, comment } = event.payload;
      overrides.push({ sequence, code, reasonCode: reasonCode ?? null, comment: comment ?? null, actor, actingFor, recordedAt });
    }
  }
  return { ruleSetVersion: RULE_SET_VERSION, timeline, deviations, overrides };
}

function suggestionsOn(state: PathwayState, now: Date, birthDate: CalendarDate, locale: Locale): ActiveSuggestion[] {
  const { facts } = derivePathwayRecord(state, { birthDate, now });
  return evaluate(facts, { locale }).suggestions.map(({ code, indicator, title }) => ({ code, indicator, title }));
}
