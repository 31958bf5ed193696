import { Field, Float, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { NUMERIC_FACT_RANGES } from '../../contract/vocabulary.js';

/** GraphQL field + validation for the contract's facts, shared by the stateless query and the recording inputs. */
type RangedFact = keyof typeof NUMERIC_FACT_RANGES;

/** An optional number within the contract's range for this fact. */
export function InRange(fact: RangedFact): PropertyDecorator {
  const { min, max, integer } = NUMERIC_FACT_RANGES[fact];
  return (target, key) => {
    Field(() => (integer ? Int : Float), { nullable: true, description: `${min}–${max}` })(target, key);
    IsOptional()(target, key);
    (integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }))(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}

export function OptionalBoolean(description: string): PropertyDecorator {
  return (target, key) => {
    Field({ nullable: true, description })(target, key);
    IsOptional()(target, key);
    IsBoolean()(target, key);
  };
}

/** An optional list: absent is unknown, [] is known to be empty. */
export function OptionalList(enumType: object, values: readonly string[], description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => [enumType], { nullable: true, description: `${description} Absent: unknown; []: known to be none.` })(target, key);
    IsOptional()(target, key);
    IsIn(values, { each: true })(target, key);
    ArrayUnique()(target, key);
    ArrayMaxSize(values.length)(target, key);
  };
}
