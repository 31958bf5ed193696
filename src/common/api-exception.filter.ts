import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * REST errors: a code, a message and the correlation id, never a stack. GraphQL errors pass
 * through to the GraphQL error formatter.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException && exception.getStatus() === 503) {
      // Readiness probes report which check failed (no patient data in it).
      return reply.status(503).send(exception.getResponse());
    }
    const { status, ...body } = describe(exception);
    if (body.code === ApiErrorCode.INTERNAL_SERVER_ERROR) request.log.error(loggableError(exception), 'Unexpected error');
    return reply.status(status).send({ ...body, correlationId: request.id });
  }
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
