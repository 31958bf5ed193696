import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined on the embedded database. */
  url?: string;
  /** PGLITE_DATA_DIR for the app. */
  pgliteDataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database per suite: a new PostgreSQL database on the server named by
 * DATABASE_URL (dropped afterwards), or an in-memory PGlite when DATABASE_URL is unset.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { pgliteDataDir: 'memory://', drop: () => Promise.resolve() };
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    pgliteDataDir: 'memory://',
    drop: () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);
