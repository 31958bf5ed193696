import type { CitationId } from './citations.js';
import type { Condition } from './condition.js';
import type { Indicator, PathwayStage } from './hip-facts.js';
import type { SuggestionCode } from './suggestion-codes.js';

/** One row of a contract table: self-contained, the stages it applies in included. */
export interface GuidelineRule {
  readonly code: SuggestionCode;
  readonly indicator: Indicator;
  readonly stages: readonly PathwayStage[];
  readonly condition: Condition;
  readonly citations: readonly CitationId[];
}
