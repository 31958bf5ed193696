import 'reflect-metadata';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ValueProvider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { resolveDevelopmentSecret } from './auth/development-secret.js';
import { ApiErrorCode } from './common/errors/api-error-code.js';
import type { Environment } from './config/environment.js';
import { createLogger, requestIdOf } from './logging/logging.module.js';

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
  refuseGraphqlOverGet(app);
  return app;
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
