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

/** The rows of one statement, run on its own connection to the database at `databaseUrl`. */
async function queryRows<Row extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A new, empty database `name` on the server (the one a stopped run left behind dropped first), as a connection URL. */
export async function createScratchDatabase(name: string): Promise<string> {
  await dropScratchDatabase(name);
  await queryRows(SERVER_URL, `CREATE DATABASE ${name}`);
  return databaseUrlOf(name);
}

export async function dropScratchDatabase(name: string): Promise<void> {
  await queryRows(SERVER_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export interface Identifier {
  system: string;
  value: string;
}

/** The identifiers of (at most `limit`) patients with an open pathway: whose sidebar and patient-view answers carry something. */
export async function patientsWithOpenPathways(databaseUrl: string, limit = 1000): Promise<Identifier[]> {
  return queryRows<Identifier>(
    databaseUrl,
    `SELECT DISTINCT p.identifier_system AS system, p.identifier_value AS value
     FROM patient p JOIN pathway w ON w.patient_id = p.id WHERE w.closed_at IS NULL LIMIT $1`,
    [limit],
  );
}

export interface PathwayVersion {
  pathwayId: string;
  version: number;
}

/** Every open pathway and its version, to write on. */
export async function openPathwayVersions(databaseUrl: string): Promise<PathwayVersion[]> {
  return queryRows<PathwayVersion>(databaseUrl, 'SELECT id AS "pathwayId", version FROM pathway WHERE closed_at IS NULL ORDER BY id');
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
