import { describe, expect, it } from '@jest/globals';
import { Prisma } from '../generated/prisma/client.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

const prismaError = (code: string, cause?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: '7', meta: cause ? { driverAdapterError: { cause } } : {} });
const socketError = (code: string) => Object.assign(new Error('connect failed'), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a server that cannot be reached (P1001)', prismaError('P1001')],
    ['a raw query on an unreachable server', prismaError('P2010', { kind: 'DatabaseNotReachable' })],
    ['a statement timeout (57014)', prismaError('P2010', { kind: 'postgres', code: '57014' })],
    ['a server shutting down (57P01)', prismaError('P2010', { kind: 'postgres', code: '57P01' })],
    ['a transaction that could not start in time (P2028)', prismaError('P2028')],
    ['a pool that could not open a connection in time', new Error('Connection terminated due to connection timeout')],
    ['a refused socket, as the cause', new Error('query failed', { cause: socketError('ECONNREFUSED') })],
  ])('is true for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (P2002)', prismaError('P2002')],
    ['a syntax error (42601)', prismaError('P2010', { kind: 'postgres', code: '42601' })],
    ['a plain error', new TypeError('undefined is not a function')],
    ['a value that is not an error', 'Connection terminated'],
  ])('is false for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
