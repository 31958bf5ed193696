import type { Condition, NumericOperand } from './condition.js';
import type { StatementVocabulary } from '../texts/locale-texts.js';

/** States a condition tree in words, with the contract's fact names, derived facts by name. */
export function stateCondition(condition: Condition, words: StatementVocabulary): string {
  switch (condition.kind) {
    case 'isTrue':
      return condition.fact;
    case 'derived':
      return condition.name;
    case 'compare':
      return `${stateOperand(condition.operand)} ${condition.operator} ${condition.threshold}`;
    case 'contains':
      return words.inList(condition.item, condition.list);
    case 'nonEmpty':
      return words.any(condition.list);
    case 'noneRecorded':
      return words.noneRecorded(condition.list);
    case 'isUnknown':
      return words.unknown(condition.fact);
    case 'not':
      return stateNegation(condition.operand, words);
    case 'isNotTrue':
      return words.isNotTrue(stateOperandOf(condition.operand, words));
    case 'and':
    case 'or':
      return condition.operands.map((operand) => stateOperandOf(operand, words)).join(` ${condition.kind === 'and' ? words.and : words.or} `);
  }
}

function stateNegation(operand: Condition, words: StatementVocabulary): string {
  switch (operand.kind) {
    case 'isTrue':
    case 'derived':
      return words.isFalse(stateCondition(operand, words));
    case 'contains':
      return words.notInList(operand.item, operand.list);
    case 'nonEmpty':
      return words.none(operand.list);
    default:
      return words.not(stateCondition(operand, words));
  }
}

/** A compound operand is bracketed so that "and" and "or" never need precedence rules. */
function stateOperandOf(operand: Condition, words: StatementVocabulary): string {
  const statement = stateCondition(operand, words);
  return operand.kind === 'and' || operand.kind === 'or' ? `(${statement})` : statement;
}

function stateOperand(operand: NumericOperand): string {
  return typeof operand === 'string' ? operand : `${operand.minuend} - ${operand.subtrahend}`;
}
