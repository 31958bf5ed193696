import { describe, expect, it } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { ApiMetrics } from '../metrics/api-metrics.js';
import { ApiExceptionFilter } from './api-exception.filter.js';
import { ApiErrorCode } from './errors/api-error-code.js';
import { InputValidationException, moduleException } from './errors/api.exception.js';

class ThingException extends moduleException({ THING_NOT_FOUND: ApiErrorCode.NOT_FOUND }) {}

/** Runs the filter on an HTTP request (`destroyed`: its client has closed the connection) and returns the status and body it sent. */
function send(exception: unknown, destroyed = false): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const reply = {
    status(code: number) {
      sent.status = code;
      return { send: (body: unknown) => (sent.body = body) };
    },
  };
  const request = { id: 'req-1', raw: { socket: { destroyed } }, log: { error: () => undefined } };
  const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter(new ApiMetrics()).catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  it('sends the reason and field of an ApiException with its code and status', () => {
    expect(send(new ThingException('THING_NOT_FOUND', 'No thing with this id', 'thingId'))).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', reason: 'THING_NOT_FOUND', field: 'thingId', message: 'No thing with this id', correlationId: 'req-1' },
    });
  });

  it('takes a client that closed the connection while its body was read for no outage of the database (both are an ECONNRESET)', () => {
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    expect(send(aborted, true)).toEqual({
      status: 400,
      body: { code: 'BAD_USER_INPUT', message: 'The request was not received whole', correlationId: 'req-1' },
    });
  });

  it('sends INVALID_INPUT with the rule broken', () => {
    const { status, body } = send(new InputValidationException([{ field: 'limit', rule: 'a whole number between 1 and 100' }]));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      field: 'limit',
      message: 'Invalid value for field limit: a whole number between 1 and 100',
    });
  });
});
