import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { IsIn, IsObject, IsOptional, ValidateBy } from 'class-validator';
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

  describe('remembering small flat arguments it accepted', () => {
    let checks = 0;
    /** A locale rule that counts how often it is checked. */
    class CountedLocale {
      @ValidateBy({ name: 'countedLocale', validator: { validate: (value) => (checks += 1) > 0 && ['EN', 'NL'].includes(value as string) } })
      locale!: string;
    }
    class Nested {
      @IsObject() filter!: Record<string, unknown>;
    }
    const ARGS = { type: 'body', metatype: CountedLocale } as const;

    it('checks an accepted value once, and gives each call its own copy', async () => {
      const pipe = createValidationPipe();
      checks = 0;
      const first = (await pipe.transform({ locale: 'NL' }, ARGS)) as CountedLocale;
      first.locale = 'changed by a resolver';
      const second = (await pipe.transform({ locale: 'NL' }, ARGS)) as CountedLocale;

      expect(checks).toBe(1);
      expect(second).toBeInstanceOf(CountedLocale);
      expect(second).toEqual({ locale: 'NL' });
      await pipe.transform({ locale: 'EN' }, ARGS);
      expect(checks).toBe(2);
    });

    it('refuses a refused value every time: refusals are not remembered', async () => {
      const pipe = createValidationPipe();
      checks = 0;
      await expect(pipe.transform({ locale: 'FR' }, ARGS)).rejects.toBeInstanceOf(InputValidationException);
      await expect(pipe.transform({ locale: 'FR' }, ARGS)).rejects.toBeInstanceOf(InputValidationException);
      expect(checks).toBe(2);
    });

    it('validates a nested value at every call', async () => {
      const pipe = createValidationPipe();
      const metadata = { type: 'body', metatype: Nested } as const;
      const first = (await pipe.transform({ filter: { a: 1 } }, metadata)) as Nested;
      const second = (await pipe.transform({ filter: { a: 1 } }, metadata)) as Nested;
      expect(second).toEqual(first);
      expect(second.filter).not.toBe(first.filter);
    });
  });
});
