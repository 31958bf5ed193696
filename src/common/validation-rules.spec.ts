import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validate,
  ValidateNested,
} from 'class-validator';
import { invalidFields } from './validation-rules.js';

class Facts {
  @IsOptional() @IsInt() @Min(0) @Max(48) score?: number;
}

class Sample {
  @IsOptional() @IsIn(['LEFT', 'RIGHT']) side?: string;
  @IsOptional() @IsIn(['A', 'B'], { each: true }) @ArrayUnique() flags?: string[];
  @IsOptional() @IsNumber() @Min(10) @Max(80) bmi?: number;
  @IsOptional() @IsInt() @Min(1) first?: number;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) reason?: string;
  @IsOptional() @IsString() @Length(1, 100) value?: string;
  @IsOptional() @Matches(/^[a-z]{8}$/, { message: '8 letters a-z' }) key?: string;
  @IsOptional() @IsUUID() id?: string;
  @IsOptional() @IsBoolean() flag?: boolean;
  @IsOptional() @ValidateNested() @Type(() => Facts) facts?: Facts;
}

async function rulesFor(input: Record<string, unknown>) {
  const errors = await validate(plainToInstance(Sample, input), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true, value: false },
  });
  return invalidFields(errors, 'input');
}

describe('invalidFields', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['a value outside its vocabulary', { side: 'BOTH' }, 'input.side', 'one of: LEFT, RIGHT'],
    ['a list item outside its vocabulary', { flags: ['C'] }, 'input.flags', 'a list of: A, B'],
    ['a list with repeats', { flags: ['A', 'A'] }, 'input.flags', 'a list without repeats'],
    ['a number below its range', { bmi: 9 }, 'input.bmi', 'a number between 10 and 80'],
    ['a whole number with only a lower bound', { first: 0 }, 'input.first', 'a whole number of at least 1'],
    ['empty text', { reason: '' }, 'input.reason', 'text of 1 to 2000 characters'],
    ['text too long for its length', { value: 'x'.repeat(101) }, 'input.value', 'text of 1 to 100 characters'],
    ['a format stated by its decorator', { key: 'SECRET-VALUE' }, 'input.key', '8 letters a-z'],
    ['a malformed UUID', { id: 'SECRET-VALUE' }, 'input.id', 'a UUID'],
    ['a boolean of another type', { flag: 'SECRET-VALUE' }, 'input.flag', 'true or false'],
    ['a field of no input', { shoeSize: 'SECRET-VALUE' }, 'input.shoeSize', 'not a field of this input'],
    ['a nested field, by its path', { facts: { score: 1.5 } }, 'input.facts.score', 'a whole number between 0 and 48'],
  ])('names %s and its rule, never the value', async (_case, input, field, rule) => {
    const invalid = await rulesFor(input);
    expect(invalid).toEqual([{ field, rule }]);
    expect(JSON.stringify(invalid)).not.toContain('SECRET');
  });

  it('names the field without a prefix for an unnamed argument', async () => {
    const errors = await validate(plainToInstance(Sample, { side: 'BOTH' }), { validationError: { target: true } });
    expect(invalidFields(errors, '')).toEqual([{ field: 'side', rule: 'one of: LEFT, RIGHT' }]);
  });
});
