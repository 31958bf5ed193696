import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { signDevelopmentToken } from '../src/auth/dev-token.js';
import { loadEnvironment } from '../src/config/environment.js';
import { verifyPathwayStates } from '../src/pathways/pathway-state-verifier.js';
import { withDatabase } from './support/database-rows.js';
import { patientInput, REGISTER_PATIENT } from './support/fixtures.js';
import { daysAgo } from './support/pathway-steps.js';
import { spawnService, stopService, waitUntilReady, type ServiceProcess } from './support/service-process.js';
import { newKey, randomSecret } from './support/test-app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from './support/test-database.js';

const CLIENTS_PER_INSTANCE = 8;
const WRITES_PER_CLIENT = 4;
const RECORD_OUTCOMES = `mutation ($input: RecordPatientReportedOutcomesInput!) {
  recordPatientReportedOutcomes(input: $input) { replayed eventSequences pathway { version } } }`;
/** A refusal that changed nothing and may be retried: a version another write moved on, or a database too busy to answer. */
const RETRYABLE = ['CONFLICT', 'SERVICE_UNAVAILABLE'];

interface Answer<Data> {
  data?: Data | null;
  errors?: { extensions: { code: string; reason?: string } }[];
}
type RecordedOutcomes = Answer<{ recordPatientReportedOutcomes: { replayed: boolean; eventSequences: number[]; pathway: { version: number } } }>;

/** One acknowledged write: its key, its pathway, the sequence its answer gave the event, and the refusals before it. */
interface Acknowledged {
  idempotencyKey: string;
  pathwayId: string;
  sequence: number;
  refusals: number;
}

/**
 * How the service scales past one machine: two processes (`node dist/main.js`) on one fresh
 * PostgreSQL database, clients of both writing to the same pathways at once, each retrying on
 * CONFLICT with the version it reads again. Every acknowledged write is in the log exactly once,
 * every pathway's sequence is unbroken, every chain and every state verifies; and a retry sent to
 * the other instance gets the first answer.
 */
