import type { DerivedFactName } from '../engine/condition.js';
import { EN_TEXTS } from './en.texts.js';
import type { HipFactName, Locale, PathwayStage } from '../../../contract/vocabulary.js';
import { NL_TEXTS } from './nl.texts.js';
import type { SuggestionCode } from '../rules/suggestion-codes.js';

export interface SuggestionText {
  /** Under 140 characters. */
  readonly title: string;
  /** One detail, or one per stage for a code that appears in several stage tables. */
  readonly detail: string | Readonly<Partial<Record<PathwayStage, string>>>;
}

/** Words used to state a condition; fact names stay as in the contract. */
export interface StatementVocabulary {
  readonly and: string;
  readonly or: string;
  isFalse(subject: string): string;
  isNotTrue(subject: string): string;
  not(clause: string): string;
  inList(item: string, list: string): string;
  notInList(item: string, list: string): string;
  any(list: string): string;
  none(list: string): string;
  noneRecorded(list: string): string;
  unknown(fact: string): string;
}

export interface ExplanationVocabulary {
  readonly yes: string;
  readonly no: string;
  readonly unknown: string;
  readonly none: string;
  sentence(statement: string, values: string): string;
}

export interface LocaleTexts {
  readonly suggestions: Readonly<Record<SuggestionCode, SuggestionText>>;
  readonly factLabels: Readonly<Record<HipFactName, string>>;
  readonly derivedFactLabels: Readonly<Record<DerivedFactName, string>>;
  readonly statement: StatementVocabulary;
  readonly explanation: ExplanationVocabulary;
}

export const TEXTS: Readonly<Record<Locale, LocaleTexts>> = { EN: EN_TEXTS, NL: NL_TEXTS };
