import 'reflect-metadata';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { Environment } from './config/environment.js';
import { createLogger, requestIdOf } from './logging/logging.module.js';

/** Builds the application as `main.ts` and the end-to-end tests run it. */
export async function createApp(environment: Environment): Promise<NestFastifyApplication> {
  const logger = createLogger(environment.LOG_LEVEL);
  const adapter = new FastifyAdapter({ loggerInstance: logger, genReqId: requestIdOf, requestIdHeader: false, bodyLimit: 1_048_576 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(environment, logger), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
