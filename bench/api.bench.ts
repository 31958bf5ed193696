/**
 * `npm run bench:api`: the sidebar read and one recording mutation over HTTP, against the built
 * service (`node dist/main.js`) on PostgreSQL, with many seeded patients. Prints throughput and
 * p50/p99 latency. Settings: BENCH_DATABASE_URL (server to create a scratch database on; default
 * postgresql://postgres@127.0.0.1:5432/postgres), BENCH_PATIENTS (default 1000), BENCH_SECONDS
 * (default 10), BENCH_CONNECTIONS (default 20).
 */
import { randomBytes } from 'node:crypto';
import autocannon, { type Result } from 'autocannon';
import { signDevelopmentToken } from '../src/auth/dev-token.js';
import { loadEnvironment } from '../src/config/environment.js';
import { spawnService, stopService, waitUntilReady } from '../test/support/service-process.js';
import { createScratchDatabase, dropScratchDatabase } from './bench-database.js';
import { graphql, RECORD_PROM, SIDEBAR } from './bench-graphql.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SYSTEM = 'urn:oid:2.16.840.1.113883.2.4.6.3';

let keyCounter = 0;
const newKey = () => `bench-${process.pid}-${++keyCounter}`;

function dateDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

interface SeededPathway {
  identifierValue: string;
  pathwayId: string;
  version: number;
}

/** One patient with an open pathway in conservative treatment and a realistic history (12 events). */
async function seedPatient(baseUrl: string, token: string, index: number): Promise<SeededPathway> {
  const identifierValue = `BENCH-${index}`;
  const { registerPatient } = await graphql<{ registerPatient: { patient: { id: string } } }>(
    baseUrl,
    token,
    `
      mutation ($input: RegisterPatientInput!) {
        registerPatient(input: $input) {
          patient {
            id
          }
        }
      }
    `,
    {
      input: {
        identifierSystem: SYSTEM,
        identifierValue,
        birthDate: `19${40 + (index % 45)}-0${1 + (index % 9)}-1${index % 10}`,
        sex: index % 2 ? 'female' : 'male',
        idempotencyKey: newKey(),
      },
    },
  );
  const opened = await graphql<{ openPathway: { pathway: { id: string; version: number } } }>(
    baseUrl,
    token,
    `
      mutation ($input: OpenPathwayInput!) {
        openPathway(input: $input) {
          pathway {
            id
            version
          }
        }
      }
    `,
    {
      input: { patientId: registerPatient.patient.id, side: index % 2 ? 'LEFT' : 'RIGHT', idempotencyKey: newKey() },
    },
  );
  const pathwayId = opened.openPathway.pathway.id;
  let version = opened.openPathway.pathway.version;
  const steps: [string, string, object][] = [
    [
      'recordClinicalExam',
      'RecordClinicalExamInput',
      {
        clinicalDate: dateDaysAgo(120),
        activityRelatedPain: true,
        morningStiffnessMinutes: 10 + (index % 40),
        painOnInternalRotation: index % 3 !== 0,
        internalRotationDegrees: 5 + (index % 20),
        limping: index % 2 === 0,
      },
    ],
    ['recordRedFlagScreening', 'RecordRedFlagScreeningInput', { clinicalDate: dateDaysAgo(120), redFlags: index % 50 === 0 ? ['CLAUDICATION'] : [] }],
    ['recordRiskFactors', 'RecordRiskFactorsInput', { clinicalDate: dateDaysAgo(120), bmi: 20 + (index % 15), riskFactors: [] }],
    [
      'recordPatientReportedOutcomes',
      'RecordPatientReportedOutcomesInput',
      { clinicalDate: dateDaysAgo(120), painScore: index % 11, oxfordHipScore: 10 + (index % 30) },
    ],
    ['changeStage', 'ChangeStageInput', { to: 'CONSERVATIVE_TREATMENT' }],
    ['startTreatment', 'StartTreatmentInput', { clinicalDate: dateDaysAgo(110), treatment: 'EDUCATION' }],
    ['startTreatment', 'StartTreatmentInput', { clinicalDate: dateDaysAgo(110), treatment: 'EXERCISE_THERAPY' }],
    ['startTreatment', 'StartTreatmentInput', { clinicalDate: dateDaysAgo(100), treatment: index % 4 ? 'PARACETAMOL' : 'ORAL_NSAID' }],
    [
      'recordNsaidRiskFactors',
      'RecordNsaidRiskFactorsInput',
      { clinicalDate: dateDaysAgo(100), nsaidRiskFactors: index % 5 ? [] : ['RENAL_IMPAIRMENT'] },
    ],
    [
      'recordSurgicalIndication',
      'RecordSurgicalIndicationInput',
      { clinicalDate: dateDaysAgo(5), qualityOfLifeSubstantiallyAffected: index % 3 === 0 },
    ],
  ];
  for (const [mutation, inputType, fields] of steps) {
    const data = await graphql<Record<string, { pathway: { version: number } }>>(
      baseUrl,
      token,
      `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { pathway { version } } }`,
      {
        input: { pathwayId, expectedVersion: version, idempotencyKey: newKey(), ...fields },
      },
    );
    version = data[mutation].pathway.version;
  }
  return { identifierValue, pathwayId, version };
}

