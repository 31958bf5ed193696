import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { ApiErrorCode } from '../common/errors/api-error-code.js';

/** Seconds, from a cached read to a slow report. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
const API_ERROR_CODES = new Set<string>(Object.values(ApiErrorCode));

/** How an error was answered: in a GraphQL response, or as an HTTP error body (REST routes, and requests refused before GraphQL ran). */
export type ErrorChannel = 'graphql' | 'http';

/** A GraphQL operation as the metrics name it: its type and its root field, both the schema's names. */
export interface OperationLabels {
  type: string;
  operation: string;
}

/**
 * The service's Prometheus instruments, in a registry of this application's own. Every label is
 * bounded and names no one: route patterns (never URLs), the schema's field names (never operation
 * names or aliases, which clients choose), status codes and API error codes.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];
  private readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: this.registers,
  });
  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: this.registers,
  });
  private readonly graphqlOperations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations answered, by type, root field ("several" for more than one, "invalid" when refused before one was known) and outcome',
    labelNames: ['type', 'operation', 'outcome'] as const,
    registers: this.registers,
  });
  private readonly graphqlDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation, by type and root field',
    labelNames: ['type', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: this.registers,
  });
  private readonly errors = new Counter({
    name: 'api_errors_total',
    help: 'Errors answered, by channel (graphql: in a GraphQL response; http: an HTTP error body) and API error code',
    labelNames: ['channel', 'code'] as const,
    registers: this.registers,
  });
  private readonly queryDuration = new Histogram({
    name: 'database_query_duration_seconds',
    help: 'Time from sending an SQL statement to its answer, waiting for a pooled connection included',
    buckets: QUERY_BUCKETS,
    registers: this.registers,
  });

  recordHttpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status });
    this.httpDuration.observe({ method, route }, seconds);
  }

  /** An operation answered, with the `extensions.code` of each of its errors. */
  recordGraphqlOperation({ type, operation }: OperationLabels, errorCodes: readonly unknown[], seconds: number): void {
    this.graphqlOperations.inc({ type, operation, outcome: errorCodes.length === 0 ? 'success' : 'error' });
    this.graphqlDuration.observe({ type, operation }, seconds);
    for (const code of errorCodes) this.countError('graphql', code);
  }

  countError(channel: ErrorChannel, code: unknown): void {
    this.errors.inc({ channel, code: typeof code === 'string' && API_ERROR_CODES.has(code) ? code : ApiErrorCode.INTERNAL_SERVER_ERROR });
  }

  observeQuery(seconds: number): void {
    this.queryDuration.observe(seconds);
  }
}
