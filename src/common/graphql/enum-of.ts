import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum from one of the contract's value lists, spelled exactly as the contract. */
export function enumOf<Value extends string>(values: readonly Value[], name: string, description?: string): Record<Value, Value> {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as Record<Value, Value>;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
