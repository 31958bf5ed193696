import pg from 'pg';

/** The PostgreSQL server benchmarks create their scratch databases on. */
export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Runs one administrative statement (CREATE or DROP DATABASE) on its own connection to the server. */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
