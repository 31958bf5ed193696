import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import lockfile from 'proper-lockfile';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface DatabaseSettings {
  DATABASE_URL?: string;
  PGLITE_DATA_DIR: string;
}

export interface DatabaseConnection {
  kind: DatabaseKind;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export class DatabaseLockedError extends Error {}

const IN_MEMORY_PREFIX = 'memory://';

/** PostgreSQL when DATABASE_URL is set (validated at boot to be postgres:// or postgresql://), else embedded PGlite. */
export function openDatabase(settings: DatabaseSettings): Promise<DatabaseConnection> {
  return settings.DATABASE_URL ? Promise.resolve(openPostgres(settings.DATABASE_URL)) : openPglite(settings.PGLITE_DATA_DIR);
}

function openPostgres(connectionString: string): DatabaseConnection {
  return {
    kind: 'postgresql',
    adapterFactory: new PrismaPg({ connectionString, max: 10 }),
    close: async () => undefined,
  };
}

async function openPglite(dataDir: string): Promise<DatabaseConnection> {
  if (dataDir.startsWith(IN_MEMORY_PREFIX)) {
    const client = await PGlite.create(dataDir);
    return { kind: 'pglite', adapterFactory: new ScriptAwaitingPGliteFactory(client), close: () => client.close() };
  }
  const absoluteDir = path.resolve(dataDir);
  await mkdir(path.dirname(absoluteDir), { recursive: true });
  const releaseLock = await lockDataDir(absoluteDir);
  try {
    const client = await PGlite.create(absoluteDir);
    return {
      kind: 'pglite',
      adapterFactory: new ScriptAwaitingPGliteFactory(client),
      close: async () => {
        await client.close();
        await releaseLock();
      },
    };
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/**
 * Two processes on one PGlite folder both appear to work while one silently loses its writes:
 * hold an exclusive lock beside the folder for as long as the database is open.
 */
async function lockDataDir(absoluteDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(absoluteDir, {
      realpath: false,
      lockfilePath: `${absoluteDir}.lock`,
      stale: 10_000,
      retries: 0,
      onCompromised: () => undefined,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DatabaseLockedError(`PGLITE_DATA_DIR is in use by another process (lock: ${absoluteDir}.lock)`);
    }
    throw error;
  }
}

/**
 * pglite-prisma-adapter 0.7.2 does not wait for `executeScript` to finish, so a broken migration
 * was marked applied. This factory's adapters await the script and surface its error.
 */
class ScriptAwaitingPGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  private readonly inner: PrismaPGlite;

  constructor(private readonly client: PGlite) {
    this.inner = new PrismaPGlite(client);
  }

  get adapterName(): string {
    return this.inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return awaitScripts(await this.inner.connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await PGlite.create(IN_MEMORY_PREFIX);
    return awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
  }
}

function awaitScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  const reportError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      reportError(error);
    }
  };
  return adapter;
}
