import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino, type Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Reuses a well-formed X-Request-Id from the caller (an EHR, a proxy), or makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * The one JSON logger: Fastify logs each request through it with its request id (`reqId`), and
 * Nest logs through it too. Requests are logged by method, path and status only: no query string,
 * headers or bodies, which may carry tokens or patient data.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, path: request.url.split('?')[0] }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  });
}

@Module({})
export class LoggingModule {
  static register(logger: Logger): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot({ useExisting: true, pinoHttp: { logger } })] };
  }
}
