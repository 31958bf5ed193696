import { randomBytes } from 'node:crypto';
import type { ValueProvider } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory.js';
import { signDevelopmentToken } from '../../src/auth/dev-token.js';
import type { Role } from '../../src/auth/role.js';
import { Environment, loadEnvironment } from '../../src/config/environment.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; field?: string; fields?: string[]; reason?: string; correlationId?: string };
  }[];
}

export interface TestAppOptions {
  /** Environment variables on top of the test defaults. */
  env?: Record<string, string>;
  /** Changes the validated environment, e.g. to run as production without a production database. */
  adjust?: (environment: Environment) => void;
  /** Shared providers to replace, e.g. `[{ provide: Clock, useValue: new FixedClock() }]`. */
  overrides?: ValueProvider[];
}

/** The real application over HTTP on a fresh database, as end-to-end tests use it. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly environment: Environment,
    private readonly database: TestDatabase,
  ) {}

  /**
   * Tokens are signed with a random HS256 secret per app, unless `env` sets AUTH_JWKS_URL or
   * AUTH_HS256_SECRET (an empty AUTH_HS256_SECRET lets the app generate its own).
   */
  static async start({ env = {}, adjust = () => undefined, overrides = [] }: TestAppOptions = {}): Promise<TestApp> {
    const database = await createTestDatabase();
    const environment = loadEnvironment({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PGLITE_DATA_DIR: database.pgliteDataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...(env.AUTH_JWKS_URL ? {} : { AUTH_HS256_SECRET: randomSecret() }),
      // Suites send thousands of requests a minute as one user: a limit that runs (keying every request) but is never reached.
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    });
    adjust(environment);
    const app = await createApp(environment, { overrides });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return new TestApp(app, await app.getUrl(), environment, database);
  }

  get prisma(): PrismaService {
    return this.app.get(PrismaService);
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  /**
   * Stops the application as a shutdown does and starts it again on the same database; close the
   * returned app, not this one. On PGlite start with `env: { PGLITE_DATA_DIR: <a folder> }`: an
   * in-memory database ends with the application.
   */
  async restart({ overrides = [] }: Pick<TestAppOptions, 'overrides'> = {}): Promise<TestApp> {
    await this.app.close();
    const app = await createApp(this.environment, { overrides });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return new TestApp(app, await app.getUrl(), this.environment, this.database);
  }

  /** A token for these roles; an INTEGRATION token acts for dr.peeters unless told otherwise. */
  token(roles: Role | Role[], sub = 'dr.peeters', actingFor?: string): Promise<string> {
    const roleList = Array.isArray(roles) ? roles : [roles];
    const integrationDefault = roleList.includes('INTEGRATION') ? 'dr.peeters' : undefined;
    return signDevelopmentToken(this.environment, { sub, roles: roleList, actingFor: actingFor ?? integrationDefault });
  }

  async graphql<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphqlResponse<Data>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** Runs a GraphQL operation as a clinician and fails loudly on any error. */
  async graphqlOk<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    roles: Role | Role[] = 'CLINICIAN',
  ): Promise<Data> {
    const response = await this.graphql<Data>(query, variables, await this.token(roles));
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data as Data;
  }

  /** A GET request; `Body` is the JSON shape the caller expects. */
  async get<Body = unknown>(path: string): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${this.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as Body };
  }

  async auditEventCount(): Promise<number> {
    return this.prisma.auditEvent.count();
  }
}

/** A fresh HS256 secret, as long as a generated development secret. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

let keyCounter = 0;
/** A fresh idempotency key. */
export function newKey(): string {
  keyCounter += 1;
  return `test-key-${process.pid}-${Date.now()}-${keyCounter}`;
}
