import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Environment } from '../config/environment.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Reuses a well-formed X-Request-Id from the caller (an EHR, a proxy), or makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Structured JSON logs with the request id. Requests are logged by method, path and status only:
 * no query string, headers or bodies, which may carry tokens or patient data.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Environment],
      useFactory: (environment: Environment) => ({
        pinoHttp: {
          level: environment.LOG_LEVEL,
          genReqId: (request: IncomingMessage & { id?: unknown }) => (typeof request.id === 'string' ? request.id : requestIdOf(request)),
          serializers: {
            req: (request: { id: unknown; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              path: request.url.split('?')[0],
            }),
            res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
