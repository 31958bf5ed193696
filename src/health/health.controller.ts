import { Controller, Get } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/roles.decorator.js';
import { PrismaService } from '../database/prisma.service.js';
import { NOT_RATE_LIMITED } from '../rate-limit/rate-limit.js';

/** A database that does not answer within this is reported down: load balancers and orchestrators expect an answer within 2 s. */
const READINESS_TIMEOUT_MS = 1500;

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly prisma: PrismaService,
  ) {}

  /** The process is up. */
  @Get('live')
  @Public()
  @RouteConfig(NOT_RATE_LIMITED)
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** The database answers; says which one is in use (postgresql or pglite). */
  @Get('ready')
  @Public()
  @RouteConfig(NOT_RATE_LIMITED)
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('database');
        const details = { kind: this.prisma.databaseKind };
        try {
          await withTimeout(this.prisma.$queryRaw`SELECT 1`, READINESS_TIMEOUT_MS);
          return indicator.up(details);
        } catch {
          return indicator.down(details);
        }
      },
    ]);
  }
}

function withTimeout<Value>(work: PromiseLike<Value>, ms: number): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
