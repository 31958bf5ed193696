import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { asDatabaseUnavailable } from '../database/database-unavailable.js';
import { ApiMetrics } from '../metrics/api-metrics.js';
import { ApiErrorCode } from './errors/api-error-code.js';
import { isApiException } from './errors/api.exception.js';
import { loggableError } from './errors/loggable-error.js';

const HTTP_STATUS: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DEVIATION_REASON_REQUIRED: 422,
  PRECONDITION_FAILED: 412,
  SERVICE_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** Seconds a client is asked to wait before retrying after a database outage. */
const RETRY_AFTER_SECONDS = 2;

/**
 * REST errors: a code, a message and the correlation id, never a stack. GraphQL errors pass
 * through to the GraphQL error formatter.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  constructor(private readonly metrics: ApiMetrics) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException && exception.getStatus() === 503) {
      // Readiness probes report which check failed (no patient data in it).
      return reply.status(503).send(exception.getResponse());
    }
    if (clientWentAway(exception, request)) {
      return reply.status(400).send({ code: ApiErrorCode.BAD_USER_INPUT, message: 'The request was not received whole', correlationId: request.id });
    }
    const { status, ...body } = describe(asDatabaseUnavailable(exception));
    this.metrics.countError('http', body.code);
    if (body.code === ApiErrorCode.INTERNAL_SERVER_ERROR) request.log.error(loggableError(exception), 'Unexpected error');
    if (body.code === ApiErrorCode.SERVICE_UNAVAILABLE) {
      request.log.warn(loggableError(exception), 'Database unavailable');
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    return reply.status(status).send({ ...body, correlationId: request.id });
  }
}

/** Node's error for a request whose client closed the connection before its body was read: an ECONNRESET, as a database's would be. */
function clientWentAway(exception: unknown, request: FastifyRequest): boolean {
  return (exception as NodeJS.ErrnoException | undefined)?.code === 'ECONNRESET' && request.raw.socket.destroyed;
}

function describe(exception: unknown): { code: ApiErrorCode; reason?: string; field?: string; message: string; status: number } {
  if (isApiException(exception)) {
    const { apiCode: code, reason, field, message } = exception;
    return { code, reason, ...(field !== undefined && { field }), message, status: HTTP_STATUS[code] };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code =
      status === 401
        ? ApiErrorCode.UNAUTHENTICATED
        : status === 403
          ? ApiErrorCode.FORBIDDEN
          : status === 404
            ? ApiErrorCode.NOT_FOUND
            : status < 500
              ? ApiErrorCode.BAD_USER_INPUT
              : ApiErrorCode.INTERNAL_SERVER_ERROR;
    const message = status < 500 ? 'The request is not valid' : 'Internal error';
    return { code, message, status };
  }
  return { code: ApiErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal error', status: 500 };
}
