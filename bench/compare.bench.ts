/**
 * `npm run bench:compare`: the service beside the framework's floor, in one run, under the same load
 * (issue 10, "Speed"). Seeds a cohort into a scratch PostgreSQL database, starts the built service in
 * production mode (users' ES256 tokens verified against a JWKS served by the bench over https), and
 * captures a typical sidebar answer from it; then starts the floor (bench/floor: NestJS + Apollo +
 * Fastify answering that captured answer as a constant) as its own process in production mode, and
 * loads, with autocannon, in interleaved rounds (a, b, c, d, a, b, c, d, …), after one warm-up each:
 *   (a) the floor;
 *   (b) the sidebar read of the README, spread over the patients with an open pathway;
 *   (c) evaluateGuideline, the README's query, on varied facts;
 *   (d) recordPatientReportedOutcomes spread over every open pathway: each call takes a pathway no
 *       call in flight holds and names the version the last answer gave, and each run starts from the
 *       versions in the database, so it never measures its own conflicts.
 * Prints, per round and over all rounds: requests/s, p50 and p99 latency, failures (non-2xx, and 200
 * answers with GraphQL errors), connection errors, bytes per answer, CPU milliseconds per request of
 * the service process and of the database's PostgreSQL backends (/proc/<pid>/stat), and the ratios to
 * (a); then the targets, and whether the audit chains are intact after the recordings.
 *
 * Run `npm run build` first (the service runs from dist/). Needs `openssl` (the https JWKS) and the
 * PostgreSQL server on this machine (its backends' CPU is read from /proc). Settings:
 * BENCH_DATABASE_URL (server to create `bench_compare` on; default
 * postgresql://postgres@127.0.0.1:5432/postgres), BENCH_PATIENTS (patients seeded; the sidebar is spread
 * over those with an open pathway; default 1000), BENCH_SECONDS (per run, default 10), BENCH_ROUNDS
 * (default 2), BENCH_CONNECTIONS (default 32), BENCH_PROFILE_DIR (a folder for the service's CPU profile),
 * BENCH_SCENARIOS (the letters of the loads to run beside the floor, to profile one: default bcd).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon, { type Request, type Result } from 'autocannon';
import { verifyAuditLog, type AuditVerification } from '../src/audit/audit-verifier.js';
import { brusselsDate } from '../src/contract/calendar-date.js';
import { openDatabase } from '../src/database/database-connection.js';
import { PrismaService } from '../src/database/prisma.service.js';
import { spawnService, stopService, waitUntilReady, type ServiceProcess } from '../test/support/service-process.js';
import { PRODUCTION_NODE_OPTIONS, productionEnvironment, startUserJwks } from './bench-auth.js';
import { backendCpuMsDuring, cpuMsOf } from './process-cpu.js';
import {
  createScratchDatabase,
  dropScratchDatabase,
  openPathwayVersions,
  patientsWithOpenPathways,
  seedCohort,
  type Identifier,
  type PathwayVersion,
} from './bench-database.js';
import { graphql, RECORD_PROM, SIDEBAR } from './bench-graphql.js';
import { runBenchmark } from './bench-run.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const SCENARIOS = process.env.BENCH_SCENARIOS ?? 'bcd';
const WARM_UP_SECONDS = 3;
/** After a run and before its CPU is read, so that the read path's buffered writes (access log, impressions: flushed every second) count in the run that caused them. */
const SETTLE_MS = 1500;
const DATABASE = 'bench_compare';
const FLOOR_MAIN_JS = path.resolve('dist-bench/bench/floor/main.js');
/** Answers the typical sidebar answer is the median (in size) of. */
const SIDEBAR_SAMPLE = 101;

const TARGET_SIDEBAR_THROUGHPUT_RATIO = 0.5;
const TARGET_SIDEBAR_P99_RATIO = 2;
const TARGET_RECORDINGS_PER_SECOND = 500;

/** The sidebar's query as the floor takes it: the same selection, without the arguments of fields that have no resolver there. */
const FLOOR_SIDEBAR = SIDEBAR.replace(/\((openOnly|locale): \w+\)/g, '');
/** The README's evaluateGuideline example, its facts a variable. */
const EVALUATE = `query Evaluate($facts: HipFactsInput!) {
  evaluateGuideline(facts: $facts, locale: EN) {
    ruleSetVersion suggestions { code indicator title detail citations { id title url }
    explanation { text facts { name value } derivedFacts { name value } } }
  }
}`;

/** One run's requests: `setupRequest` varies each call, `answered` says whether a 200 answer did what was asked. */
interface Load {
  setupRequest: (request: Request, context: object) => Request;
  answered: (body: string, context: object) => boolean;
}

