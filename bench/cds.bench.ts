/**
 * `npm run bench:cds`: the CDS Hooks patient-view service as EHRs call it. Seeds a cohort with the
 * data generator into a scratch PostgreSQL database, starts the built service in production mode with
 * one trusted EHR (its JWKS over https from the bench), and sends patient-view calls, each with its
 * own freshly signed JWT (a new jti: the service refuses replays) and the prefetched FHIR Patient of
 * a patient with an open pathway, from 16 concurrent connections: one run with ES384 tokens, then
 * one with RS384 (the two algorithms the specification names; verifying ES384 costs the service
 * more), after an unreported warm-up that also records every patient's cards as issued once. Prints throughput, latency percentiles and the cards per answer for each; the target is
 * p99 under 50 ms.
 *
 * Run `npm run build` first (the service runs from dist/). Needs `openssl` (the https JWKS).
 * Settings: BENCH_DATABASE_URL (server to create `bench_cds` on; default
 * postgresql://postgres@127.0.0.1:5432/postgres), BENCH_PATIENTS (default 2000), BENCH_SECONDS
 * (default 10), BENCH_CONNECTIONS (default 16), BENCH_PROFILE_DIR (a folder for the service's CPU profile).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { freePort, spawnService, stopService, waitUntilReady, type ServiceProcess } from '../test/support/service-process.js';
import { productionEnvironment, startUserJwks } from './bench-auth.js';
import { runBenchmark } from './bench-run.js';
import { backendCpuMsDuring, cpuMsOf } from './process-cpu.js';
import { createScratchDatabase, dropScratchDatabase, patientsWithOpenPathways, seedCohort, type Identifier } from './bench-database.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const DATABASE = 'bench_cds';
const EHR_ISSUER = 'https://ehr.bench.heupartrose.local';
const ALGORITHMS = ['ES384', 'RS384'] as const;
type Algorithm = (typeof ALGORITHMS)[number];
const PUBLIC_BASE_URL = 'https://cds.bench.heupartrose.local';
const TARGET_P99_MS = 50;
/** Tokens signed before the run, one per call: more than the service can answer in the run. */
const TOKENS_PER_SECOND = 2000;
const WARM_UP_SECONDS = 3;

/** A patient-view call as the cds-hooks sandbox sends it, with the FHIR Patient prefetched. */
function patientViewBody(identifier: Identifier, index: number): string {
  const patientId = `bench-${index}`;
  return JSON.stringify({
    hookInstance: randomUUID(),
    hook: 'patient-view',
    fhirServer: 'https://fhir.ehr.example/r4',
    context: { userId: 'Practitioner/bench-clinician', patientId },
    prefetch: {
      patient: {
        resourceType: 'Patient',
        id: patientId,
        identifier: [{ system: identifier.system, value: identifier.value }],
        birthDate: '1956-04-12',
      },
    },
  });
}

