import type { Condition, DerivedFact, DerivedFactName, NumericOperand } from './condition.js';
import type { HipFacts } from '../../../contract/vocabulary.js';
import { and3, compare, contains, difference, isNotTrue, isUnknown, nonEmpty, not3, or3, type Truth } from './three-valued-logic.js';

/** One evaluation of one fact set: derived facts are computed at most once in it. */
export interface EvaluationContext {
  readonly facts: HipFacts;
  readonly derivedValues: Map<DerivedFactName, Truth>;
}

export type CompiledCondition = (context: EvaluationContext) => Truth;

export function newContext(facts: HipFacts): EvaluationContext {
  return { facts, derivedValues: new Map() };
}

const compiledDerivedFacts = new WeakMap<DerivedFact, CompiledCondition>();

/** Compiles a condition tree to a closure once, so evaluation does not walk the tree. */
export function compileCondition(condition: Condition): CompiledCondition {
  switch (condition.kind) {
    case 'isTrue': {
      const { fact } = condition;
      return (context) => context.facts[fact];
    }
    case 'compare': {
      const read = compileOperand(condition.operand);
      const { operator, threshold } = condition;
      return (context) => compare(read(context.facts), operator, threshold);
    }
    case 'contains': {
      const { list, item } = condition;
      return (context) => contains<string>(context.facts[list], item);
    }
    case 'nonEmpty': {
      const { list } = condition;
      return (context) => nonEmpty(context.facts[list]);
    }
    case 'noneRecorded': {
      const { list } = condition;
      return (context) => isNotTrue(nonEmpty(context.facts[list]));
    }
    case 'isUnknown': {
      const { fact } = condition;
      return (context) => isUnknown(context.facts[fact]);
    }
    case 'not': {
      const operand = compileCondition(condition.operand);
      return (context) => not3(operand(context));
    }
    case 'isNotTrue': {
      const operand = compileCondition(condition.operand);
      return (context) => isNotTrue(operand(context));
    }
    case 'and':
    case 'or': {
      const operands = condition.operands.map(compileCondition);
      const [combine, decisive] = condition.kind === 'and' ? [and3, false] : [or3, true];
      return (context) => {
        let result: Truth = !decisive;
        for (const operand of operands) {
          result = combine(result, operand(context));
          if (result === decisive) return result;
        }
        return result;
      };
    }
    case 'derived':
      return compileDerivedFact(condition);
  }
}

function compileDerivedFact(fact: DerivedFact): CompiledCondition {
  const known = compiledDerivedFacts.get(fact);
  if (known) return known;
  const { name } = fact;
  const compute = compileCondition(fact.condition);
  const compiled: CompiledCondition = (context) => {
    const values = context.derivedValues;
    if (values.has(name)) return values.get(name);
    const value = compute(context);
    values.set(name, value);
    return value;
  };
  compiledDerivedFacts.set(fact, compiled);
  return compiled;
}

function compileOperand(operand: NumericOperand): (facts: HipFacts) => number | undefined {
  if (typeof operand === 'string') return (facts) => facts[operand];
  const { minuend, subtrahend } = operand;
  return (facts) => difference(facts[minuend], facts[subtrahend]);
}
