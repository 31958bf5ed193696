/**
 * Kleene three-valued logic, as the contract reads conditions: `undefined` is unknown.
 * Every condition of the rule set is combined with these functions only.
 */
export type Truth = boolean | undefined;

export function and3(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

export function or3(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === undefined || b === undefined ? undefined : false;
}

export function not3(a: Truth): Truth {
  return a === undefined ? undefined : !a;
}

/** "is not true": false or unknown. Always known. */
export function isNotTrue(a: Truth): boolean {
  return a !== true;
}

export function isUnknown(value: unknown): boolean {
  return value === undefined;
}

export type ComparisonOperator = '<' | '<=' | '>=' | '>';

export function compare(value: number | undefined, operator: ComparisonOperator, threshold: number): Truth {
  if (value === undefined) return undefined;
  switch (operator) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
  }
}

/** `a - b`, unknown when either is. */
export function difference(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

/** "X in list": unknown when the list is absent; `[]` is known empty. */
export function contains<T>(list: readonly T[] | undefined, item: T): Truth {
  return list === undefined ? undefined : list.includes(item);
}

/** "any X": a known non-empty list. "no X" is `not3(nonEmpty(list))`, which needs a known empty list. */
export function nonEmpty(list: readonly unknown[] | undefined): Truth {
  return list === undefined ? undefined : list.length > 0;
}
