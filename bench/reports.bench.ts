/**
 * `npm run bench:reports`: the audit reports at scale. Seeds a cohort with the data generator into a
 * scratch PostgreSQL database (100,000 patients, about 105,000 pathways), starts the built service in
 * production mode (JWKS over https from the bench), and times, over HTTP as an auditor, the full
 * quality-indicator report and each other report, beside the same figures from (a) one hand-written
 * SQL statement over the reporting projection sent through `pg` (the floor) and (b) a hand-written
 * query over the raw audit events (what the projection saves); each answer is checked against the
 * service's. Then streams GET /reports/pathways.csv and samples the service's resident memory.
 *
 * Run `npm run build` first (the service runs from dist/). Needs `openssl` (the https JWKS).
 * Settings: BENCH_DATABASE_URL (server to create `bench_reports` on; default
 * postgresql://postgres@127.0.0.1:5432/postgres), BENCH_PATIENTS (default 100000), BENCH_SEED
 * (default 42), BENCH_RUNS (timed runs per HTTP and floor figure, after one warm-up; default 5).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:https';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { brusselsDate } from '../src/contract/calendar-date.js';
import { spawnService, stopService, waitUntilReady, type ServiceProcess } from '../test/support/service-process.js';
import { FLOW, QUALITY_INDICATORS, REPORTS, type ReportBench } from './reports.sql.js';
import { productionEnvironment, startUserJwks } from './bench-auth.js';
import { runBenchmark } from './bench-run.js';
import { createScratchDatabase, databaseUrlOf, dropScratchDatabase, seedCohort } from './bench-database.js';
import { graphql } from './bench-graphql.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DATABASE = 'bench_reports';

const TARGET_INDICATORS_MS = 2_000;
const TARGET_FLOOR_RATIO = 3;
const TARGET_CSV_GROWTH_MB = 50;

const databaseUrl = () => databaseUrlOf(DATABASE);

/** The median time of `runs` runs after one warm-up run, and the last answer. */
async function timed<Result>(runs: number, run: () => Promise<Result>, warmUp = true): Promise<{ ms: number; result: Result }> {
  let result = warmUp ? await run() : (undefined as Result);
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    result = await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], result };
}

interface ReportTimes {
  name: string;
  httpMs: number;
  floorMs: number;
  rawMs: number;
  floorAgrees: boolean;
  rawAgrees: boolean;
}

async function benchReport(bench: ReportBench, service: ServiceProcess, token: string, db: pg.Client, reportDate: string): Promise<ReportTimes> {
  const http = await timed(RUNS, async () => bench.fromHttp(await graphql(service.baseUrl, token, bench.query)));
  const floor = await timed(RUNS, async () => bench.fromSql((await db.query(bench.floor, bench.parameters(reportDate))).rows));
  // Over the raw events a report takes long enough that one run says what it costs.
  const raw = await timed(1, async () => bench.fromSql((await db.query(bench.raw, bench.parameters(reportDate))).rows), false);
  return {
    name: bench.name,
    httpMs: http.ms,
    floorMs: floor.ms,
    rawMs: raw.ms,
    floorAgrees: isDeepStrictEqual(floor.result, http.result),
    rawAgrees: isDeepStrictEqual(raw.result, http.result),
  };
}