interface Scenario {
  /** Its letter in the labels and in BENCH_SCENARIOS. */
  key: 'a' | 'b' | 'c' | 'd';
  label: string;
  target: ServiceProcess;
  /** A fresh load for each run. */
  load: () => Promise<Load>;
}

interface Measurement {
  result: Result;
  /** Non-2xx answers, and 200 answers with GraphQL errors. */
  failed: number;
  serviceCpuMs: number;
  postgresCpuMs: number;
}

async function measure(scenario: Scenario, token: string, seconds: number): Promise<Measurement> {
  const { setupRequest, answered } = await scenario.load();
  const pid = scenario.target.child.pid!;
  let failed = 0;
  let result: Result | undefined;
  const serviceBefore = cpuMsOf(pid)!;
  const postgresCpuMs = await backendCpuMsDuring(DATABASE, async () => {
    result = await autocannon({
      url: `${scenario.target.baseUrl}/graphql`,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          setupRequest,
          onResponse: (status, body, context) => {
            if (status !== 200 || !answered(body, context)) failed += 1;
          },
        },
      ],
    });
    await sleep(SETTLE_MS);
  });
  return { result: result!, failed, serviceCpuMs: cpuMsOf(pid)! - serviceBefore, postgresCpuMs };
}

/** A 200 answer with errors carries an `errors` key; no string value can hold `"errors":[` unescaped. */
const withoutErrors = (body: string) => !body.includes('"errors":[');

/** Calls that cycle through prepared bodies. */
function cycling(bodies: string[]): Load {
  let call = 0;
  return { setupRequest: (request) => ({ ...request, body: bodies[call++ % bodies.length] }), answered: withoutErrors };
}

interface RecordingCall {
  pathway?: PathwayVersion;
}

/**
 * Recordings spread over `pathways`, read afresh from the database: each call takes the pathway that
 * waited longest, which no call in flight holds, and gives it back with the version its answer names.
 */
async function recordings(databaseUrl: string, runId: string): Promise<Load> {
  const idle = await openPathwayVersions(databaseUrl);
  if (idle.length < 2 * CONNECTIONS) throw new Error(`${idle.length} open pathways: too few to spread ${CONNECTIONS} connections' recordings over`);
  const clinicalDate = brusselsDate(new Date());
  let call = 0;
  return {
    setupRequest: (request, context) => {
      const pathway = idle.shift();
      if (!pathway) throw new Error('Every open pathway was refused a recording: the service is failing');
      (context as RecordingCall).pathway = pathway;
      call += 1;
      const input = {
        pathwayId: pathway.pathwayId,
        expectedVersion: pathway.version,
        idempotencyKey: `${runId}-${call}`,
        clinicalDate,
        painScore: call % 11,
      };
      return { ...request, body: JSON.stringify({ query: RECORD_PROM, variables: { input } }) };
    },
    answered: (body, context) => {
      const pathway = (context as RecordingCall).pathway!;
      const version = (JSON.parse(body) as { data?: { recordPatientReportedOutcomes?: { pathway: { version: number } } } }).data
        ?.recordPatientReportedOutcomes?.pathway.version;
      // A refused call leaves the pathway out: its version is no longer known.
      if (version === undefined) return false;
      idle.push({ ...pathway, version });
      return true;
    },
  };
}

/** A typical sidebar answer (its `patientByIdentifier`, as JSON): the median in size of the first patients' answers; and their mean size. */
async function typicalSidebarAnswer(baseUrl: string, token: string, identifiers: Identifier[]): Promise<{ answer: string; meanBytes: number }> {
  const answers: string[] = [];
  for (const { system, value } of identifiers.slice(0, SIDEBAR_SAMPLE)) {
    answers.push(JSON.stringify((await graphql<{ patientByIdentifier: unknown }>(baseUrl, token, SIDEBAR, { system, value })).patientByIdentifier));
  }
  answers.sort((a, b) => a.length - b.length);
  return { answer: answers[Math.floor(answers.length / 2)], meanBytes: answers.reduce((total, answer) => total + answer.length, 0) / answers.length };
}

/** Starts the floor in production mode, serving `answer`, and checks that it answers exactly that. */
async function startFloor(folder: string, answer: string): Promise<ServiceProcess> {
  const answerFile = path.join(folder, 'sidebar-answer.json');
  writeFileSync(answerFile, answer);
  const floor = await spawnService(
    { NODE_ENV: 'production', NODE_OPTIONS: PRODUCTION_NODE_OPTIONS, SIDEBAR_ANSWER_FILE: answerFile },
    process.cwd(),
    [],
    FLOOR_MAIN_JS,
  );
  if (!(await waitUntilReady(floor, 30_000))) throw new Error(`the floor did not become ready:\n${floor.output()}`);
  const served = await graphql<{ patientByIdentifier: unknown }>(floor.baseUrl, '', FLOOR_SIDEBAR, { system: 'urn:oid:1.2', value: 'check' });
  if (JSON.stringify(served.patientByIdentifier) !== answer) throw new Error('the floor does not answer the captured sidebar answer');
  return floor;
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  connectionErrors: number;
  bytesPerAnswer: number;
  serviceCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}

