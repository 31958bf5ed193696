import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resolveDevelopmentEhrKey } from '../src/cds-hooks/development-ehr-key.js';
import { loadEnvironment } from '../src/config/environment.js';
import { countRows, withDatabase } from './support/database-rows.js';
import { patientInput, REGISTER_PATIENT } from './support/fixtures.js';
import { FuzzRequests, SCHEMA_INTROSPECTION, type FuzzRequest, type FuzzWorld, type IntrospectedSchema } from './support/fuzz-requests.js';
import { bearerAuthorizations, CdsAuthorizations, type BearerAuthorizations } from './support/fuzz-tokens.js';
import { CANARY } from './support/hostile-values.js';
import { daysAgo } from './support/pathway-steps.js';
import { logLines, residentSetBytes, spawnService, stopService, waitUntilReady, type ServiceProcess } from './support/service-process.js';
import { randomSecret } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** FUZZ_SEED=<n> sends other requests; a failure names the seed and the request's index, so that it can be sent again. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
/** Sent before memory is measured: the JIT, the connection pool and what every request uses (the schema, the tokens) settle first. */
const WARM_UP = 600;
const MEASURED = 5_000;
const CONCURRENCY = 8;
const MB = 1024 * 1024;
/**
 * Left to itself, V8 grows its heap toward its limit (some 2 GB here) before it collects hard, and
 * keeps what it grew: the RSS then swings by 100 MB and more with the garbage not yet collected.
 * With the heap capped (the service lives in about 100 MB), RSS follows what the service holds; a
 * leak ends the service instead, and every later request fails.
 */
const HEAP_LIMIT_MB = 192;
/**
 * The RSS may grow by this much over the measured requests. What the service keeps by design is
 * Apollo's cache of parsed queries: 30 MiB as Apollo counts them (their JSON), more with their token
 * lists and text, about 10 MB a thousand distinct valid queries here (40 to 60 MB in all, measured).
 * The requests average 19 KB: keeping each one's body would add 95 MB more.
 */
const RSS_GROWTH_LIMIT_BYTES = 112 * MB;

/** Text in an answer that could only come from a stack trace or a source path. */
const STACK_TRACE = /\n\s+at\s|node_modules|\.[jt]s:\d+:\d+/;

interface Outcome {
  status?: number;
  body: string;
  /** Why the request went wrong on the wire (a reset, no answer), if it did. */
  failure?: string;
}

async function graphqlAs(service: ServiceProcess, authorization: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${service.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`Setting up the fuzz test failed: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

/** A patient with both hips' pathways open and one recording each, written by the setup user; and the schema. */
async function setUpWorld(service: ServiceProcess, bearer: BearerAuthorizations): Promise<Omit<FuzzWorld, 'bearer' | 'cds'>> {
  const as = (query: string, variables?: Record<string, unknown>) => graphqlAs(service, bearer.setupUser, query, variables);
  const registration = patientInput({ identifierValue: 'FUZZ-0001', idempotencyKey: 'fuzz-setup-register' });
  const { registerPatient } = (await as(REGISTER_PATIENT, { input: registration })) as { registerPatient: { patient: { id: string } } };
  const setupKeys = ['fuzz-setup-register'];
  const pathways = [];
  for (const side of ['LEFT', 'RIGHT']) {
    setupKeys.push(`fuzz-setup-open-${side}`, `fuzz-setup-outcomes-${side}`);
    const { openPathway } = (await as(`mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { id } } }`, {
      input: { patientId: registerPatient.patient.id, side, idempotencyKey: `fuzz-setup-open-${side}` },
    })) as { openPathway: { pathway: { id: string } } };
    const { recordPatientReportedOutcomes } = (await as(
      `mutation ($input: RecordPatientReportedOutcomesInput!) { recordPatientReportedOutcomes(input: $input) { pathway { version } } }`,
      {
        input: {
          pathwayId: openPathway.pathway.id,
          expectedVersion: 1,
          idempotencyKey: `fuzz-setup-outcomes-${side}`,
          clinicalDate: daysAgo(1),
          painScore: 3,
        },
      },
    )) as { recordPatientReportedOutcomes: { pathway: { version: number } } };
    pathways.push({ id: openPathway.pathway.id, version: recordPatientReportedOutcomes.pathway.version });
  }
  const { __schema: schema } = (await as(SCHEMA_INTROSPECTION)) as { __schema: IntrospectedSchema };
  const patient = { id: registerPatient.patient.id, identifierSystem: String(registration.identifierSystem), identifierValue: 'FUZZ-0001' };
  return { schema, patient, pathways, setupKeys };
}

/**
 * Sends the request on a connection of its own: a request Node's HTTP parser refuses (headers over
 * 16 KB, an unknown method) is answered by Fastify's client-error handler, which closes the
 * connection without saying so (no `Connection: close`), and fetch would lose the next request it
 * sends down that connection.
 */
async function send(service: ServiceProcess, request: FuzzRequest): Promise<Outcome> {
  if ('raw' in request) return sendRaw(Number(new URL(service.baseUrl).port), request.raw);
  try {
    const response = await fetch(`${service.baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, connection: 'close' },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return { body: '', failure: `${(error as Error).name}: ${(error as Error).message} (${cause?.code ?? 'no code'})` };
  }
}

