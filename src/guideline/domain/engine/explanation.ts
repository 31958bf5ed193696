import { compileCondition, type CompiledCondition, type EvaluationContext } from './condition-evaluator.js';
import type { Condition, DerivedFact, DerivedFactName } from './condition.js';
import type { HipFactName, HipFacts, Locale } from '../../../contract/vocabulary.js';
import { TEXTS, type ExplanationVocabulary } from '../texts/locale-texts.js';
import type { Truth } from './three-valued-logic.js';

export type FactValue = boolean | number | string | readonly string[];

export interface ExplainedFact {
  readonly name: HipFactName;
  /** The string `'unknown'` when the fact is absent. */
  readonly value: FactValue;
}

export interface ExplainedDerivedFact {
  readonly name: DerivedFactName;
  readonly value: boolean | 'unknown';
}

/** Why a suggestion fired: every fact and derived fact its rule reads, with its value. */
export interface Explanation {
  readonly facts: readonly ExplainedFact[];
  readonly derivedFacts: readonly ExplainedDerivedFact[];
  /** The rule's statement and the values, in the requested locale. */
  readonly text: string;
}

export type Explainer = (context: EvaluationContext, locale: Locale) => Explanation;

/**
 * The facts and derived facts a condition reads, each once in order of first use, including
 * those read through derived facts. The stage comes first: it selects the rules.
 */
function referencedFacts(condition: Condition): {
  facts: readonly HipFactName[];
  derivedFacts: readonly DerivedFact[];
} {
  const facts = new Set<HipFactName>(['stage']);
  const derivedFacts = new Set<DerivedFact>();
  const visit = (node: Condition): void => {
    switch (node.kind) {
      case 'isTrue':
      case 'isUnknown':
        facts.add(node.fact);
        return;
      case 'compare':
        if (typeof node.operand === 'string') facts.add(node.operand);
        else facts.add(node.operand.minuend).add(node.operand.subtrahend);
        return;
      case 'contains':
      case 'nonEmpty':
      case 'noneRecorded':
        facts.add(node.list);
        return;
      case 'not':
      case 'isNotTrue':
        visit(node.operand);
        return;
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        return;
      case 'derived':
        derivedFacts.add(node);
        visit(node.condition);
        return;
    }
  };
  visit(condition);
  return { facts: [...facts], derivedFacts: [...derivedFacts] };
}

/** Builds, once per rule, the function that explains the rule for one evaluation. */
export function compileExplainer(condition: Condition, statements: Readonly<Record<Locale, string>>): Explainer {
  const { facts, derivedFacts } = referencedFacts(condition);
  const derived: readonly { name: DerivedFactName; value: CompiledCondition }[] = derivedFacts.map((fact) => ({
    name: fact.name,
    value: compileCondition(fact),
  }));
  return (context, locale) => {
    const texts = TEXTS[locale];
    const derivedValues = derived.map(({ value }) => value(context));
    const values = [
      ...facts.map((name) => `${texts.factLabels[name]} = ${formatFact(context.facts[name], texts.explanation)}`),
      ...derived.map(({ name }, i) => `${texts.derivedFactLabels[name]}: ${formatTruth(derivedValues[i], texts.explanation)}`),
    ].join('; ');
    return {
      facts: facts.map((name): ExplainedFact => ({ name, value: context.facts[name] ?? 'unknown' })),
      derivedFacts: derived.map(({ name }, i): ExplainedDerivedFact => ({ name, value: derivedValues[i] ?? 'unknown' })),
      text: texts.explanation.sentence(statements[locale], values),
    };
  };
}

function formatFact(value: HipFacts[HipFactName], words: ExplanationVocabulary): string {
  if (value === undefined) return words.unknown;
  if (typeof value === 'boolean') return formatTruth(value, words);
  if (typeof value === 'object') return value.length === 0 ? words.none : value.join(', ');
  return String(value);
}

function formatTruth(value: Truth, words: ExplanationVocabulary): string {
  return value === undefined ? words.unknown : value ? words.yes : words.no;
}
