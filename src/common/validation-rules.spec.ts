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
import { invalidFields, isIdentifierSystem, isIdentifierValue } from './validation-rules.js';

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
    ["a field of no input, by its parent: its name is the client's", { shoeSize: 'SECRET-VALUE' }, 'input', 'only the fields defined for it'],
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

  it('names fields of no input once, by their parent, at every depth', async () => {
    const invalid = await rulesFor({ SECRET_A: 1, SECRET_B: 2, facts: { score: 1, SECRET_C: 3 } });
    expect(invalid).toEqual([
      { field: 'input', rule: 'only the fields defined for it' },
      { field: 'input.facts', rule: 'only the fields defined for it' },
    ]);
  });

  it("names a field of no input in an unnamed argument (URL parameters) by the argument's kind", async () => {
    const errors = await validate(plainToInstance(Sample, { SECRET_A: 1 }), {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: true },
    });
    expect(invalidFields(errors, '', 'query')).toEqual([{ field: 'query', rule: 'only the fields defined for it' }]);
  });
});

describe('identifiers', () => {
  it.each([
    ['urn:oid:2.16.840.1.113883.2.4.6.3', true],
    ['urn:oid:0.1', true],
    ['urn:oid:1', false],
    ['urn:oid:3.1', false],
    ['urn:oid:1.02', false],
    ['urn:oid:1..2', false],
    ['URN:OID:1.2', false],
    ['urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e', true],
    ['urn:uuid:0F8FAD5B-D9CB-469F-A165-70867728950E', false],
    ['urn:uuid:0f8fad5b-d9cb-469f-a165', false],
    ['https://fhir.example.be/NamingSystem/patient-id', true],
    ['http://hl7.org/fhir/sid/us-ssn', true],
    ['https://localhost:8443/ids?kind=ehr', true],
    ['HTTPS://example.be/ids', false],
    ['https://', false],
    ['https:///ids', false],
    ['https://user:secret@example.be/ids', false],
    ['https://example.be/patient ids', false],
    ['https://example.be/\u202Eids', false],
    ['ftp://example.be/ids', false],
    ['urn:heupartrose:ids', false],
    ['ehr-ids', false],
    ['', false],
    [`https://example.be/${'x'.repeat(181)}`, true],
    [`https://example.be/${'x'.repeat(182)}`, false],
    [42, false],
  ])('an identifier system %p is %p', (system, valid) => {
    expect(isIdentifierSystem(system)).toBe(valid);
  });

  it.each([
    ['123456', true],
    ['P-123/45.6', true],
    ['Ünïcødé 12', true],
    ['a', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['', false],
    [' 123', false],
    ['123 ', false],
    ['123\u202E456', false],
    ['123\u202A456', false],
    ['123\u2066456\u2069', false],
    ['123\u200F456', false],
    ['123\u061C456', false],
    ['123\u200B456', false],
    ['123\uFEFF456', false],
    ['123\u00AD456', false],
    ['123\u00A0456', false],
    ['123\t456', false],
    ['123\n456', false],
    ['123\u0000456', false],
    ['123\uE000456', false],
    ['123\uD800456', false],
    [123456, false],
  ])('an identifier value %p is %p', (value, valid) => {
    expect(isIdentifierValue(value)).toBe(valid);
  });
});