/** Streams pathways.csv, sampling the service's resident memory (VmRSS) every 20 ms. */
async function benchCsv(
  service: ServiceProcess,
  token: string,
): Promise<{ rows: number; megabytes: number; seconds: number; baselineMb: number; peakMb: number }> {
  const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${service.child.pid}/status`, 'utf8'))![1]) / 1024;
  const baselineMb = rssMb();
  let peakMb = baselineMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb())), 20);
  const started = performance.now();
  try {
    const response = await fetch(`${service.baseUrl}/reports/pathways.csv`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200 || !response.body) throw new Error(`pathways.csv answered ${response.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) lines += 1;
    }
    return {
      rows: lines - 1,
      megabytes: bytes / 1_048_576,
      seconds: (performance.now() - started) / 1000,
      baselineMb,
      peakMb: Math.max(peakMb, rssMb()),
    };
  } finally {
    clearInterval(sampler);
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`.padStart(10);
const ratio = (value: number) => `${value.toFixed(1)}x`.padStart(7);

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-reports-'));
  await createScratchDatabase(DATABASE);
  let service: ServiceProcess | undefined;
  let jwks: Server | undefined;
  const db = new pg.Client({ connectionString: databaseUrl() });
  try {
    const { written, seconds } = await seedCohort(databaseUrl(), { patients: PATIENTS, seed: SEED });
    console.log(
      `Seeded ${written.patients.toLocaleString('en')} patients, ${written.pathways.toLocaleString('en')} pathways, ${written.events.toLocaleString('en')} audit events in ${seconds.toFixed(1)} s (${availableParallelism()} cores; target < 300 s).`,
    );
    await db.connect();
    // A cohort loaded over years would have been vacuumed and analysed: give the bulk load the same.
    await db.query('VACUUM ANALYZE');

    const auth = await startUserJwks(folder);
    jwks = auth.server;
    service = await spawnService(productionEnvironment(databaseUrl(), auth));
    if (!(await waitUntilReady(service, 60_000))) throw new Error(`the service did not become ready:\n${service.output()}`);
    const token = await auth.sign('bench.auditor', ['AUDITOR']);
    const reportDate = brusselsDate(new Date());

    const results: ReportTimes[] = [];
    for (const bench of [QUALITY_INDICATORS, FLOW, ...REPORTS]) results.push(await benchReport(bench, service, token, db, reportDate));
    const csv = await benchCsv(service, token);

    console.log(
      `\nReports over ${written.pathways.toLocaleString('en')} pathways (PostgreSQL; HTTP and floor: median of ${RUNS} runs after a warm-up; raw events: one run)`,
    );
    console.log(
      `${'report'.padEnd(30)} ${'HTTP'.padStart(10)} ${'floor'.padStart(10)} ${'raw events'.padStart(10)} ${'HTTP/floor'.padStart(10)} ${'raw/HTTP'.padStart(9)}  same figures (floor, raw)`,
    );
    for (const row of results) {
      console.log(
        `${row.name.padEnd(30)} ${ms(row.httpMs)} ${ms(row.floorMs)} ${ms(row.rawMs)} ${ratio(row.httpMs / row.floorMs).padStart(10)} ${ratio(row.rawMs / row.httpMs).padStart(9)}  ${row.floorAgrees ? 'yes' : 'NO'}, ${row.rawAgrees ? 'yes' : 'NO'}`,
      );
    }
    const indicators = results[0];
    console.log(
      `\nFull quality-indicator report: ${ms(indicators.httpMs).trim()} (target < ${TARGET_INDICATORS_MS} ms: ${indicators.httpMs < TARGET_INDICATORS_MS ? 'met' : 'NOT met'}), ` +
        `${ratio(indicators.httpMs / indicators.floorMs).trim()} the floor (target <= ${TARGET_FLOOR_RATIO}x: ${indicators.httpMs <= TARGET_FLOOR_RATIO * indicators.floorMs ? 'met' : 'NOT met'}).`,
    );
    const growth = csv.peakMb - csv.baselineMb;
    console.log(
      `pathways.csv: ${csv.rows.toLocaleString('en')} rows, ${csv.megabytes.toFixed(1)} MB in ${csv.seconds.toFixed(1)} s; service RSS ${csv.baselineMb.toFixed(0)} MB before, peak ${csv.peakMb.toFixed(0)} MB: ` +
        `growth ${growth.toFixed(1)} MB (target < ${TARGET_CSV_GROWTH_MB} MB: ${growth < TARGET_CSV_GROWTH_MB ? 'met' : 'NOT met'}).`,
    );
    if (csv.rows !== written.pathways) console.log(`pathways.csv: expected ${written.pathways} rows.`);
  } finally {
    await db.end().catch(() => undefined);
    if (service) await stopService(service);
    jwks?.close();
    await dropScratchDatabase(DATABASE);
    rmSync(folder, { recursive: true, force: true });
  }
}

runBenchmark(main);
