import { Module, type DynamicModule } from '@nestjs/common';
import type { Environment } from '../config/environment.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { ApiMetrics } from './api-metrics.js';
import { MetricsAccessGuard } from './metrics-access.guard.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';

/** Metrics are collected and served only when someone may read them: with METRICS_TOKEN or METRICS_ALLOWED_ADDRESSES. */
export function metricsExposed(environment: Pick<Environment, 'METRICS_TOKEN' | 'METRICS_ALLOWED_ADDRESSES'>): boolean {
  return environment.METRICS_TOKEN !== undefined || environment.METRICS_ALLOWED_ADDRESSES !== undefined;
}

@Module({})
export class MetricsModule {
  /**
   * ApiMetrics for every module (the error filter counts into it); without exposure there is no
   * `/metrics` route at all (404 like any unknown path), and nothing per request or per query is timed.
   */
  static register(environment: Environment): DynamicModule {
    const exposed = metricsExposed(environment);
    return {
      module: MetricsModule,
      global: true,
      imports: exposed ? [PathwaysModule] : [],
      controllers: exposed ? [MetricsController] : [],
      providers: [ApiMetrics, ...(exposed ? [MetricsService, MetricsAccessGuard] : [])],
      exports: [ApiMetrics],
    };
  }
}