/** Over several runs: throughput and CPU from the totals, p50 the mean of the runs', p99 the worst run's. */
function figuresOf(measurements: Measurement[]): Figures {
  const sum = (of: (measurement: Measurement) => number) => measurements.reduce((total, measurement) => total + of(measurement), 0);
  const requests = sum(({ result }) => result.requests.total);
  return {
    requestsPerSecond: requests / sum(({ result }) => result.duration),
    p50: sum(({ result }) => result.latency.p50) / measurements.length,
    p99: Math.max(...measurements.map(({ result }) => result.latency.p99)),
    failed: sum(({ failed }) => failed),
    connectionErrors: sum(({ result }) => result.errors),
    bytesPerAnswer: sum(({ result }) => result.throughput.total) / requests,
    serviceCpuMsPerRequest: sum(({ serviceCpuMs }) => serviceCpuMs) / requests,
    postgresCpuMsPerRequest: sum(({ postgresCpuMs }) => postgresCpuMs) / requests,
  };
}

const LABEL_WIDTH = 32;
const COLUMNS = ['req/s', 'p50 ms', 'p99 ms', 'failed', 'conn err', 'B/answer', 'svc CPU', 'pg CPU', 'req/s÷a', 'p50÷a', 'p99÷a', 'svc CPU÷a'];

function row(label: string, figures: Figures, floor: Figures): string {
  const ratio = (value: number, of: number) => (of > 0 ? `${(value / of).toFixed(2)}` : '-');
  const cells = [
    figures.requestsPerSecond.toFixed(0),
    figures.p50.toFixed(1),
    String(figures.p99),
    String(figures.failed),
    String(figures.connectionErrors),
    figures.bytesPerAnswer.toFixed(0),
    figures.serviceCpuMsPerRequest.toFixed(2),
    figures.postgresCpuMsPerRequest.toFixed(2),
    ratio(figures.requestsPerSecond, floor.requestsPerSecond),
    ratio(figures.p50, floor.p50),
    ratio(figures.p99, floor.p99),
    ratio(figures.serviceCpuMsPerRequest, floor.serviceCpuMsPerRequest),
  ];
  return `${label.padEnd(LABEL_WIDTH)} ${cells.map((cell, index) => cell.padStart(Math.max(COLUMNS[index].length, 7))).join(' ')}`;
}

const met = (holds: boolean) => (holds ? 'met' : 'NOT met');

