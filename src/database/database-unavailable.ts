import { ApiErrorCode } from '../common/errors/api-error-code.js';
import { ApiException } from '../common/errors/api.exception.js';
import { Prisma } from '../generated/prisma/client.js';

/** What a client is answered when the database is unavailable: retryable; nothing was done. */
export class DatabaseUnavailableException extends ApiException<'DATABASE_UNAVAILABLE'> {
  readonly apiCode = ApiErrorCode.SERVICE_UNAVAILABLE;

  constructor() {
    super('DATABASE_UNAVAILABLE', 'The database is not available at the moment; nothing was done, and the request may be retried');
  }
}

/** `error` as the client should see it: a DatabaseUnavailableException when the database is unavailable, else unchanged. */
export function asDatabaseUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? new DatabaseUnavailableException() : error;
}

/** Prisma's codes for a database it cannot reach, that timed out, or that closed the connection. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
/** The driver adapters' kinds of the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'SocketTimeout',
  'ConnectionClosed',
  'TooManyConnections',
  'TransactionAlreadyClosed',
]);
/**
 * PostgreSQL's SQLSTATEs of an outage: connection exceptions (08), statement or idle-transaction
 * timeouts (57014, 25P03), a server shutting down or starting (57P01-57P03), too many connections (53300).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57014|25P03|57P0[1-3]|53300)$/;
/** node-postgres's own errors for a connection that could not be opened or stopped answering. */
const UNAVAILABLE_DRIVER_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout)/;
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

interface AdapterErrorCause {
  kind?: string;
  code?: string;
}

/**
 * True when `error` says the database is down, unreachable or too slow, not that the request was
 * wrong: the request may succeed if retried (SERVICE_UNAVAILABLE), and nothing was committed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof Prisma.PrismaClientKnownRequestError) {
      if (UNAVAILABLE_PRISMA_CODES.has(current.code)) return true;
      const cause = (current.meta?.driverAdapterError as { cause?: AdapterErrorCause } | undefined)?.cause;
      if (cause?.kind && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
      if (cause?.kind === 'postgres' && cause.code && UNAVAILABLE_SQLSTATE.test(cause.code)) return true;
    }
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    if (UNAVAILABLE_DRIVER_MESSAGE.test(current.message)) return true;
    // A socket's errno, or the SQLSTATE of a statement sent straight to the driver (PrismaService.queryDirect).
    const { code } = current as NodeJS.ErrnoException;
    if (code !== undefined && (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  }
  return false;
}
