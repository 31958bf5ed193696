import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { IsIn, IsObject, IsOptional } from 'class-validator';
import { InputValidationException } from './errors/api.exception.js';
import { createValidationPipe } from './validation.pipe.js';

class Call {
  @IsIn(['patient-view']) hook!: string;
  @IsOptional() @IsObject() prefetch?: Record<string, unknown>;
}

const BODY = { type: 'body', metatype: Call } as const;

/** `depth` arrays, one inside the other, built without recursion (a JSON body can be any depth). */
function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

async function refusal(value: unknown): Promise<InputValidationException> {
  const error = await createValidationPipe()
    .transform(value, BODY)
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  expect(error).toBeInstanceOf(InputValidationException);
  return error as InputValidationException;
}

describe('the global validation pipe', () => {
  it('refuses a list where an object is expected, naming the body', async () => {
    expect((await refusal([{ hook: 'patient-view' }])).fields).toEqual(['body']);
    expect((await refusal([])).message).toBe('Invalid value for field body: a JSON object');
  });

  it('refuses a body nested deeper than 64 levels before anything walks it by recursion', async () => {
    const refused = await refusal({ hook: 'patient-view', prefetch: { patient: nested(100_000) } });
    expect(refused.message).toBe('Invalid value for field body: at most 64 levels of nesting');
  });

  it('takes a body nested 64 levels deep', async () => {
    const call = { hook: 'patient-view', prefetch: { patient: nested(62) } };
    await expect(createValidationPipe().transform(call, BODY)).resolves.toEqual(call);
  });

  it('refuses control characters in what a client sends: a body (GraphQL arguments come as one), a query, path parameters', async () => {
    for (const type of ['body', 'query', 'param'] as const) {
      await expect(createValidationPipe().transform({ note: 'a\u0000b' }, { type, metatype: Object })).rejects.toBeInstanceOf(
        InputValidationException,
      );
    }
  });

  it("leaves the service's own values alone: a field resolver's parent, the request context, the user (Nest's 'custom' parameters)", async () => {
    const parent = { note: 'a\u0000b' };
    await expect(createValidationPipe().transform(parent, { type: 'custom', metatype: Object })).resolves.toBe(parent);
  });
});
