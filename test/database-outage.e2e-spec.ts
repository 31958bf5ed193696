import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAuditLog } from '../src/audit/audit-verifier.js';
import { REGISTER_PATIENT, patientInput, registerPatient } from './support/fixtures.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { TestApp } from './support/test-app.js';
import { onPostgres } from './support/test-database.js';

const CONNECT_TIMEOUT_MS = 1000;
const STATEMENT_TIMEOUT_MS = 1500;
const PATIENT = `query ($id: ID!) { patient(id: $id) { id } }`;

/** Resolves with what `work` gave and how long it took. */
async function timed<Value>(work: () => Promise<Value>): Promise<{ value: Value; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/**
 * A PostgreSQL outage, played through a TCP proxy between the service and the shared server (which
 * is never stopped): first the connections cut, then a database that accepts but never answers.
 */
(onPostgres() ? describe : describe.skip)('a PostgreSQL outage', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  const acknowledged: string[] = [];

  const ready = () => timed(async () => (await fetch(`${app.baseUrl}/health/ready`)).status);
  const register = async () =>
    timed(async () => {
      const response = await app.graphql<{ registerPatient: { patient: { id: string } } }>(
        REGISTER_PATIENT,
        { input: patientInput() },
        await app.token('CLINICIAN'),
      );
      if (response.data?.registerPatient) acknowledged.push(response.data.registerPatient.patient.id);
      return response;
    });
  const csv = async () =>
    timed(async () => {
      const response = await fetch(`${app.baseUrl}/reports/flow.csv`, { headers: { authorization: `Bearer ${await app.token('AUDITOR')}` } });
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
    });

  beforeAll(async () => {
    const server = new URL(process.env.DATABASE_URL!);
    proxy = await TcpProxy.start(server.hostname, Number(server.port || 5432));
    app = await TestApp.start({
      env: {
        DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
        DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        DATABASE_TRANSACTION_TIMEOUT_MS: '3000',
      },
      adjust: (environment) => (environment.DATABASE_URL = proxy.route(environment.DATABASE_URL!)),
    });
    for (let index = 0; index < 3; index += 1) acknowledged.push(await registerPatient(app));
  });
  afterAll(async () => {
    proxy.restore();
    await app.close();
    await proxy.close();
  });

  it('when the connections are cut: not ready within 2 s, SERVICE_UNAVAILABLE (503 over REST) within the timeout, nothing stored', async () => {
    proxy.cut();
    const readiness = await ready();
    expect(readiness.value).toBe(503);
    expect(readiness.ms).toBeLessThan(2000);

    const write = await register();
    expect(write.value.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
    expect(write.value.errors?.[0]?.message).toBe('The database is not available at the moment; nothing was done, and the request may be retried');
    expect(write.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2000);
    const report = await csv();
    expect(report.value).toMatchObject({ status: 503, retryAfter: '2', body: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' } });
  });

  it('recovers without a restart', async () => {
    proxy.restore();
    expect((await ready()).value).toBe(200);
    expect((await register()).value.errors).toBeUndefined();
  });

  it('when the database hangs: not ready within 2 s, SERVICE_UNAVAILABLE within the statement timeout', async () => {
    proxy.freeze();
    const readiness = await ready();
    expect(readiness.value).toBe(503);
    expect(readiness.ms).toBeLessThan(2000);

    const token = await app.token('CLINICIAN');
    const [read, write] = await Promise.all([timed(() => app.graphql(PATIENT, { id: acknowledged[0] }, token)), register()]);
    for (const answer of [read, write]) {
      expect(answer.value.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(answer.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + CONNECT_TIMEOUT_MS + 3000);
    }
  });

  it('recovers again, with every acknowledged write stored once and every chain intact', async () => {
    proxy.restore();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt += 1) {
      status = (await ready()).value;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect((await register()).value.errors).toBeUndefined();

    const stored = await app.prisma.patient.findMany({ where: { id: { in: acknowledged } }, select: { id: true } });
    expect(stored.map((row) => row.id).sort()).toEqual([...acknowledged].sort());
    expect(await app.prisma.patient.count()).toBe(acknowledged.length);
    const verification = await verifyAuditLog(app.prisma);
    expect(verification.firstBrokenLink).toBeUndefined();
    expect(verification.streams).toBe(acknowledged.length);
  });
});
