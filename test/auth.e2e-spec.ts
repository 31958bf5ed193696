import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { DEVELOPMENT_AUTH_DEFAULTS } from '../src/config/environment.js';
import { REGISTER_PATIENT, patientInput } from './support/fixtures.js';
import { randomSecret, TestApp } from './support/test-app.js';

const PATIENTS = '{ patients(first: 1) { edges { node { id } } } }';
const { AUTH_ISSUER, AUTH_AUDIENCE } = DEVELOPMENT_AUTH_DEFAULTS;
/** Development and test used to accept tokens signed with this constant from the repository. */
const FORMER_BUILT_IN_SECRET = 'development-only-secret-never-use-in-production-0123456789';
/** The HS256 secret of the app under test, set once it has started. */
let developmentSecret = '';

function hs256(claims: Record<string, unknown>, options: { secret?: string; issuer?: string; audience?: string; expires?: string | number } = {}) {
  return new SignJWT({ roles: ['CLINICIAN'], ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('dr.peeters')
    .setIssuer(options.issuer ?? AUTH_ISSUER)
    .setAudience(options.audience ?? AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? '1h')
    .sign(new TextEncoder().encode(options.secret ?? developmentSecret));
}

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'dr.peeters', roles: ['CLINICIAN'], iss: AUTH_ISSUER, aud: AUTH_AUDIENCE, iat: now, exp: now + 3600 })}.`;
}

describe('authentication and roles (development secret)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    developmentSecret = app.environment.AUTH_HS256_SECRET!;
  });
  afterAll(() => app.close());

  it('accepts a valid token', async () => {
    const response = await app.graphql<{ patients: { edges: unknown[] } }>(PATIENTS, {}, await hs256({}));
    expect(response.errors).toBeUndefined();
    expect(response.data?.patients.edges).toEqual(expect.any(Array));
  });

  it.each([
    ['no token', () => Promise.resolve(undefined)],
    ['a bad signature', () => hs256({}, { secret: 'another-secret-that-is-long-enough-1234567890' })],
    ['the secret that used to be built in', () => hs256({}, { secret: FORMER_BUILT_IN_SECRET })],
    ['a wrong issuer', () => hs256({}, { issuer: 'https://evil.example/issuer' })],
    ['a wrong audience', () => hs256({}, { audience: 'another-service' })],
    ['an expired token', () => hs256({}, { expires: Math.floor(Date.now() / 1000) - 60 })],
    ['alg none', () => Promise.resolve(unsignedToken())],
    ['an INTEGRATION token that names no clinician', () => hs256({ roles: ['INTEGRATION'] })],
    ['a malformed header', () => Promise.resolve('not.a.jwt')],
  ])('refuses %s with UNAUTHENTICATED', async (_label, makeToken) => {
    const response = await app.graphql(PATIENTS, {}, await makeToken());
    expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(response.data?.patients ?? null).toBeNull();
  });

  it('refuses a role the operation does not allow with FORBIDDEN, recording nothing', async () => {
    const before = await app.auditEventCount();
    for (const roles of [['AUDITOR'], ['INTEGRATION'], []]) {
      const response = await app.graphql(REGISTER_PATIENT, { input: patientInput() }, await hs256({ roles, act: { sub: 'dr.peeters' } }));
      expect(response.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    expect(await app.auditEventCount()).toBe(before);
  });

  it('records the acting user and the role used', async () => {
    const token = await hs256({ roles: ['AUDITOR', 'ADMIN'] }, {});
    const response = await app.graphql<{ registerPatient: { patient: { id: string } } }>(REGISTER_PATIENT, { input: patientInput() }, token);
    const event = await app.prisma.auditEvent.findFirstOrThrow({ where: { streamId: response.data!.registerPatient.patient.id } });
    expect(event).toMatchObject({ actor: 'dr.peeters', role: 'ADMIN', actingFor: null });
  });
});

describe('authentication in production mode (JWKS, RS256/ES256 only)', () => {
  let app: TestApp;
  let jwksServer: Server;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwksServer = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    app = await TestApp.start({
      env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, AUTH_ISSUER, AUTH_AUDIENCE },
      adjust: (environment) => {
        environment.NODE_ENV = 'production';
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  it('accepts an RS256 token from the JWKS', async () => {
    const token = await new SignJWT({ roles: ['CLINICIAN'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setSubject('dr.peeters')
      .setIssuer(AUTH_ISSUER)
      .setAudience(AUTH_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    const response = await app.graphql(PATIENTS, {}, token);
    expect(response.errors).toBeUndefined();
  });

  it('refuses an HS256 token, whatever its secret', async () => {
    const response = await app.graphql(PATIENTS, {}, await hs256({}, { secret: randomSecret() }));
    expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('turns introspection off', async () => {
    const response = await app.graphql('{ __schema { queryType { name } } }');
    expect(response.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(response.data?.__schema).toBeUndefined();
  });
});
