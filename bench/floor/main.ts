/**
 * The floor app of `npm run bench:compare` (see floor.module.ts), started by the bench as its own
 * process in production mode. Settings: PORT, and SIDEBAR_ANSWER_FILE (the JSON `patientByIdentifier`
 * of a sidebar answer, which it serves).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { FloorModule, type FloorPatient } from './floor.module.js';

async function bootstrap(): Promise<void> {
  const answer = JSON.parse(readFileSync(process.env.SIDEBAR_ANSWER_FILE!, 'utf8')) as FloorPatient;
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule.register(answer), new FastifyAdapter(), { logger: ['error'] });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

bootstrap().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