async function verifyChains(databaseUrl: string): Promise<AuditVerification> {
  const prisma = new PrismaService(await openDatabase({ DATABASE_URL: databaseUrl, PGLITE_DATA_DIR: 'unused' }));
  try {
    return await verifyAuditLog(prisma);
  } finally {
    await prisma.onModuleDestroy();
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-compare-'));
  const databaseUrl = await createScratchDatabase(DATABASE);
  let service: ServiceProcess | undefined;
  let floor: ServiceProcess | undefined;
  let jwks: Server | undefined;
  try {
    const { written } = await seedCohort(databaseUrl, { patients: PATIENTS, seed: 42 });
    const identifiers = await patientsWithOpenPathways(databaseUrl, PATIENTS);

    const auth = await startUserJwks(folder);
    jwks = auth.server;
    // The service writes a V8 CPU profile there when it stops.
    service = await spawnService(
      productionEnvironment(databaseUrl, auth),
      process.cwd(),
      PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    );
    if (!(await waitUntilReady(service, 60_000))) throw new Error(`the service did not become ready:\n${service.output()}`);
    const token = await auth.sign('bench.clinician', ['CLINICIAN']);
    const { answer, meanBytes } = await typicalSidebarAnswer(service.baseUrl, token, identifiers);
    floor = await startFloor(folder, answer);

    const sidebarBodies = (query: string) => identifiers.map(({ system, value }) => JSON.stringify({ query, variables: { system, value } }));
    const factSets = Array.from({ length: 300 }, (_, index) => ({
      stage: 'CLINICAL_EXAM',
      ageYears: 40 + (index % 50),
      activityRelatedPain: true,
      morningStiffnessMinutes: index % 60,
      painOnInternalRotation: true,
      redFlagsScreened: true,
      redFlags: [],
    }));
    const runId = `compare-${Date.now().toString(36)}`;
    let run = 0;
    const scenarios = (
      [
        { key: 'a', label: '(a) floor', target: floor, load: () => Promise.resolve(cycling(sidebarBodies(FLOOR_SIDEBAR))) },
        { key: 'b', label: '(b) sidebar read', target: service, load: () => Promise.resolve(cycling(sidebarBodies(SIDEBAR))) },
        {
          key: 'c',
          label: '(c) evaluateGuideline',
          target: service,
          load: () => Promise.resolve(cycling(factSets.map((facts) => JSON.stringify({ query: EVALUATE, variables: { facts } })))),
        },
        { key: 'd', label: '(d) recording', target: service, load: () => recordings(databaseUrl, `${runId}-${++run}`) },
      ] satisfies Scenario[]
    ).filter(({ key }) => key === 'a' || SCENARIOS.includes(key));
    const openPathways = (await openPathwayVersions(databaseUrl)).length;
    console.log(
      `Seeded ${written.patients.toLocaleString('en')} patients (${identifiers.length.toLocaleString('en')} with an open pathway; ${openPathways.toLocaleString('en')} open pathways); ` +
        `the floor serves a ${answer.length.toLocaleString('en')}-byte patientByIdentifier, the median of ${Math.min(SIDEBAR_SAMPLE, identifiers.length)} sidebar answers (mean ${meanBytes.toFixed(0)} bytes). ` +
        `${CONNECTIONS} connections, ${SECONDS} s a run, ${ROUNDS} rounds after a ${WARM_UP_SECONDS} s warm-up each; production mode, PostgreSQL, ES256 tokens over an https JWKS.`,
    );

    for (const scenario of scenarios) await measure(scenario, token, WARM_UP_SECONDS);
    const measurements = scenarios.map((): Measurement[] => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [index, scenario] of scenarios.entries()) {
        measurements[index].push(await measure(scenario, token, SECONDS));
        process.stdout.write(`round ${round}: ${scenario.label} done\n`);
      }
    }
    await stopService(service);
    const chains = await verifyChains(databaseUrl);

    console.log(
      `\nCPU in ms per request (service: its process; pg: the backends of ${DATABASE}); failed = non-2xx or GraphQL errors; ÷a = ratio to the floor in the same round (all: over all rounds)`,
    );
    console.log(`${''.padEnd(LABEL_WIDTH)} ${COLUMNS.map((column) => column.padStart(Math.max(column.length, 7))).join(' ')}`);
    const all = measurements.map(figuresOf);
    for (let round = 0; round < ROUNDS; round++) {
      const floorFigures = figuresOf([measurements[0][round]]);
      for (const [index, scenario] of scenarios.entries()) {
        console.log(row(`${scenario.label}, round ${round + 1}`, figuresOf([measurements[index][round]]), floorFigures));
      }
    }
    for (const [index, scenario] of scenarios.entries()) console.log(row(`${scenario.label}, all`, all[index], all[0]));

    const figuresFor = (key: Scenario['key']) => all[scenarios.findIndex((scenario) => scenario.key === key)] as Figures | undefined;
    const [floorAll, sidebarAll, recordingAll] = [figuresFor('a')!, figuresFor('b'), figuresFor('d')];
    const targets: string[] = [];
    if (sidebarAll) {
      const throughputRatio = sidebarAll.requestsPerSecond / floorAll.requestsPerSecond;
      const p99Ratio = sidebarAll.p99 / floorAll.p99;
      targets.push(
        `sidebar throughput ${throughputRatio.toFixed(2)} of the floor's (>= ${TARGET_SIDEBAR_THROUGHPUT_RATIO}: ${met(throughputRatio >= TARGET_SIDEBAR_THROUGHPUT_RATIO)})`,
        `sidebar p99 ${p99Ratio.toFixed(2)}x the floor's (<= ${TARGET_SIDEBAR_P99_RATIO}x: ${met(p99Ratio <= TARGET_SIDEBAR_P99_RATIO)})`,
      );
    }
    if (recordingAll) {
      const perSecond = recordingAll.requestsPerSecond;
      targets.push(`recordings ${perSecond.toFixed(0)}/s (>= ${TARGET_RECORDINGS_PER_SECOND}: ${met(perSecond >= TARGET_RECORDINGS_PER_SECOND)})`);
    }
    if (targets.length > 0) console.log(`\nTargets: ${targets.join('; ')}.`);
    console.log(
      `Audit chains after the recordings: ${chains.firstBrokenLink ? `BROKEN at ${JSON.stringify(chains.firstBrokenLink)}` : 'intact'} ` +
        `(${chains.streams.toLocaleString('en')} streams, ${chains.events.toLocaleString('en')} events).`,
    );
  } finally {
    if (floor) await stopService(floor);
    if (service) await stopService(service);
    jwks?.close();
    await dropScratchDatabase(DATABASE);
    rmSync(folder, { recursive: true, force: true });
  }
}

runBenchmark(main);
