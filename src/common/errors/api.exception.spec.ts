import { describe, expect, it } from '@jest/globals';
import { ApiErrorCode } from './api-error-code.js';
import { ApiException, InputValidationException, moduleException } from './api.exception.js';

const API_CODES = { THING_NOT_FOUND: ApiErrorCode.NOT_FOUND, THING_LOCKED: ApiErrorCode.CONFLICT } as const;
class ThingException extends moduleException(API_CODES) {}

describe('moduleException', () => {
  it.each([
    ['THING_NOT_FOUND', ApiErrorCode.NOT_FOUND],
    ['THING_LOCKED', ApiErrorCode.CONFLICT],
  ] as const)('answers %s with the API code of its table, %s', (reason, apiCode) => {
    const error = new ThingException(reason, 'refused', 'thingId');
    expect(error).toBeInstanceOf(ApiException);
    expect(error).toMatchObject({ reason, apiCode, field: 'thingId', message: 'refused', name: 'ThingException' });
  });
});

describe('InputValidationException', () => {
  it('states each field with the rule it breaks', () => {
    expect(new InputValidationException([{ field: 'input.side', rule: 'one of: LEFT, RIGHT' }])).toMatchObject({
      reason: 'INVALID_INPUT',
      apiCode: ApiErrorCode.BAD_USER_INPUT,
      field: 'input.side',
      fields: ['input.side'],
      message: 'Invalid value for field input.side: one of: LEFT, RIGHT',
    });
    expect(
      new InputValidationException([
        { field: 'input.a', rule: 'a UUID' },
        { field: 'input.b', rule: 'true or false' },
      ]).message,
    ).toBe('Invalid value for fields input.a: a UUID; input.b: true or false');
  });
});