/** Writes the bytes, half-closes, and reads every status line until the service closes the connection. */
function sendRaw(port: number, raw: Buffer): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ body: '', failure: 'no answer within 5 s' });
    }, 5_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const body = Buffer.concat(chunks).toString('latin1');
      const statuses = [...body.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((match) => Number(match[1]));
      resolve({ status: statuses.length ? Math.max(...statuses) : undefined, body });
    });
    socket.end(raw);
  });
}

/** What is wrong with an answer, or undefined: a server error, a stack trace, an echo of the canary, a mutation that went through. */
function problemWith(request: FuzzRequest, outcome: Outcome): string | undefined {
  if (outcome.failure) return 'overBodyLimit' in request && request.overBodyLimit ? undefined : outcome.failure;
  if (outcome.status !== undefined && outcome.status >= 500) return `HTTP ${outcome.status}: ${outcome.body.slice(0, 300)}`;
  // GraphQL answers its errors with 200 too; the database is up all along, so an outage would be a mislabelled fault.
  if (/"code":"(INTERNAL_SERVER_ERROR|SERVICE_UNAVAILABLE)"/.test(outcome.body)) return `a server error in the answer: ${outcome.body.slice(0, 300)}`;
  if (STACK_TRACE.test(outcome.body)) return `a stack trace or source path in the answer: ${outcome.body.slice(0, 300)}`;
  if (outcome.body.includes(CANARY.slice(0, 6))) return `the answer repeats what the client sent: ${outcome.body.slice(0, 300)}`;
  if ('refusedMutation' in request && request.refusedMutation && dataOf(outcome.body)?.[request.refusedMutation] != null) {
    return `the mutation was not refused: ${outcome.body.slice(0, 300)}`;
  }
  return undefined;
}

function dataOf(body: string): Record<string, unknown> | null | undefined {
  try {
    return (JSON.parse(body) as { data?: Record<string, unknown> | null }).data;
  } catch {
    return undefined;
  }
}

/**
 * Generated hostile requests against the real service (`node dist/main.js`, its log captured) on a
 * fresh database: GraphQL (every mutation with mutated inputs, reads with mutated arguments,
 * corrupted and oversized queries, bodies that are no GraphQL request), the CDS Hooks routes with
 * valid and invalid EHR JWTs, the CSV exports with hostile parameters, bearer tokens of every kind
 * of wrong, and any method, path and header, some as raw HTTP. No answer is a server error, repeats
 * what the client sent or shows a stack; nothing is logged as an error; nothing is stored (but the
 * ids of the valid CDS Hooks JWTs, the service's replay guard); memory stays bounded.
 */