(onPostgres() ? describe : describe.skip)('two instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let instances: ServiceProcess[];
  let token: string;

  const graphql = async <Data>(instance: ServiceProcess, query: string, variables: Record<string, unknown>): Promise<Answer<Data>> => {
    const response = await fetch(`${instance.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer<Data>;
  };
  const ok = async <Data>(instance: ServiceProcess, query: string, variables: Record<string, unknown>): Promise<Data> => {
    const answer = await graphql<Data>(instance, query, variables);
    if (answer.errors) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  };
  const versionOf = async (instance: ServiceProcess, pathwayId: string) =>
    (await ok<{ pathway: { version: number } }>(instance, 'query ($id: ID!) { pathway(id: $id) { version } }', { id: pathwayId })).pathway.version;

  /** A patient with a pathway open on each hip, through the first instance. */
  async function openPathways(): Promise<string[]> {
    const { registerPatient } = await ok<{ registerPatient: { patient: { id: string } } }>(instances[0], REGISTER_PATIENT, { input: patientInput() });
    const ids: string[] = [];
    for (const side of ['LEFT', 'RIGHT']) {
      const { openPathway } = await ok<{ openPathway: { pathway: { id: string } } }>(
        instances[0],
        'mutation ($input: OpenPathwayInput!) { openPathway(input: $input) { pathway { id } } }',
        { input: { patientId: registerPatient.patient.id, side, idempotencyKey: newKey() } },
      );
      ids.push(openPathway.pathway.id);
    }
    return ids;
  }

  /** Records outcomes on the pathway through `instance` until acknowledged, reading the version again after each refusal. */
  async function recordUntilAcknowledged(instance: ServiceProcess, pathwayId: string, painScore: number): Promise<Acknowledged> {
    const idempotencyKey = newKey();
    for (let refusals = 0; refusals < 200; refusals += 1) {
      const input = { pathwayId, expectedVersion: await versionOf(instance, pathwayId), idempotencyKey, clinicalDate: daysAgo(0), painScore };
      const answer = await graphql<RecordedOutcomes['data']>(instance, RECORD_OUTCOMES, { input });
      const written = (answer as RecordedOutcomes).data?.recordPatientReportedOutcomes;
      if (written) return { idempotencyKey, pathwayId, sequence: written.eventSequences[0], refusals };
      expect(RETRYABLE).toContain(answer.errors?.[0]?.extensions.code);
    }
    throw new Error('A client gave up after 200 attempts');
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const secret = randomSecret();
    const env = { DATABASE_URL: database.url!, PGLITE_DATA_DIR: 'memory://', AUTH_HS256_SECRET: secret, RATE_LIMIT_PER_MINUTE: '0' };
    // Both start at once, as replicas do: Prisma's schema engine applies the migrations under an advisory lock, once.
    instances = await Promise.all([spawnService(env), spawnService(env)]);
    for (const instance of instances) expect(await waitUntilReady(instance, 60_000)).toBe(true);
    token = await signDevelopmentToken(loadEnvironment({ NODE_ENV: 'test', AUTH_HS256_SECRET: secret, PGLITE_DATA_DIR: 'memory://' }), {
      sub: 'dr.peeters',
      roles: ['CLINICIAN'],
    });
  }, 120_000);
  afterAll(async () => {
    for (const instance of instances ?? []) expect(await stopService(instance)).toBe(0);
    await database?.drop();
  });

  it('keeps every write acknowledged by either instance exactly once, with unbroken sequences, intact chains and states that replay', async () => {
    const pathwayIds = await openPathways();
    const clients = instances.flatMap((instance) =>
      Array.from({ length: CLIENTS_PER_INSTANCE }, async (_, client) => {
        const acknowledged: Acknowledged[] = [];
        for (let write = 0; write < WRITES_PER_CLIENT; write += 1) {
          acknowledged.push(await recordUntilAcknowledged(instance, pathwayIds[(client + write) % pathwayIds.length], write % 11));
        }
        return acknowledged;
      }),
    );
    const acknowledged = (await Promise.all(clients)).flat();
    expect(acknowledged).toHaveLength(2 * CLIENTS_PER_INSTANCE * WRITES_PER_CLIENT);
    // The instances did write to the same pathways at once: some writes lost the race and were retried.
    expect(acknowledged.some((write) => write.refusals > 0)).toBe(true);

    await withDatabase({ DATABASE_URL: database.url, PGLITE_DATA_DIR: 'memory://' }, async (prisma) => {
      for (const pathwayId of pathwayIds) {
        const events = await prisma.auditEvent.findMany({ where: { streamId: pathwayId }, orderBy: { sequence: 'asc' } });
        const written = acknowledged.filter((write) => write.pathwayId === pathwayId);
        expect(events.map((event) => event.sequence)).toEqual(Array.from({ length: written.length + 1 }, (_, index) => index + 1));
        // Each acknowledged key names exactly one event, the one its answer gave.
        const stored = events.filter((event) => event.type === 'PATIENT_REPORTED_OUTCOMES_RECORDED');
        expect(stored.map((event) => [event.idempotencyKey, event.sequence]).sort()).toEqual(
          written.map((write) => [write.idempotencyKey, write.sequence]).sort(),
        );
        expect((await prisma.pathway.findUniqueOrThrow({ where: { id: pathwayId } })).version).toBe(written.length + 1);
      }
      expect((await verifyAuditLog(prisma)).firstBrokenLink).toBeUndefined();
      expect((await verifyPathwayStates(prisma)).firstMismatch).toBeUndefined();
    });
  }, 120_000);

  it('answers a retry sent to the other instance with the stored first answer, and records nothing more', async () => {
    const [pathwayId] = await openPathways();
    const input = { pathwayId, expectedVersion: 1, idempotencyKey: newKey(), clinicalDate: daysAgo(0), painScore: 4 };
    const first = await ok<RecordedOutcomes['data']>(instances[0], RECORD_OUTCOMES, { input });
    const retry = await ok<RecordedOutcomes['data']>(instances[1], RECORD_OUTCOMES, { input });
    expect(first!.recordPatientReportedOutcomes).toEqual({ replayed: false, eventSequences: [2], pathway: { version: 2 } });
    expect(retry!.recordPatientReportedOutcomes).toEqual({ replayed: true, eventSequences: [2], pathway: { version: 2 } });
    const events = await withDatabase({ DATABASE_URL: database.url, PGLITE_DATA_DIR: 'memory://' }, (prisma) =>
      prisma.auditEvent.count({ where: { streamId: pathwayId } }),
    );
    expect(events).toBe(2);
  });
});
