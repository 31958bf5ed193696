import 'reflect-metadata';
import cors from '@fastify/cors';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ValueProvider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { resolveDevelopmentSecret } from './auth/development-secret.js';
import { ApiErrorCode } from './common/errors/api-error-code.js';
import { useResponseHeaders } from './common/response-headers.js';
import type { Environment } from './config/environment.js';
import { createLogger, requestIdOf } from './logging/logging.module.js';
import { useRequestMetrics } from './metrics/request-metrics.js';
import { useRateLimit } from './rate-limit/rate-limit.js';
import { useWebPages } from './web/web-pages.js';

export interface AppOptions {
  /** Replacements for shared providers, e.g. `[{ provide: Clock, useValue: fixedClock }]` in tests. */
  overrides?: ValueProvider[];
}

/** Builds the application as `main.ts` and the end-to-end tests run it. */
export async function createApp(environment: Environment, { overrides = [] }: AppOptions = {}): Promise<NestFastifyApplication> {
  await resolveDevelopmentSecret(environment);
  const logger = createLogger(environment.LOG_LEVEL, { nodeEnvironment: environment.NODE_ENV });
  const adapter = new FastifyAdapter({ loggerInstance: logger, genReqId: requestIdOf, requestIdHeader: false, bodyLimit: 1_048_576 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(environment, logger, overrides), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await useResponseHeaders(app, environment);
  await allowCorsOrigins(app, environment);
  useRequestMetrics(app, environment);
  await useRateLimit(app, environment);
  useWebPages(app, environment);
  refuseGraphqlOverGet(app);
  return app;
}

/**
 * Browser clients of the configured origins only (CORS_ALLOWED_ORIGINS: EHRs that run in a browser,
 * such as the cds-hooks sandbox): GET and POST with Authorization and Content-Type, preflights
 * answered. Without it, no CORS headers at all.
 */
async function allowCorsOrigins(app: NestFastifyApplication, environment: Environment): Promise<void> {
  if (!environment.CORS_ALLOWED_ORIGINS) return;
  await app.register(cors, {
    origin: environment.CORS_ALLOWED_ORIGINS.split(','),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
}

/**
 * GraphQL operations must be POSTed: in a GET they travel in the URL, which proxies and access
 * logs keep, patient identifiers included. (A plain GET still serves the development Sandbox.)
 */
function refuseGraphqlOverGet(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      if (request.method === 'GET' && request.url.startsWith('/graphql?')) {
        await reply
          .code(405)
          .header('allow', 'POST')
          .send({ code: ApiErrorCode.BAD_USER_INPUT, message: 'Send GraphQL operations with POST', correlationId: request.id });
      }
    });
}
