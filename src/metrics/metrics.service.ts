import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge } from 'prom-client';
import { AccessLogService } from '../audit/access-log/access-log.service.js';
import { PrismaService } from '../database/prisma.service.js';
import { SuggestionImpressionsService } from '../pathways/suggestion-impressions.service.js';
import { ApiMetrics } from './api-metrics.js';

/**
 * What `/metrics` serves: the API's instruments, the process's defaults (CPU, memory, event loop,
 * garbage collection), the SQL statements' durations, and, read at each scrape, the depth of the
 * read path's buffers and PostgreSQL's connection pool (PGlite has none).
 */
@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: ApiMetrics,
    prisma: PrismaService,
    accessLog: AccessLogService,
    impressions: SuggestionImpressionsService,
  ) {
    const registers = [metrics.registry];
    collectDefaultMetrics({ register: metrics.registry });
    prisma.queryTimer.listen((seconds) => metrics.observeQuery(seconds));
    // Gauges join the registry as they are made, and read their source at each scrape.
    new Gauge({
      name: 'batch_buffer_pending_entries',
      help: 'Entries of the read path kept in memory and not yet written (access_log, suggestion_impressions)',
      labelNames: ['buffer'] as const,
      registers,
      collect() {
        this.set({ buffer: 'access_log' }, accessLog.pendingCount);
        this.set({ buffer: 'suggestion_impressions' }, impressions.pendingCount);
      },
    });
    if (!prisma.poolStatistics()) return;
    new Gauge({
      name: 'database_pool_clients',
      help: 'PostgreSQL connection pool: clients open (total), idle, and requests waiting for one (waiting)',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const { total, idle, waiting } = prisma.poolStatistics()!;
        this.set({ state: 'total' }, total);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'waiting' }, waiting);
      },
    });
  }

  /** The text exposition format. */
  render(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