describe(`hostile requests (fuzz, seed ${SEED})`, () => {
  let folder: string;
  let database: TestDatabase;
  let storage: { DATABASE_URL?: string; PGLITE_DATA_DIR: string };
  let env: Record<string, string>;
  let world: FuzzWorld;
  let service: ServiceProcess;
  let rowsBefore: Record<string, number>;
  const memory = { afterWarmUp: 0, highest: 0, atEnd: 0 };
  /** The access-log operations of the reads that were answered: the only rows the access log may gain. */
  const answeredReads = new Set<string>();

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'heupartrose-fuzz-'));
    database = await createTestDatabase();
    // On PostgreSQL the folder only keeps the development EHR's key, which the test signs with too.
    storage = { ...(database.url && { DATABASE_URL: database.url }), PGLITE_DATA_DIR: path.join(folder, 'data') };
    const secret = randomSecret();
    // The rate limit would answer most of these requests 429 before they reach anything worth fuzzing; /metrics is on, and fuzzed too.
    env = { ...storage, AUTH_HS256_SECRET: secret, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', METRICS_TOKEN: randomSecret() };
    const environment = loadEnvironment({ NODE_ENV: 'test', AUTH_HS256_SECRET: secret, PGLITE_DATA_DIR: storage.PGLITE_DATA_DIR });
    const bearer = await bearerAuthorizations(environment);

    const started = performance.now();
    const setup = await spawnService(env);
    expect(await waitUntilReady(setup, 120_000)).toBe(true);
    const stored = await setUpWorld(setup, bearer);
    expect(await stopService(setup)).toBe(0);
    rowsBefore = await withDatabase(storage, countRows);

    service = await spawnService(env, process.cwd(), [`--max-old-space-size=${HEAP_LIMIT_MB}`]);
    expect(await waitUntilReady(service, 60_000)).toBe(true);
    const cds = await CdsAuthorizations.create((await resolveDevelopmentEhrKey(environment))!, bearer.setupUser, service.baseUrl);
    world = { ...stored, bearer, cds };
    console.info(`Fuzz set up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);
  afterAll(async () => {
    if (service) await stopService(service);
    await database?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it(`answers ${WARM_UP + MEASURED} hostile requests without a server error, a stack trace or an echo, and refuses every mutation`, async () => {
    const requests = new FuzzRequests(world, SEED);
    const problems: string[] = [];
    const kinds = new Map<string, number>();
    const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const run = async (from: number, to: number) => {
      let next = from;
      const worker = async () => {
        for (let index = next++; index < to; index = next++) {
          const request = await requests.request(index);
          count(request.kind.split(' (')[0]);
          const outcome = await send(service, request);
          if ('readOperation' in request && request.readOperation && outcome.status === 200) answeredReads.add(request.readOperation);
          const problem = problemWith(request, outcome);
          if (problem)
            problems.push(`#${index} ${request.kind}${'path' in request ? ` ${request.method} ${request.path.slice(0, 80)}` : ''}: ${problem}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      memory.highest = Math.max(memory.highest, await residentSetBytes(service));
    };
    const started = performance.now();
    await run(0, WARM_UP);
    memory.afterWarmUp = await residentSetBytes(service);
    for (let from = WARM_UP; from < WARM_UP + MEASURED; from += 1_000) await run(from, Math.min(from + 1_000, WARM_UP + MEASURED));
    memory.atEnd = await residentSetBytes(service);
    const seconds = (performance.now() - started) / 1000;

    const mutations = world.schema.mutationType.fields.map((field) => `graphql mutation ${field.name}`);
    const byKind = [...kinds].filter(([kind]) => !mutations.includes(kind)).sort(([, a], [, b]) => b - a);
    const mutationCount = mutations.reduce((sum, kind) => sum + (kinds.get(kind) ?? 0), 0);
    console.info(
      `Fuzz (seed ${SEED}): ${WARM_UP + MEASURED} requests in ${seconds.toFixed(1)} s; RSS ${(memory.afterWarmUp / MB).toFixed(0)} MB after warm-up, ` +
        `${(memory.atEnd / MB).toFixed(0)} MB at the end (highest ${(memory.highest / MB).toFixed(0)} MB); ${world.cds.validJtis.size} valid CDS Hooks JWTs; ` +
        `${mutationCount} mutations (${mutations.length} kinds), ${byKind.map(([kind, sent]) => `${sent} ${kind}`).join(', ')}`,
    );
    expect({ problems: problems.length, first: problems.slice(0, 40) }).toEqual({ problems: 0, first: [] });
    expect(mutations.filter((kind) => (kinds.get(kind) ?? 0) < 10)).toEqual([]);
  }, 240_000);

  it(`kept its memory: RSS grew by less than ${RSS_GROWTH_LIMIT_BYTES / MB} MB over the ${MEASURED} measured requests`, () => {
    expect(memory.atEnd - memory.afterWarmUp).toBeLessThan(RSS_GROWTH_LIMIT_BYTES);
  });

  it('logged no error and no outage, and stored nothing but the ids of the valid CDS Hooks JWTs and who read the patient, where a read was answered', async () => {
    expect(await stopService(service)).toBe(0);
    const lines = logLines(service);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    // The database was up all along: a request answered as an outage would be mislabelled.
    expect(lines.filter((line) => line.msg === 'Database unavailable')).toEqual([]);

    const { rows, jtis, reads } = await withDatabase(storage, async (prisma) => ({
      rows: await countRows(prisma),
      jtis: (await prisma.cdsTokenId.findMany({ select: { jti: true } })).map((row) => row.jti),
      reads: await prisma.accessLog.findMany({ select: { patientId: true, operation: true } }),
    }));
    expect({ ...rows, cds_token_id: rowsBefore.cds_token_id, access_log: rowsBefore.access_log }).toEqual(rowsBefore);
    expect(jtis.filter((jti) => !world.cds.validJtis.has(jti))).toEqual([]);
    expect(reads.filter((read) => read.patientId !== world.patient.id || !answeredReads.has(read.operation))).toEqual([]);
  });
});
