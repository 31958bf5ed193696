import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { DevelopmentEhr, signDevelopmentEhrToken } from '../src/cds-hooks/development-ehr-key.js';
import type { TestApp } from './support/test-app.js';
import { useTestApp } from './support/use-test-app.js';

const LIMIT = 3;
const RULES = '{ guidelineRules { code } }';

/** A GraphQL request with `token`, if any, as a client sends it. */
function graphqlRequest(app: TestApp, token?: string): Promise<Response> {
  return fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query: RULES }),
  });
}

/** A discovery call of the development EHR with client id `client` (a fresh JWT each call, as CDS Hooks requires). */
async function discoveryBy(app: TestApp, client: string): Promise<Response> {
  const { key } = app.app.get(DevelopmentEhr);
  const token = await signDevelopmentEhrToken(key!, { audience: `${app.environment.CDS_PUBLIC_BASE_URL}/cds-services`, subject: client });
  return fetch(`${app.baseUrl}/cds-services`, { headers: { authorization: `Bearer ${token}` } });
}

async function statuses(count: number, request: () => Promise<Response>): Promise<number[]> {
  const answered: number[] = [];
  for (let index = 0; index < count; index += 1) answered.push((await request()).status);
  return answered;
}

async function expectRateLimited(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toEqual({
    code: 'RATE_LIMITED',
    reason: 'TOO_MANY_REQUESTS',
    message: expect.stringMatching(new RegExp(`^Too many requests: at most ${LIMIT} a minute; retry in \\d+ seconds$`)),
    correlationId: response.headers.get('x-request-id'),
  });
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
}

describe(`rate limit (RATE_LIMIT_PER_MINUTE=${LIMIT})`, () => {
  const app = useTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), METRICS_ALLOWED_ADDRESSES: '127.0.0.1,::1' } });

  afterEach(() => {
    jest.useRealTimers();
  });

  it(`refuses a user's requests beyond ${LIMIT} within the minute, before GraphQL runs: 429, RATE_LIMITED, Retry-After`, async () => {
    const token = await app.token('CLINICIAN', 'dr.busy');
    expect(await statuses(LIMIT, () => graphqlRequest(app, token))).toEqual([200, 200, 200]);
    await expectRateLimited(await graphqlRequest(app, token));
  });

  it("counts per user, not per token: a fresh token of the same user is refused, another user's is not", async () => {
    await expectRateLimited(await graphqlRequest(app, await app.token('AUDITOR', 'dr.busy')));
    expect(await statuses(LIMIT, async () => graphqlRequest(app, await app.token('CLINICIAN', 'dr.calm')))).toEqual([200, 200, 200]);
  });

  it('counts requests without a valid token by address, apart from the users of that address', async () => {
    const invalid = `${await app.token('CLINICIAN', 'dr.busy')}x`;
    expect(await statuses(2, () => graphqlRequest(app))).toEqual([200, 200]);
    expect(await statuses(1, () => graphqlRequest(app, invalid))).toEqual([200]);
    await expectRateLimited(await graphqlRequest(app));
    await expectRateLimited(await fetch(`${app.baseUrl}/reports/flow.csv`, { headers: { authorization: `Bearer ${invalid}` } }));
    expect((await graphqlRequest(app, await app.token('CLINICIAN', 'dr.other'))).status).toBe(200);
  });

  it('limits each EHR on the CDS Hooks routes by its issuer and client', async () => {
    expect(await statuses(LIMIT, () => discoveryBy(app, 'ward-ehr'))).toEqual([200, 200, 200]);
    await expectRateLimited(await discoveryBy(app, 'ward-ehr'));
    expect((await discoveryBy(app, 'outpatient-ehr')).status).toBe(200);
  });

  it('leaves health probes and metrics scrapes alone', async () => {
    expect(await statuses(LIMIT + 2, () => fetch(`${app.baseUrl}/health/live`))).toEqual(Array(LIMIT + 2).fill(200));
    expect(await statuses(LIMIT + 2, () => fetch(`${app.baseUrl}/health/ready`))).toEqual(Array(LIMIT + 2).fill(200));
    expect(await statuses(LIMIT + 2, () => fetch(`${app.baseUrl}/metrics`))).toEqual(Array(LIMIT + 2).fill(200));
  });

  it('lets a refused user in again once the minute is over', async () => {
    const token = await app.token('CLINICIAN', 'dr.busy');
    await expectRateLimited(await graphqlRequest(app, token));
    // Only Date moves: the limit's window is timed by Date.now().
    jest.useFakeTimers({
      now: Date.now() + 61_000,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    expect((await graphqlRequest(app, token)).status).toBe(200);
  });
});

describe('rate limit with RATE_LIMIT_PER_MINUTE=0', () => {
  const app = useTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });

  it('is off', async () => {
    const response = await graphqlRequest(app, await app.token('CLINICIAN'));
    expect(response.status).toBe(200);
    expect(response.headers.has('x-ratelimit-limit')).toBe(false);
  });
});
