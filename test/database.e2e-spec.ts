import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { resolveDevelopmentSecret } from '../src/auth/development-secret.js';
import { signDevelopmentToken } from '../src/auth/dev-token.js';
import { loadEnvironment } from '../src/config/environment.js';
import { REGISTER_PATIENT, patientInput, registerPatient } from './support/fixtures.js';
import { spawnService, stopService, waitUntilReady } from './support/service-process.js';
import { TestApp } from './support/test-app.js';
import { createTestDatabase, onPostgres } from './support/test-database.js';

describe('the audit log in the database', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await registerPatient(app);
  });
  afterAll(() => app.close());

  it.each([
    ['UPDATE', `UPDATE audit_event SET actor = 'someone.else'`],
    ['DELETE', 'DELETE FROM audit_event'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
  ])('refuses a direct SQL %s on the log', async (_operation, sql) => {
    const before = await app.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } });
    await expect(app.prisma.$executeRawUnsafe(sql)).rejects.toThrow(/append-only/);
    expect(await app.prisma.auditEvent.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('serves from the database it was asked for', async () => {
    const ready = await app.get<{ details: { database: unknown } }>('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.database).toEqual({ status: 'up', kind: onPostgres() ? 'postgresql' : 'pglite' });
    const [{ database }] = await app.prisma.$queryRaw<{ database: string }[]>`SELECT current_database() AS database`;
    if (onPostgres()) {
      expect(database).toMatch(/^test_[0-9a-f]{12}$/);
      const id = await registerPatient(app);
      const client = new pg.Client({ connectionString: `${process.env.DATABASE_URL!.replace(/\/[^/]*$/, '')}/${database}` });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS count FROM patient WHERE id = $1', [id]);
      await client.end();
      expect(rows[0].count).toBe(1);
    } else {
      expect(database).toBe('postgres');
    }
  });

  it('lets audit verification find a tampered event (trigger disabled by a superuser)', async () => {
    const id = await registerPatient(app);
    await app.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
      await tx.$executeRaw`UPDATE audit_event SET actor = 'forger' WHERE stream_id = ${id}::uuid`;
      await tx.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
    });
    expect((await verifyAuditLog(app.prisma)).firstBrokenLink).toEqual({ streamId: id, sequence: 1, problem: 'HASH_MISMATCH' });
  });
});

describe('the embedded database folder', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'heupartrose-pglite-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('keeps data across a restart, refuses a second process while in use, and releases the lock on SIGTERM', async () => {
    const dataDir = path.join(folder, 'data');
    const embedded = { PGLITE_DATA_DIR: dataDir };

    const first = await TestApp.start({ env: embedded, adjust: (environment) => delete environment.DATABASE_URL });
    const id = await registerPatient(first);

    const second = await spawnService(embedded);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('PGLITE_DATA_DIR is in use by another process');
    await first.close();

    const restarted = await spawnService({ ...embedded, LOG_LEVEL: 'info' });
    expect(await waitUntilReady(restarted)).toBe(true);
    await expectLogsWithoutPatientData(restarted.baseUrl, restarted.output, dataDir);
    expect(await stopService(restarted)).toBe(0);

    const verify = spawnSync(process.execPath, ['dist/audit/cli/verify-audit.js'], {
      env: { ...process.env, NODE_ENV: 'test', ...embedded, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/Audit log intact: 2 events in 2 streams verified/);

    const reopened = await TestApp.start({ env: embedded, adjust: (environment) => delete environment.DATABASE_URL });
    const { data } = await reopened.graphql<{ patient: { id: string } }>(
      `query ($id: ID!) { patient(id: $id) { id } }`,
      { id },
      await reopened.token('CLINICIAN'),
    );
    expect(data?.patient.id).toBe(id);
    await reopened.close();
  });
});

/**
 * Registers a patient and sends a bad request: the logs name requests by id and path, never the
 * data. The token is signed with the secret the service generated beside its PGlite folder.
 */
async function expectLogsWithoutPatientData(baseUrl: string, output: () => string, pgliteDataDir: string): Promise<void> {
  const environment = loadEnvironment({ NODE_ENV: 'test', PGLITE_DATA_DIR: pgliteDataDir });
  await resolveDevelopmentSecret(environment);
  const token = await signDevelopmentToken(environment, { sub: 'dr.peeters', roles: ['CLINICIAN'] });
  const post = (variables: object) =>
    fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'log-check-1' },
      body: JSON.stringify({ query: REGISTER_PATIENT, variables }),
    });
  expect((await post({ input: patientInput({ identifierValue: 'SECRET-ID-4711', birthDate: '1944-07-04' }) })).status).toBe(200);
  await post({ input: patientInput({ identifierValue: 'SECRET-ID-4712', birthDate: '1944-13-45' }) });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const logs = output();
  expect(logs).toContain('"reqId":"log-check-1"');
  expect(logs).toContain('"path":"/graphql"');
  for (const secret of ['SECRET-ID-4711', 'SECRET-ID-4712', '1944-07-04', '1944-13-45', token]) expect(logs).not.toContain(secret);
}

describe('a broken migration', () => {
  let projectDir: string;
  beforeAll(async () => {
    projectDir = await mkdtemp(path.join(tmpdir(), 'heupartrose-broken-migration-'));
    await cp(path.resolve('prisma'), path.join(projectDir, 'prisma'), { recursive: true });
    const broken = path.join(projectDir, 'prisma/migrations/29991231000000_broken');
    await mkdir(broken);
    await writeFile(path.join(broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\nCREATE TABLEE oops (id int);\n');
  });
  afterAll(() => rm(projectDir, { recursive: true, force: true }));

  it('stops boot, applies none of it, and leaves it unfinished', async () => {
    const database = onPostgres() ? await createTestDatabase() : undefined;
    const dataDir = path.join(projectDir, 'data');
    const env: Record<string, string> = database?.url ? { DATABASE_URL: database.url } : { PGLITE_DATA_DIR: dataDir };
    const service = await spawnService(env, projectDir);
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('Startup failed');

    const query = async (sql: string) => {
      if (database?.url) {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          return (await client.query<Record<string, unknown>>(sql)).rows;
        } finally {
          await client.end();
        }
      }
      const pglite = await PGlite.create(dataDir);
      try {
        return (await pglite.query<Record<string, unknown>>(sql)).rows;
      } finally {
        await pglite.close();
      }
    };
    const migrations = await query('SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name');
    expect(migrations.at(-1)).toMatchObject({ migration_name: '29991231000000_broken', finished_at: null });
    expect(migrations.slice(0, -1).every((row) => row.finished_at !== null)).toBe(true);
    expect(await query(`SELECT to_regclass('half_done') AS table`)).toEqual([{ table: null }]);
    await database?.drop();
  });
});
