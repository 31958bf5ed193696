import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Environment } from '../config/environment.js';
import { ApiMetrics } from './api-metrics.js';
import { metricsExposed } from './metrics.module.js';

/** The route label of a request that matched no route: its URL may hold anything. */
const UNMATCHED_ROUTE = 'unmatched';

/** Counts and times every HTTP answer by route pattern (`/cds-services/:id/feedback`, never the URL), when metrics are exposed. */
export function useRequestMetrics(app: NestFastifyApplication, environment: Environment): void {
  if (!metricsExposed(environment)) return;
  const metrics = app.get(ApiMetrics);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      metrics.recordHttpRequest(request.method, request.routeOptions.url ?? UNMATCHED_ROUTE, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
}