async function signedTokens(count: number, alg: Algorithm, privateKey: CryptoKey, audience: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 0; index < count; index += 1) {
    tokens.push(
      await new SignJWT({})
        .setProtectedHeader({ alg, kid: `bench-ehr-${alg}`, typ: 'JWT' })
        .setIssuer(EHR_ISSUER)
        .setSubject('bench-ehr-client')
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .setJti(randomUUID())
        .sign(privateKey),
    );
  }
  return tokens;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bench-cds-'));
  const databaseUrl = await createScratchDatabase(DATABASE);
  let service: ServiceProcess | undefined;
  let jwks: Server | undefined;
  try {
    const { written, seconds } = await seedCohort(databaseUrl, { patients: PATIENTS, seed: 42 });
    console.log(
      `Seeded ${written.patients.toLocaleString('en')} patients, ${written.pathways.toLocaleString('en')} pathways in ${seconds.toFixed(1)} s.`,
    );
    const identifiers = await patientsWithOpenPathways(databaseUrl);

    // One JWKS for the users' identity provider (required in production, unused here) and the EHR's keys.
    const keys = new Map<Algorithm, CryptoKey>();
    const publicKeys = [];
    for (const alg of ALGORITHMS) {
      const pair = await generateKeyPair(alg);
      keys.set(alg, pair.privateKey);
      publicKeys.push({ ...(await exportJWK(pair.publicKey)), kid: `bench-ehr-${alg}`, alg, use: 'sig' });
    }
    const served = await startUserJwks(folder, publicKeys);
    jwks = served.server;
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    service = await spawnService(
      {
        ...productionEnvironment(databaseUrl, served),
        PORT: String(port),
        CDS_TRUSTED_EHRS: JSON.stringify({ [EHR_ISSUER]: served.url }),
        // As behind a TLS-terminating proxy: EHRs call (and sign for) the public https URL.
        CDS_PUBLIC_BASE_URL: PUBLIC_BASE_URL,
      },
      process.cwd(),
      // The service writes a V8 CPU profile there when it stops.
      PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    );
    service = { ...service, baseUrl };
    if (!(await waitUntilReady(service, 60_000))) throw new Error(`the service did not become ready:\n${service.output()}`);

    const endpoint = `${baseUrl}/cds-services/hip-oa-pathway`;
    const audience = `${PUBLIC_BASE_URL}/cds-services/hip-oa-pathway`;
    const bodies = identifiers.map(patientViewBody);
    const pid = service.child.pid!;
    // Not reported: warms the service up and records every patient's cards as issued once, which neither measured run should pay for.
    const warmUpTokens = await signedTokens(WARM_UP_SECONDS * TOKENS_PER_SECOND, 'RS384', keys.get('RS384')!, audience);
    await load(pid, endpoint, bodies, warmUpTokens, WARM_UP_SECONDS);
    for (const alg of ALGORITHMS) {
      const privateKey = keys.get(alg)!;
      const check = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${(await signedTokens(1, alg, privateKey, audience))[0]}` },
        body: bodies[0],
      });
      if (check.status !== 200) throw new Error(`patient-view answered ${check.status}: ${await check.text()}`);
      const tokens = await signedTokens(SECONDS * TOKENS_PER_SECOND + 1000, alg, privateKey, audience);
      const figures = await load(pid, endpoint, bodies, tokens, SECONDS);
      report(figures, alg, identifiers.length);
    }
  } finally {
    if (service) await stopService(service);
    jwks?.close();
    await dropScratchDatabase(DATABASE);
    rmSync(folder, { recursive: true, force: true });
  }
}

interface RunFigures {
  result: autocannon.Result;
  /** Calls beyond the tokens signed, refused as replays. */
  reusedTokens: number;
  cardsPerAnswer: number;
  serviceCpuMs: number;
  postgresCpuMs: number;
}

/** One run of patient-view calls, each with its own token, and the CPU it cost the service (`pid`) and its PostgreSQL backends. */
async function load(pid: number, endpoint: string, bodies: string[], tokens: string[], seconds: number): Promise<RunFigures> {
  let call = 0;
  let cards = 0;
  let answers = 0;
  const serviceCpuBefore = cpuMsOf(pid)!;
  let result: autocannon.Result | undefined;
  const postgresCpuMs = await backendCpuMsDuring(DATABASE, async () => {
    result = await autocannon({
      url: endpoint,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            call += 1;
            return {
              ...request,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[call % tokens.length]}` },
              body: bodies[call % bodies.length],
            };
          },
          onResponse: (status, body) => {
            if (status !== 200) return;
            answers += 1;
            cards += (JSON.parse(body) as { cards: unknown[] }).cards.length;
          },
        },
      ],
    });
  });
  return {
    result: result!,
    reusedTokens: Math.max(call - tokens.length, 0),
    cardsPerAnswer: cards / Math.max(answers, 1),
    serviceCpuMs: cpuMsOf(pid)! - serviceCpuBefore,
    postgresCpuMs,
  };
}

function report({ result, reusedTokens, cardsPerAnswer, serviceCpuMs, postgresCpuMs }: RunFigures, alg: Algorithm, patients: number): void {
  const { latency, requests, non2xx, errors } = result;
  if (reusedTokens > 0) console.log(`Note: ${reusedTokens} calls reused a token and were refused as replays.`);
  console.log(
    `\npatient-view with ${alg} tokens, over ${patients.toLocaleString('en')} patients, ${CONNECTIONS} concurrent EHR calls, ${SECONDS} s, production mode, PostgreSQL:`,
  );
  console.log(
    `  throughput ${requests.average.toFixed(0)} calls/s; latency p50 ${latency.p50} ms, p90 ${latency.p90} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
  );
  console.log(
    `  CPU per call: service ${(serviceCpuMs / requests.total).toFixed(2)} ms, PostgreSQL ${(postgresCpuMs / requests.total).toFixed(2)} ms`,
  );
  console.log(`  ${cardsPerAnswer.toFixed(1)} cards per answer; ${non2xx} non-2xx answers, ${errors} errors`);
  console.log(`  p99 target < ${TARGET_P99_MS} ms: ${latency.p99 < TARGET_P99_MS && non2xx === 0 && errors === 0 ? 'met' : 'NOT met'}`);
}

runBenchmark(main);
