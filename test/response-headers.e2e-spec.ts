import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/use-test-app.js';

const API_POLICY = "default-src 'none';frame-ancestors 'none'";

/** The headers every answer of an API carries, whatever the route and whether it succeeds. */
const SECURITY_HEADERS = {
  'content-security-policy': API_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': expect.stringContaining('no-store'),
  'x-request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
};

describe('response headers', () => {
  const app = useTestApp();

  const requests: [string, () => Promise<Response>][] = [
    ['a health check', () => fetch(`${app.baseUrl}/health/live`)],
    [
      'a GraphQL query',
      async () =>
        fetch(`${app.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.token('CLINICIAN')}` },
          body: JSON.stringify({ query: '{ guidelineRules { code } }' }),
        }),
    ],
    [
      'a GraphQL refusal',
      () => fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{"}' }),
    ],
    ['GraphQL over GET, refused', () => fetch(`${app.baseUrl}/graphql?query=%7Bpatients%7D`)],
    ['a CSV export refused for want of a token', () => fetch(`${app.baseUrl}/reports/flow.csv`)],
    ['an unknown route', () => fetch(`${app.baseUrl}/no/such/route`)],
  ];

  it.each(requests)('come with %s: a strict policy, no sniffing, no referrer, no framing, no caching, the request id', async (_label, request) => {
    const response = await request();
    expect(Object.fromEntries(response.headers)).toMatchObject(SECURITY_HEADERS);
    expect(response.headers.has('x-powered-by')).toBe(false);
    expect(response.headers.has('strict-transport-security')).toBe(false);
  });

  it('carry the correlation id of an error as X-Request-Id', async () => {
    const response = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{"}',
    });
    const body = (await response.json()) as { errors: { extensions: { correlationId: string } }[] };
    expect(body.errors[0].extensions.correlationId).toBe(response.headers.get('x-request-id'));
  });
});

describe('response headers in production', () => {
  const app = useTestApp({ adjust: (environment) => (environment.NODE_ENV = 'production') });

  it('add HSTS: production is served over TLS', async () => {
    const response = await fetch(`${app.baseUrl}/health/live`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toBe(API_POLICY);
  });
});

describe('response headers in development', () => {
  const app = useTestApp({ adjust: (environment) => (environment.NODE_ENV = 'development') });

  it("leave the Apollo Sandbox page its own policy (a meta tag with a nonce), still refusing frames, and keep the API's for the API", async () => {
    const page = await fetch(`${app.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).toMatch(/<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-/);
    const api = await fetch(`${app.baseUrl}/health/live`);
    expect(api.headers.get('content-security-policy')).toBe(API_POLICY);
  });
});
