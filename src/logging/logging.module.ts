import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Reuses a well-formed X-Request-Id from the caller (an EHR, a proxy), or makes one. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

export interface LoggerOptions {
  /** `development` prints human-readable lines (pino-pretty); anything else prints JSON. */
  nodeEnvironment?: string;
  /** Where lines go; standard output unless given (tests capture it). */
  destination?: DestinationStream;
}

/**
 * The one logger: Fastify logs each request through it with its request id (`reqId`), and Nest
 * logs through it too. Requests are logged by method, path and status only: no query string,
 * headers or bodies, which may carry tokens or patient data. JSON in test and production; in
 * development the same records are printed as readable lines, written synchronously so that no
 * line is lost when the process exits.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const settings = {
    level,
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, path: request.url.split('?')[0] }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
  if (options.nodeEnvironment === 'development') {
    const stream = pretty({
      sync: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      ...(options.destination ? { destination: options.destination, colorize: false } : {}),
    });
    return pino(settings, stream);
  }
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

@Module({})
export class LoggingModule {
  static register(logger: Logger): DynamicModule {
    return { module: LoggingModule, imports: [LoggerModule.forRoot({ useExisting: true, pinoHttp: { logger } })] };
  }
}