interface RecordingContext {
  pathway: SeededPathway;
}

async function seed(baseUrl: string, token: string): Promise<SeededPathway[]> {
  const seeded: SeededPathway[] = [];
  let next = 0;
  const worker = async () => {
    while (next < PATIENTS) seeded.push(await seedPatient(baseUrl, token, next++));
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return seeded;
}

function report(label: string, result: Result): void {
  const { requests, latency, non2xx, errors } = result;
  console.log(
    `${label.padEnd(28)} ${requests.average.toFixed(0).padStart(6)} req/s   p50 ${String(latency.p50).padStart(4)} ms   p99 ${String(latency.p99).padStart(4)} ms   (${requests.total} requests, ${non2xx} non-2xx, ${errors} errors)`,
  );
}

async function main(): Promise<void> {
  const database = `bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await createScratchDatabase(database);
  // A secret of the bench's own, so that it leaves no secret file behind.
  const secret = randomBytes(32).toString('base64url');
  const service = await spawnService({
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    AUTH_HS256_SECRET: secret,
    // One bench client is many clinicians: the per-token limit would refuse the seeding.
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const { baseUrl } = service;
  try {
    if (!(await waitUntilReady(service, 60_000))) throw new Error(`the service did not become ready:\n${service.output()}`);
    const token = await signDevelopmentToken(loadEnvironment({ NODE_ENV: 'development', AUTH_HS256_SECRET: secret }), {
      sub: 'bench',
      roles: ['CLINICIAN', 'INTEGRATION'],
      actingFor: 'dr.bench',
    });
    const seedStart = Date.now();
    const pathways = await seed(baseUrl, token);
    console.log(
      `Seeded ${pathways.length} patients with 12-event pathways in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s per run)`,
    );

    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    let cursor = 0;
    const sidebarRun = (connections: number) =>
      autocannon({
        url: `${baseUrl}/graphql`,
        connections,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            headers,
            setupRequest: (request) => {
              const { identifierValue } = pathways[cursor++ % pathways.length];
              return { ...request, body: JSON.stringify({ query: SIDEBAR, variables: { system: SYSTEM, value: identifierValue } }) };
            },
          },
        ],
      });
    const sidebarAlone = await sidebarRun(1);
    const sidebar = await sidebarRun(CONNECTIONS);

    // Each connection records on its own pathways, sending the version it last saw.
    let recordCursor = 0;
    let refused = 0;
    const recording = await autocannon({
      url: `${baseUrl}/graphql`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (request, context) => {
            const pathway = pathways[recordCursor++ % pathways.length];
            (context as RecordingContext).pathway = pathway;
            const input = {
              pathwayId: pathway.pathwayId,
              expectedVersion: pathway.version,
              idempotencyKey: newKey(),
              clinicalDate: dateDaysAgo(0),
              painScore: recordCursor % 11,
            };
            return { ...request, body: JSON.stringify({ query: RECORD_PROM, variables: { input } }) };
          },
          onResponse: (_status, body, context) => {
            const parsed = JSON.parse(body) as { data?: { recordPatientReportedOutcomes?: { pathway: { version: number } } } };
            const version = parsed.data?.recordPatientReportedOutcomes?.pathway.version;
            if (version === undefined) refused += 1;
            else (context as RecordingContext).pathway.version = version;
          },
        },
      ],
    });
    report('sidebar read, 1 client', sidebarAlone);
    report(`sidebar read, ${CONNECTIONS} clients`, sidebar);
    report(`recording, ${CONNECTIONS} clients`, recording);
    console.log(`recordings refused (stale version or error): ${refused}`);
  } finally {
    await stopService(service);
    await dropScratchDatabase(database);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
