import { Injectable } from '@nestjs/common';
import type { HipFacts, Locale } from '../contract/vocabulary.js';
import { evaluate, listDerivedFacts, listRules, type Suggestion } from './domain/engine/rule-engine.js';
import type { FactValue } from './domain/engine/explanation.js';
import type { HipFactsModel } from './models/hip-facts.model.js';
import type { DerivedFactModel, GuidelineEvaluationModel, GuidelineRuleModel, SuggestionModel } from './models/guideline-evaluation.model.js';

/** The shell around the pure engine: GraphQL shapes in, GraphQL shapes out. */
@Injectable()
export class GuidelineService {
  evaluate(facts: HipFacts, locale: Locale): GuidelineEvaluationModel {
    const evaluation = evaluate(facts, { locale });
    const { ruleSetVersion } = evaluation;
    return { ruleSetVersion, suggestions: evaluation.suggestions.map((suggestion) => toSuggestionModel(suggestion, ruleSetVersion)) };
  }

  rules(locale: Locale): GuidelineRuleModel[] {
    return listRules(locale).map((rule) => ({ ...rule, stages: [...rule.stages], citations: [...rule.citations] }));
  }

  derivedFacts(locale: Locale): DerivedFactModel[] {
    return listDerivedFacts(locale);
  }
}

/** GraphQL may send explicit nulls; to the engine an unknown fact is an absent one. */
export function toHipFacts(input: HipFactsModel): HipFacts {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)) as unknown as HipFacts;
}

function toSuggestionModel(suggestion: Suggestion, ruleSetVersion: string): SuggestionModel {
  const { explanation } = suggestion;
  return {
    code: suggestion.code,
    ruleSetVersion,
    indicator: suggestion.indicator,
    title: suggestion.title,
    detail: suggestion.detail,
    citations: [...suggestion.citations],
    explanation: {
      text: explanation.text,
      facts: explanation.facts.map(({ name, value }) => ({ name, value: displayValue(value) })),
      derivedFacts: explanation.derivedFacts.map(({ name, value }) => ({ name, value: String(value) })),
    },
  };
}

function displayValue(value: FactValue): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}
