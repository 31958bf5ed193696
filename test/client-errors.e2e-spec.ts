import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signDevelopmentToken } from '../src/auth/dev-token.js';
import type { Role } from '../src/auth/role.js';
import { loadEnvironment } from '../src/config/environment.js';
import { logLines, spawnService, stopService, waitUntilReady, type ServiceProcess } from './support/service-process.js';
import { randomSecret } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/** A name a client could build from a patient's data: it must never come back in an answer or a log line. */
const NAME = 'Jansen_Maria_19560412';

const PATIENTS = 'patients(first: 1) { edges { cursor } }';
const hundredPatients = (alias: string) => `${alias}: patients(first: 100) { edges { node { id birthDate sex } } }`;

interface Answer {
  status: number;
  requestId: string | null;
  body: {
    errors?: { message: string; locations?: unknown[]; extensions: { code: string; reason?: string; field?: string; correlationId?: string } }[];
  };
}

/**
 * The real service (`node dist/main.js`) on a fresh database, its log lines captured: requests the
 * client got wrong are answered 400 with a client code, a reason and the request id, and logged at
 * info level (the request's own line) only; no name or value the client chose comes back.
 */
describe('requests the client got wrong', () => {
  let database: TestDatabase;
  let service: ServiceProcess;
  let secret: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    secret = randomSecret();
    const storage: Record<string, string> = database.url ? { DATABASE_URL: database.url } : { PGLITE_DATA_DIR: 'memory://' };
    service = await spawnService({ LOG_LEVEL: 'info', AUTH_HS256_SECRET: secret, ...storage });
    expect(await waitUntilReady(service, 50_000)).toBe(true);
  });
  afterAll(async () => {
    await stopService(service);
    await database.drop();
  });

  const token = (role: Role) =>
    signDevelopmentToken(loadEnvironment({ NODE_ENV: 'test', AUTH_HS256_SECRET: secret, PGLITE_DATA_DIR: 'memory://' }), {
      sub: 'dr.peeters',
      roles: [role],
    });

  async function post(body: unknown): Promise<Answer> {
    const response = await fetch(`${service.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token('CLINICIAN')}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as Answer['body'] };
  }

  function expectClientError(answer: Answer, reason: string, message?: string | RegExp) {
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toBeDefined();
    const [error] = answer.body.errors!;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, correlationId: answer.requestId });
    if (typeof message === 'string') expect(error.message).toBe(message);
    else if (message) expect(error.message).toMatch(message);
  }

  describe('refused before they run: 400, never a server error', () => {
    it.each<[string, unknown, string, string | RegExp]>([
      ['a syntax error', { query: '{ patients(first: 1 { id } }' }, 'INVALID_QUERY', 'Syntax error in the query'],
      ['more tokens than allowed', { query: `{ ${'id '.repeat(3001)}}` }, 'INVALID_QUERY', 'Token limit of 3000 exceeded.'],
      [
        'a query over the cost limit',
        { query: `{ ${['a', 'b', 'c'].map(hundredPatients).join(' ')} }` },
        'INVALID_QUERY',
        /^Query Cost limit of 5000 exceeded, found [\d.]+\.$/,
      ],
      [
        'a query over the depth limit',
        { query: '{ patients(first: 1) { edges { node { pathways { patient { pathways { patient { pathways { id } } } } } } } } }' },
        'INVALID_QUERY',
        /^Query depth limit of 8 exceeded, found \d+\.$/,
      ],
      [
        'more aliases than allowed',
        { query: `{ ${Array.from({ length: 21 }, (_, index) => `a${index}: guidelineRules { code }`).join(' ')} }` },
        'INVALID_QUERY',
        /^Aliases limit of 20 exceeded, found 21\.$/,
      ],
      ['a subscription', { query: `subscription { ${PATIENTS} }` }, 'INVALID_QUERY', 'The subscription operation is not supported.'],
      [
        'a persisted-query hash without the query',
        { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
        'PERSISTED_QUERY_NOT_SUPPORTED',
        'Persisted queries are not supported: send the query text',
      ],
      [
        'a persisted-query hash with its query',
        { query: `{ ${PATIENTS} }`, extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
        'PERSISTED_QUERY_NOT_SUPPORTED',
        'Persisted queries are not supported: send the query text',
      ],
    ])('answers %s with 400, a client code and the correlation id', async (_label, body, reason, message) => {
      expectClientError(await post(body), reason, message);
    });

    it('answers more than 50 invalid values in the variables with 400 and client errors only, the last saying that it stopped', async () => {
      const answer = await post({
        query: 'query ($f: HipFactsInput!) { evaluateGuideline(facts: $f) { ruleSetVersion } }',
        variables: { f: { stage: 'IMAGING', redFlags: Array.from({ length: 60 }, () => NAME) } },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors!.every((error) => error.extensions.code === 'BAD_USER_INPUT')).toBe(true);
      expect(answer.body.errors!.at(-1)).toMatchObject({
        message: 'Too many invalid values in the variables: the first ones are listed',
        extensions: { reason: 'INVALID_INPUT', correlationId: answer.requestId },
      });
      expect(JSON.stringify(answer.body)).not.toContain('Jansen');
    });

    it('answers a body that is no GraphQL request with 400, its request id in X-Request-Id', async () => {
      const answer = await post({ query: `{ ${PATIENTS} }`, variables: '{"SECRET": 1}' });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_REQUEST' });
      expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(answer.body)).not.toContain('SECRET');
    });
  });

  describe('names the client chose are never echoed, the location says where', () => {
    it.each<[string, unknown, string, string]>([
      ['an unknown field', { query: `{ patients(first: 1) { edges { node { ${NAME} } } } }` }, 'INVALID_QUERY', 'Unknown field on type Patient'],
      [
        'an unknown argument',
        { query: `{ patients(first: 1, ${NAME}: 1) { edges { cursor } } }` },
        'INVALID_QUERY',
        'Unknown argument on field Query.patients',
      ],
      [
        'an unknown input field written in the query',
        { query: `{ evaluateGuideline(facts: { stage: IMAGING, ${NAME}: 1 }) { ruleSetVersion } }` },
        'INVALID_QUERY',
        'Unknown field in a value of input type HipFactsInput',
      ],
      ['an unknown type', { query: `query ($x: ${NAME}) { patients(first: $x) { edges { cursor } } }` }, 'INVALID_QUERY', 'Unknown type'],
      ['an unknown fragment', { query: `{ patients(first: 1) { ...${NAME} } }` }, 'INVALID_QUERY', 'Unknown fragment'],
      ['an unused fragment', { query: `{ ${PATIENTS} } fragment ${NAME} on Patient { id }` }, 'INVALID_QUERY', 'Fragment never used'],
      ['an unused variable', { query: `query ($${NAME}: Int) { ${PATIENTS} }` }, 'INVALID_QUERY', 'Variable never used'],
      ['an undefined variable', { query: `{ patients(first: $${NAME}) { edges { cursor } } }` }, 'INVALID_QUERY', 'Variable not defined'],
      ['an unknown directive', { query: `{ patients(first: 1) @${NAME} { edges { cursor } } }` }, 'INVALID_QUERY', 'Unknown directive'],
      [
        'an unknown operation name',
        { query: `query Sidebar { ${PATIENTS} }`, operationName: NAME },
        'INVALID_QUERY',
        'No operation in the query has the given operationName',
      ],
      [
        'two operations of one name',
        { query: `query ${NAME} { ${PATIENTS} } query ${NAME} { guidelineRules { code } }`, operationName: NAME },
        'INVALID_QUERY',
        'More than one operation of the same name',
      ],
      [
        'an alias given to two different fields',
        { query: `{ ${NAME}: patients(first: 1) { edges { cursor } } ${NAME}: guidelineRules { code } }` },
        'INVALID_QUERY',
        'Fields of the same response name (alias) select different things',
      ],
      [
        'an unknown input field in a variable',
        {
          query: `mutation ($${NAME}: OpenPathwayInput!) { openPathway(input: $${NAME}) { replayed } }`,
          variables: { [NAME]: { patientId: '6f0c2f4e-4a51-4b8e-9c39-2f7c0d5e8a11', side: 'LEFT', idempotencyKey: 'key-12345678', [NAME]: 1 } },
        },
        'INVALID_INPUT',
        'Invalid value for field input: a field not defined by type OpenPathwayInput',
      ],
      [
        'an invalid value in a variable',
        {
          query: `query ($${NAME}: HipFactsInput!) { evaluateGuideline(facts: $${NAME}) { ruleSetVersion } }`,
          variables: { [NAME]: { stage: 'IMAGING', ageYears: NAME } },
        },
        'INVALID_INPUT',
        'Invalid value for field facts.ageYears: expected a value of type Int',
      ],
      [
        'a required variable left out',
        { query: `mutation ($${NAME}: OpenPathwayInput!) { openPathway(input: $${NAME}) { replayed } }` },
        'INVALID_INPUT',
        'Invalid value for field input: a value of type OpenPathwayInput! is required',
      ],
    ])('refuses %s without repeating its name', async (_label, body, reason, message) => {
      const answer = await post(body);
      expectClientError(answer, reason, message);
      expect(answer.body.errors!.every((error) => error.locations === undefined || error.locations.length > 0)).toBe(true);
      expect(JSON.stringify(answer.body)).not.toContain('Jansen');
    });

    it('refuses an unknown URL parameter of a CSV export without repeating its name', async () => {
      const response = await fetch(`${service.baseUrl}/reports/flow.csv?${NAME}=1`, {
        headers: { authorization: `Bearer ${await token('AUDITOR')}` },
      });
      expect(response.status).toBe(400);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', field: 'query' });
      expect(body).not.toContain('Jansen');
    });
  });

  it('logged every refusal on its request line at info level, with no error line and no name the client chose', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = logLines(service);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    const refusals = lines.filter((line) => line.res?.statusCode === 400);
    expect(refusals.length).toBeGreaterThanOrEqual(20);
    expect(refusals.every((line) => line.level === 30)).toBe(true);
    expect(service.output()).not.toContain('Jansen');
  });
});
