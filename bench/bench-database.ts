import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { brusselsDate } from '../src/contract/calendar-date.js';
import { openDatabase } from '../src/database/database-connection.js';
import { migrateDatabase } from '../src/database/migrations.js';
import { PrismaService } from '../src/database/prisma.service.js';
import { generateCohort, type CohortProgress } from '../src/reports/generator/generate-cohort.js';
import { addDays } from '../src/reports/generator/patient-history.js';

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

/** Migrates the (empty) database at `databaseUrl` and writes a cohort with the data generator, showing a progress bar; ends on yesterday. */
export async function seedCohort(
  databaseUrl: string,
  { patients, seed }: { patients: number; seed: number },
): Promise<{ written: CohortProgress; seconds: number }> {
  const connection = await openDatabase({ DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: 'unused' });
  await migrateDatabase(connection);
  const prisma = new PrismaService(connection);
  const bar = new cliProgress.SingleBar(
    { format: 'seeding {bar} {value}/{total} patients | {pathways} pathways | {events} events' },
    cliProgress.Presets.shades_classic,
  );
  try {
    const started = performance.now();
    bar.start(patients, 0, { pathways: 0, events: 0 });
    const written = await generateCohort(prisma, {
      patients,
      seed,
      lastDay: addDays(brusselsDate(new Date()), -1),
      workers: availableParallelism(),
      onProgress: (progress) => bar.update(progress.patients, progress),
    });
    bar.stop();
    return { written, seconds: (performance.now() - started) / 1000 };
  } finally {
    await prisma.onModuleDestroy();
  }
}

/** `database` on the benchmarks' server, as a connection URL. */
export function databaseUrlOf(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}
