/**
 * Rule conditions as data: a small expression tree over the facts. The same tree is
 * evaluated (condition-evaluator.ts), stated in words (condition-statement.ts) and explained
 * (explanation.ts), so what a rule does and what it says it does cannot drift apart.
 */
import type { HipFactName, HipFacts, NUMERIC_FACT_RANGES } from '../../../contract/vocabulary.js';
import type { ComparisonOperator } from './three-valued-logic.js';

export type BooleanFactName = {
  [K in keyof HipFacts]-?: HipFacts[K] extends boolean | undefined ? K : never;
}[keyof HipFacts];
export type NumericFactName = keyof typeof NUMERIC_FACT_RANGES;
export type ListFactName = {
  [K in keyof HipFacts]-?: NonNullable<HipFacts[K]> extends readonly unknown[] ? K : never;
}[keyof HipFacts];
export type ListItem<L extends ListFactName> = NonNullable<HipFacts[L]>[number];

export const DERIVED_FACT_NAMES = ['typicalPresentation', 'atypical', 'coreTreatmentGiven', 'referralRule'] as const;
export type DerivedFactName = (typeof DERIVED_FACT_NAMES)[number];

export type NumericOperand = NumericFactName | Difference;
export interface Difference {
  readonly minuend: NumericFactName;
  readonly subtrahend: NumericFactName;
}

export interface DerivedFact {
  readonly kind: 'derived';
  readonly name: DerivedFactName;
  readonly condition: Condition;
}

export type Condition =
  | { readonly kind: 'isTrue'; readonly fact: BooleanFactName }
  | {
      readonly kind: 'compare';
      readonly operand: NumericOperand;
      readonly operator: ComparisonOperator;
      readonly threshold: number;
    }
  | { readonly kind: 'contains'; readonly list: ListFactName; readonly item: string }
  | { readonly kind: 'nonEmpty'; readonly list: ListFactName }
  /** Absent or empty: a two-valued prompt condition ("no red flag is recorded" in SCREEN_RED_FLAGS). */
  | { readonly kind: 'noneRecorded'; readonly list: ListFactName }
  | { readonly kind: 'isUnknown'; readonly fact: Exclude<HipFactName, 'stage'> }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'isNotTrue'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] }
  | DerivedFact;

export const isTrue = (fact: BooleanFactName): Condition => ({ kind: 'isTrue', fact });
export const not = (operand: Condition): Condition => ({ kind: 'not', operand });
export const isFalse = (fact: BooleanFactName): Condition => not(isTrue(fact));
/** "is not true": false or unknown. */
export const notTrue = (operand: BooleanFactName | Condition): Condition => ({
  kind: 'isNotTrue',
  operand: typeof operand === 'string' ? isTrue(operand) : operand,
});

export const and = (...operands: Condition[]): Condition => ({ kind: 'and', operands });
export const or = (...operands: Condition[]): Condition => ({ kind: 'or', operands });

const comparison =
  (operator: ComparisonOperator) =>
  (operand: NumericOperand, threshold: number): Condition => ({ kind: 'compare', operand, operator, threshold });
export const lt = comparison('<');
export const lte = comparison('<=');
export const gte = comparison('>=');
export const gt = comparison('>');
export const minus = (minuend: NumericFactName, subtrahend: NumericFactName): Difference => ({ minuend, subtrahend });

export const inList = <L extends ListFactName>(list: L, item: ListItem<L>): Condition => ({
  kind: 'contains',
  list,
  item,
});
export const notInList = <L extends ListFactName>(list: L, item: ListItem<L>): Condition => not(inList(list, item));
/** "any X": a known, non-empty list. */
export const anyIn = (list: ListFactName): Condition => ({ kind: 'nonEmpty', list });
/** "no X": a known, empty list. */
export const noneIn = (list: ListFactName): Condition => not(anyIn(list));
export const noneRecorded = (list: ListFactName): Condition => ({ kind: 'noneRecorded', list });

export const unknown = (fact: Exclude<HipFactName, 'stage'>): Condition => ({ kind: 'isUnknown', fact });

export const derived = (name: DerivedFactName, condition: Condition): DerivedFact => ({
  kind: 'derived',
  name,
  condition,
});
