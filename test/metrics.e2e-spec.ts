import { describe, expect, it } from '@jest/globals';
import { onPostgres } from './support/test-database.js';
import { newKey, type TestApp } from './support/test-app.js';
import { useTestApp } from './support/use-test-app.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdefghijklmnop';
const SCRAPER = { authorization: `Bearer ${METRICS_TOKEN}` };

/** The value of one series (`name{labels}`) in a scrape, or 0 when it has no sample yet. */
function valueOf(scrape: string, series: string): number {
  const line = scrape.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function scrape(app: TestApp): Promise<string> {
  const response = await fetch(`${app.baseUrl}/metrics`, { headers: SCRAPER });
  expect(response.status).toBe(200);
  return response.text();
}

/** What `work` adds to each series. */
async function growthOf(app: TestApp, series: string[], work: () => Promise<unknown>): Promise<number[]> {
  const before = await scrape(app);
  await work();
  const after = await scrape(app);
  return series.map((name) => valueOf(after, name) - valueOf(before, name));
}

const EVALUATE = '{ evaluateGuideline(facts: { stage: CLINICAL_EXAM, ageYears: 67 }, locale: EN) { ruleSetVersion } }';

describe('metrics without METRICS_TOKEN or METRICS_ALLOWED_ADDRESSES', () => {
  const app = useTestApp();

  it('are not served: /metrics is an unknown route, whatever the token', async () => {
    for (const headers of [{}, SCRAPER]) {
      const response = await fetch(`${app.baseUrl}/metrics`, { headers });
      expect(response.status).toBe(404);
    }
  });
});

describe('metrics with METRICS_TOKEN', () => {
  const app = useTestApp({ env: { METRICS_TOKEN } });

  it.each([
    ['no token', () => Promise.resolve({})],
    ['another token', () => Promise.resolve({ authorization: `Bearer ${'x'.repeat(METRICS_TOKEN.length)}` })],
    ['the token with one character more', () => Promise.resolve({ authorization: `Bearer ${METRICS_TOKEN}x` })],
    ["an administrator's token", async () => ({ authorization: `Bearer ${await app.token('ADMIN')}` })],
  ])('refuse a scrape with %s: 401, outside the roles of the API', async (_label, headersOf) => {
    const response = await fetch(`${app.baseUrl}/metrics`, { headers: await headersOf() });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'METRICS_TOKEN_INVALID' });
  });

  it("serve Prometheus's text format: the process's metrics, the read path's buffers, the SQL statements' time", async () => {
    const response = await fetch(`${app.baseUrl}/metrics`, { headers: SCRAPER });
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    for (const series of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'batch_buffer_pending_entries{buffer="access_log"}',
      'batch_buffer_pending_entries{buffer="suggestion_impressions"}',
      'database_query_duration_seconds_count',
    ]) {
      expect(text).toMatch(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} \\d`, 'm'));
    }
  });

  it('report the PostgreSQL connection pool (total, idle, waiting); PGlite has none', async () => {
    // Readiness asks the database, so the pool holds a client (idle ones close after 10 s).
    expect((await fetch(`${app.baseUrl}/health/ready`)).status).toBe(200);
    const text = await scrape(app);
    if (onPostgres()) {
      expect(valueOf(text, 'database_pool_clients{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^database_pool_clients\{state="idle"\} \d+$/m);
      expect(text).toMatch(/^database_pool_clients\{state="waiting"\} \d+$/m);
    } else {
      expect(text).not.toContain('database_pool_clients');
    }
  });

  it('count and time a GraphQL operation under its root field, however the client names it', async () => {
    const token = await app.token('CLINICIAN');
    const [anonymous, named, timed] = await growthOf(
      app,
      [
        'graphql_operations_total{type="query",operation="evaluateGuideline",outcome="success"}',
        'graphql_operations_total{type="query",operation="guidelineRules",outcome="success"}',
        'graphql_operation_duration_seconds_count{type="query",operation="evaluateGuideline"}',
      ],
      async () => {
        expect((await app.graphql(EVALUATE, {}, token)).errors).toBeUndefined();
        expect((await app.graphql('query RulesForTheSidebar { rules: guidelineRules { code } }', {}, token)).errors).toBeUndefined();
      },
    );
    expect([anonymous, named, timed]).toEqual([1, 1, 1]);
  });

  it('count errors under their code: in GraphQL answers, in REST answers, and for requests refused before an operation was known', async () => {
    const [graphqlUnauthenticated, restUnauthenticated, invalid, badInput] = await growthOf(
      app,
      [
        'api_errors_total{channel="graphql",code="UNAUTHENTICATED"}',
        'api_errors_total{channel="http",code="UNAUTHENTICATED"}',
        'graphql_operations_total{type="none",operation="invalid",outcome="error"}',
        'api_errors_total{channel="graphql",code="BAD_USER_INPUT"}',
      ],
      async () => {
        expect((await app.graphql(EVALUATE)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
        expect((await fetch(`${app.baseUrl}/reports/flow.csv`)).status).toBe(401);
        expect((await app.graphql('{ evaluateGuideline(', {}, await app.token('CLINICIAN'))).status).toBe(400);
      },
    );
    expect([graphqlUnauthenticated, restUnauthenticated, invalid, badInput]).toEqual([1, 1, 1, 1]);
  });

  it('count REST requests by route pattern and status, never by URL', async () => {
    const cardId = '0b8c3a52-7a43-4f0e-9d7b-5d21d3c0ffee';
    const [feedback, unmatched] = await growthOf(
      app,
      [
        'http_requests_total{method="POST",route="/cds-services/:id/feedback",status="401"}',
        'http_requests_total{method="GET",route="unmatched",status="404"}',
      ],
      async () => {
        expect((await fetch(`${app.baseUrl}/cds-services/${cardId}/feedback`, { method: 'POST' })).status).toBe(401);
        expect((await fetch(`${app.baseUrl}/patients/${cardId}`)).status).toBe(404);
      },
    );
    expect([feedback, unmatched]).toEqual([1, 1]);
    expect(await scrape(app)).not.toContain(cardId);
  });

  it("time the SQL statements of a read, and name no patient, user, identifier or client's name", async () => {
    const identifier = { identifierSystem: 'urn:oid:2.16.840.1.113883.2.4.6.3', identifierValue: 'METRICS-QZXW' };
    const clinician = await app.token('CLINICIAN', 'dr.metrics-clinician');
    const registered = await app.graphql<{ registerPatient: { patient: { id: string } } }>(
      'mutation RegisterQzxw($input: RegisterPatientInput!) { registerPatient(input: $input) { patient { id } } }',
      { input: { ...identifier, birthDate: '1951-02-03', sex: 'female', idempotencyKey: newKey() } },
      clinician,
    );
    const patientId = registered.data!.registerPatient.patient.id;
    const [statements] = await growthOf(app, ['database_query_duration_seconds_count'], async () => {
      const read = await app.graphql(
        'query SidebarOfJanssensQzxw($value: String!) { janssens: patientByIdentifier(system: "urn:oid:2.16.840.1.113883.2.4.6.3", value: $value) { id birthDate } }',
        { value: identifier.identifierValue },
        clinician,
      );
      expect(read.errors).toBeUndefined();
    });
    expect(statements).toBeGreaterThanOrEqual(1);
    const text = await scrape(app);
    expect(text).toContain('graphql_operations_total{type="query",operation="patientByIdentifier",outcome="success"} 1');
    for (const secret of [patientId, identifier.identifierValue, 'QZXW', 'Qzxw', '1951-02-03', 'dr.metrics-clinician', 'Janssens', 'janssens']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('metrics with METRICS_ALLOWED_ADDRESSES', () => {
  describe('naming the address the request comes from', () => {
    const app = useTestApp({ env: { METRICS_ALLOWED_ADDRESSES: '::1,127.0.0.1' } });

    it('are served to it without a token', async () => {
      const response = await fetch(`${app.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('process_cpu_seconds_total');
    });
  });

  describe('naming other addresses only', () => {
    const app = useTestApp({ env: { METRICS_ALLOWED_ADDRESSES: '10.20.30.40' } });

    it('are refused to every other address, whatever it sends (403), forwarded addresses not trusted', async () => {
      const response = await fetch(`${app.baseUrl}/metrics`, { headers: { ...SCRAPER, 'x-forwarded-for': '10.20.30.40' } });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN', reason: 'METRICS_ADDRESS_NOT_ALLOWED' });
    });
  });

  describe('and METRICS_TOKEN', () => {
    const app = useTestApp({ env: { METRICS_ALLOWED_ADDRESSES: '10.20.30.40', METRICS_TOKEN } });

    it('are served elsewhere with the token only', async () => {
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(401);
      expect((await fetch(`${app.baseUrl}/metrics`, { headers: SCRAPER })).status).toBe(200);
    });
  });
});
