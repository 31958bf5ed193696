import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Logger } from '@nestjs/common';
import pg, { type PoolConfig } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDataDir } from './data-dir-lock.js';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface DatabaseSettings {
  DATABASE_URL?: string;
  PGLITE_DATA_DIR: string;
}

export interface DatabaseConnection {
  kind: DatabaseKind;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** A factory for the schema engine, whose connections are released by its dispose(). */
  migrationAdapterFactory(): WholeScriptFactory;
  close(): Promise<void>;
  /** The rows of one statement outside any transaction, sent straight to the driver, prepared on PostgreSQL if `prepare` (see PrismaService.queryDirect). */
  query(text: string, values: readonly unknown[], prepare: boolean): Promise<Record<string, unknown>[]>;
  /** PostgreSQL only: the connection pool's clients now. */
  poolStatistics?(): PoolStatistics;
}

export interface PoolStatistics {
  /** Clients open, busy or idle. */
  total: number;
  idle: number;
  /** Requests waiting for a client. */
  waiting: number;
}

const IN_MEMORY_PREFIX = 'memory://';

/** How long the service waits on PostgreSQL before it gives up (the command-line tools, which run long batches, set none). */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
}

export interface OpenDatabaseOptions {
  timeouts?: DatabaseTimeouts;
  onLockLost?: () => void;
}

/** PostgreSQL when DATABASE_URL is set (validated at boot to be postgres:// or postgresql://), else embedded PGlite. */
export function openDatabase(
  settings: DatabaseSettings,
  { timeouts, onLockLost = stopOnLostLock }: OpenDatabaseOptions = {},
): Promise<DatabaseConnection> {
  return settings.DATABASE_URL ? Promise.resolve(openPostgres(settings.DATABASE_URL, timeouts)) : openPglite(settings.PGLITE_DATA_DIR, onLockLost);
}

/** Another process holds the PGlite folder now: whatever this one wrote next could be lost, so it stops at once. */
function stopOnLostLock(): never {
  new Logger('Database').fatal('The PGLITE_DATA_DIR lock now names another process: stopping at once so that no write is lost');
  process.exit(1);
}

/**
 * A PostgreSQL that is down refuses connections, but one that hangs (or a network that drops
 * packets) would hold every request forever: the pool gives up on a connection after `connectMs`,
 * the server cancels a statement after `statementMs` and the client stops waiting for an answer
 * a second later, and a session left idle inside a transaction is ended.
 */
function openPostgres(connectionString: string, timeouts?: DatabaseTimeouts): DatabaseConnection {
  const limits: PoolConfig = timeouts
    ? {
        connectionTimeoutMillis: timeouts.connectMs,
        statement_timeout: timeouts.statementMs,
        query_timeout: timeouts.statementMs + 1000,
        idle_in_transaction_session_timeout: timeouts.statementMs,
        keepAlive: true,
      }
    : {};
  // Ended by the adapter when Prisma disconnects, as a pool of its own would be.
  const pool = new pg.Pool({ connectionString, max: 10, ...limits });
  return {
    kind: 'postgresql',
    adapterFactory: new PrismaPg(pool, { disposeExternalPool: true }),
    query: async (text, values, prepare) =>
      (await pool.query({ name: prepare ? preparedStatementName(text) : undefined, text, values: [...values] })).rows as Record<string, unknown>[],
    poolStatistics: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    migrationAdapterFactory: () => new WholeScriptFactory(new PrismaPg({ connectionString, max: 1 })),
    close: () => Promise.resolve(),
  };
}

const preparedStatementNames = new Map<string, string>();
/** More distinct texts than the service's statements have would be a statement built per call: those go unprepared. */
const MAX_PREPARED_STATEMENTS = 100;

/**
 * A name for the statement `text`, under which each pooled connection prepares it once (PostgreSQL
 * then parses and plans it once per connection, not at every call); undefined once as many texts as
 * the service has statements are named, so that neither side's memory grows with odd calls.
 */
function preparedStatementName(text: string): string | undefined {
  let name = preparedStatementNames.get(text);
  if (name === undefined && preparedStatementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `service_${preparedStatementNames.size}`;
    preparedStatementNames.set(text, name);
  }
  return name;
}

async function openPglite(dataDir: string, onLockLost: () => void): Promise<DatabaseConnection> {
  if (dataDir.startsWith(IN_MEMORY_PREFIX)) {
    const client = await PGlite.create(dataDir);
    return { kind: 'pglite', ...pgliteFactories(client), close: () => client.close() };
  }
  const absoluteDir = path.resolve(dataDir);
  await mkdir(path.dirname(absoluteDir), { recursive: true });
  const lock = await lockDataDir(absoluteDir, onLockLost);
  try {
    const client = await PGlite.create(absoluteDir);
    return {
      kind: 'pglite',
      ...pgliteFactories(client),
      close: async () => {
        await client.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** PGlite's query waits for a transaction in progress (its one connection is shared), so a direct read never sees one's uncommitted rows. */
function pgliteFactories(client: PGlite): Pick<DatabaseConnection, 'adapterFactory' | 'migrationAdapterFactory' | 'query'> {
  return {
    adapterFactory: new PrismaPGlite(client),
    migrationAdapterFactory: () => new WholeScriptFactory(new PrismaPGlite(client)),
    query: async (text, values) => (await client.query<Record<string, unknown>>(text, [...values])).rows,
  };
}

/**
 * Both adapters mishandle migration scripts: pglite-prisma-adapter 0.7.2 does not wait for
 * `executeScript`, so a broken migration was marked applied; @prisma/adapter-pg splits the script
 * at every `;`, which breaks function bodies. Adapters from this factory send the whole script as
 * one simple query (one implicit transaction) and wait for it.
 */
export class WholeScriptFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  private readonly opened: SqlDriverAdapter[] = [];

  constructor(private readonly inner: SqlMigrationAwareDriverAdapterFactory) {}

  get adapterName(): string {
    return this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.track(await this.inner.connectToShadowDb());
  }

  /** Releases the connections the schema engine opened (it does not release them itself). */
  async dispose(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    this.opened.push(adapter);
    return runWholeScripts(adapter);
  }
}

interface ScriptRunningAdapter {
  client: { query(sql: string): Promise<unknown>; exec?(sql: string): Promise<unknown> };
  onError(error: unknown): never;
}

function runWholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const internals = adapter as unknown as ScriptRunningAdapter;
  adapter.executeScript = async (script: string) => {
    try {
      await (internals.client.exec ? internals.client.exec(script) : internals.client.query(script));
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}
