import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Registry } from 'prom-client';
import { Public } from '../auth/roles.decorator.js';
import { NOT_RATE_LIMITED } from '../rate-limit/rate-limit.js';
import { MetricsAccessGuard } from './metrics-access.guard.js';
import { MetricsService } from './metrics.service.js';

/** Prometheus's scrape target; registered only when METRICS_TOKEN or METRICS_ALLOWED_ADDRESSES is set. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Public()
  @UseGuards(MetricsAccessGuard)
  @RouteConfig(NOT_RATE_LIMITED)
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
