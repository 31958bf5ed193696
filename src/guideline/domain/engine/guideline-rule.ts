import type { CitationId } from '../rules/citations.js';
import type { Condition } from './condition.js';
import type { Indicator, PathwayStage } from '../../../contract/vocabulary.js';
import type { SuggestionCode } from '../rules/suggestion-codes.js';

/** One row of a contract table: self-contained, the stages it applies in included. */
export interface GuidelineRule {
  readonly code: SuggestionCode;
  readonly indicator: Indicator;
  readonly stages: readonly PathwayStage[];
  readonly condition: Condition;
  readonly citations: readonly CitationId[];
}
