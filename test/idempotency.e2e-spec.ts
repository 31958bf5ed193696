import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { openDatabase } from '../src/database/database-connection.js';
import { MIGRATIONS_DIR, migrateDatabase } from '../src/database/migrations.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { PathwayDriver } from './support/pathway-steps.js';
import { newKey } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

const FEEDBACK = `mutation ($input: GiveSuggestionFeedbackInput!) {
  giveSuggestionFeedback(input: $input) { replayed pathway { version } } }`;

type FeedbackAnswer = { giveSuggestionFeedback: { replayed: boolean; pathway: { version: number } } | null };

describe('idempotency keys, per user and per clinician an integration acts for', () => {
  const app = useTestApp();

  /** Feedback on the red-flag screening a newly opened pathway shows, always from the version the pathway was opened at. */
  const feedback = (hip: PathwayDriver, idempotencyKey: string, token: string) =>
    app.graphql<FeedbackAnswer>(
      FEEDBACK,
      { input: { pathwayId: hip.id, expectedVersion: 1, idempotencyKey, code: 'SCREEN_RED_FLAGS', outcome: 'ACCEPTED' } },
      token,
    );

  it('keeps a user whose id is "ehr for dr.x" apart from the integration "ehr" acting for "dr.x"', async () => {
    const key = newKey();
    const [clinicianHip, integrationHip] = [await PathwayDriver.open(app), await PathwayDriver.open(app)];
    const clinician = await app.token('CLINICIAN', 'ehr for dr.x');
    const integration = await app.token('INTEGRATION', 'ehr', 'dr.x');

    const byClinician = await feedback(clinicianHip, key, clinician);
    expect(byClinician.data?.giveSuggestionFeedback?.replayed).toBe(false);
    const byIntegration = await feedback(integrationHip, key, integration);
    expect(byIntegration.errors).toBeUndefined();
    expect(byIntegration.data?.giveSuggestionFeedback?.replayed).toBe(false);

    const recorded = (streamId: string) =>
      app.prisma.auditEvent.findMany({ where: { streamId, idempotencyKey: key }, select: { actor: true, actingFor: true } });
    expect(await recorded(clinicianHip.id)).toEqual([{ actor: 'ehr for dr.x', actingFor: null }]);
    expect(await recorded(integrationHip.id)).toEqual([{ actor: 'ehr', actingFor: 'dr.x' }]);

    // Each retry gets its own first answer and records nothing.
    const events = await app.auditEventCount();
    expect((await feedback(integrationHip, key, integration)).data?.giveSuggestionFeedback).toEqual({
      ...byIntegration.data?.giveSuggestionFeedback,
      replayed: true,
    });
    expect((await feedback(clinicianHip, key, clinician)).data?.giveSuggestionFeedback).toEqual({
      ...byClinician.data?.giveSuggestionFeedback,
      replayed: true,
    });
    expect(await app.auditEventCount()).toBe(events);
  });

  it('gives an integration a key space for each clinician it acts for', async () => {
    const key = newKey();
    const [first, second] = [await PathwayDriver.open(app), await PathwayDriver.open(app)];
    expect((await feedback(first, key, await app.token('INTEGRATION', 'ehr', 'dr.x'))).data?.giveSuggestionFeedback?.replayed).toBe(false);
    expect((await feedback(second, key, await app.token('INTEGRATION', 'ehr', 'dr.y'))).data?.giveSuggestionFeedback?.replayed).toBe(false);
  });
});

describe('the migration that keeps the acting-for user apart in idempotency records', () => {
  const MIGRATION = '20261127130000_idempotency_acting_for';

  it('splits the rows an integration wrote, as the audit events of their writes show, and leaves the others to their user', async () => {
    const database = await createTestDatabase();
    const earlierMigrations = await mkdtemp(path.join(tmpdir(), 'heupartrose-migrations-'));
    for (const entry of await readdir(MIGRATIONS_DIR)) {
      if (entry < MIGRATION || entry === 'migration_lock.toml')
        await cp(path.join(MIGRATIONS_DIR, entry), path.join(earlierMigrations, entry), { recursive: true });
    }
    const connection = await openDatabase({ DATABASE_URL: database.url, PGLITE_DATA_DIR: 'memory://' });
    const prisma = new PrismaClient({ adapter: connection.adapterFactory });
    try {
      await migrateDatabase(connection, earlierMigrations);
      const stream = '6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11';
      await prisma.$executeRawUnsafe(
        `INSERT INTO audit_stream (id, type, last_sequence, last_hash) VALUES ('${stream}', 'PATHWAY', 3, repeat('0', 64))`,
      );
      const event = (sequence: number, actor: string, actingFor: string | null, key: string) =>
        prisma.$executeRaw`INSERT INTO audit_event (stream_id, sequence, type, payload, actor, acting_for, role, recorded_at, rule_set_version, idempotency_key, previous_hash, hash)
          VALUES (${stream}::uuid, ${sequence}, 'SUGGESTION_FEEDBACK_GIVEN', '{}'::jsonb, ${actor}, ${actingFor}, 'INTEGRATION', now(), 'hip-oa-2026.12', ${key}, repeat('0', 64), repeat('0', 64))`;
      await event(1, 'ehr', 'dr.x', 'key-integration');
      await event(2, 'ehr for dr.x', null, 'key-clinician');
      await event(3, 'ehr', 'dr.x', 'key-clinician-elsewhere');
      const record = (userId: string, key: string) =>
        prisma.$executeRaw`INSERT INTO idempotency_record (user_id, key, operation, request_hash, response, created_at)
          VALUES (${userId}, ${key}, 'giveSuggestionFeedback', repeat('0', 64), '{}'::jsonb, now())`;
      await record('ehr for dr.x', 'key-integration');
      await record('ehr for dr.x', 'key-clinician');
      await record('dr.peeters', 'key-clinician-elsewhere');

      await migrateDatabase(connection);

      const rows = await prisma.idempotencyRecord.findMany({ select: { userId: true, actingFor: true, key: true }, orderBy: { key: 'asc' } });
      expect(rows).toEqual([
        { userId: 'ehr for dr.x', actingFor: '', key: 'key-clinician' },
        { userId: 'dr.peeters', actingFor: '', key: 'key-clinician-elsewhere' },
        { userId: 'ehr', actingFor: 'dr.x', key: 'key-integration' },
      ]);
    } finally {
      await prisma.$disconnect();
      await connection.close();
      await database.drop();
      await rm(earlierMigrations, { recursive: true, force: true });
    }
  });
});
