import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { DevelopmentEhr } from '../src/cds-hooks/development-ehr-key.js';
import { DEVELOPMENT_EHR_ISSUER } from '../src/config/environment.js';
import { CdsHooksClient } from './support/cds-hooks-client.js';
import { TestApp } from './support/test-app.js';

const EXTERNAL_EHR = 'https://ehr.hospital.example';
const DISCOVERY = '/cds-services';
const PATIENT_VIEW = '/cds-services/hip-oa-pathway';

interface Signing {
  key: CryptoKey | Uint8Array;
  alg: string;
  kid?: string;
  typ?: string;
}

/** Signs `claims` as given: every test states what it breaks, nothing is filled in behind its back. */
function sign(claims: JWTPayload, { key, alg, kid, typ = 'JWT' }: Signing): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ, ...(kid !== undefined && { kid }) }).sign(key);
}

describe('CDS Hooks security: the EHR JWT', () => {
  let app: TestApp;
  let cds: CdsHooksClient;
  let jwks: Server;
  let external: Signing;
  let development: Signing;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (audience: string | string[], extra: JWTPayload = {}): JWTPayload => ({
    iss: DEVELOPMENT_EHR_ISSUER,
    sub: 'test-ehr',
    aud: audience,
    iat: now(),
    exp: now() + 300,
    jti: randomUUID(),
    ...extra,
  });

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS384');
    external = { key: privateKey, alg: 'RS384', kid: 'hospital-2026' };
    const keySet = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: external.kid, alg: 'RS384', use: 'sig' }] });
    jwks = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(keySet));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    app = await TestApp.start({ env: { CDS_TRUSTED_EHRS: JSON.stringify({ [EXTERNAL_EHR]: jwksUrl }) } });
    cds = new CdsHooksClient(app);
    const { key } = app.app.get(DevelopmentEhr);
    development = { key: key!.privateKey, alg: 'ES384', kid: key!.kid };
  });
  afterAll(async () => {
    await app.close();
    jwks.closeAllConnections();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const discover = (token?: string) => cds.send('GET', DISCOVERY, undefined, { token: token ?? null });

  it('accepts a trusted EHR, its keys fetched from its JWKS URL (RS384), with aud as a string or an array', async () => {
    expect((await cds.discovery(await sign(claims(cds.audienceOf(DISCOVERY), { iss: EXTERNAL_EHR }), external))).status).toBe(200);
    expect((await cds.discovery(await sign(claims([cds.audienceOf(DISCOVERY), 'https://other.example']), development))).status).toBe(200);
  });

  it.each<[string, string, (audience: string) => Promise<string | undefined>]>([
    ['no token', 'CDS_TOKEN_MISSING', () => Promise.resolve(undefined)],
    ['not a JWT', 'CDS_TOKEN_INVALID', () => Promise.resolve('not.a.jwt')],
    [
      'an untrusted issuer',
      'CDS_TOKEN_UNTRUSTED_ISSUER',
      async (audience) => sign(claims(audience, { iss: 'https://intruder.example' }), development),
    ],
    [
      'a wrong signature (another key under the trusted kid)',
      'CDS_TOKEN_INVALID',
      async (audience) => sign(claims(audience), { ...development, key: (await generateKeyPair('ES384')).privateKey }),
    ],
    [
      'a symmetric algorithm (HS256)',
      'CDS_TOKEN_INVALID',
      async (audience) => sign(claims(audience), { key: new TextEncoder().encode('x'.repeat(48)), alg: 'HS256', kid: development.kid }),
    ],
    [
      'no signature (alg none)',
      'CDS_TOKEN_INVALID',
      (audience) => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return Promise.resolve(`${encode({ alg: 'none', typ: 'JWT', kid: development.kid })}.${encode(claims(audience))}.`);
      },
    ],
    ['no kid', 'CDS_TOKEN_INVALID', async (audience) => sign(claims(audience), { ...development, kid: undefined })],
    ['a typ other than JWT', 'CDS_TOKEN_INVALID', async (audience) => sign(claims(audience), { ...development, typ: 'at+jwt' })],
    ['no jti', 'CDS_TOKEN_INVALID', async (audience) => sign(claims(audience, { jti: undefined }), development)],
    [
      'a client id with a control character',
      'CDS_TOKEN_INVALID',
      async (audience) => sign(claims(audience, { sub: 'ehr\u0007client' }), development),
    ],
    [
      'an acting user that is no FHIR user reference',
      'CDS_TOKEN_INVALID',
      async (audience) => sign(claims(audience, { act: { sub: 'dr.peeters' } }), development),
    ],
    ['a wrong aud (another endpoint)', 'CDS_TOKEN_WRONG_AUDIENCE', async () => sign(claims(cds.audienceOf(PATIENT_VIEW)), development)],
    ['an expired token', 'CDS_TOKEN_EXPIRED', async (audience) => sign(claims(audience, { iat: now() - 600, exp: now() - 300 }), development)],
    [
      'exp more than 5 minutes after iat',
      'CDS_TOKEN_LIFETIME_TOO_LONG',
      async (audience) => sign(claims(audience, { exp: now() + 301 }), development),
    ],
    ['iat in the future', 'CDS_TOKEN_INVALID', async (audience) => sign(claims(audience, { iat: now() + 120, exp: now() + 300 }), development)],
  ])('refuses %s with 401 %s', async (_case, reason, tokenFor) => {
    const token = await tokenFor(cds.audienceOf(DISCOVERY));
    const { status, body } = await discover(token);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'UNAUTHENTICATED', reason });
  });

  it('refuses a replayed token: its jti is accepted once', async () => {
    const token = await cds.token(DISCOVERY);
    expect((await cds.discovery(token)).status).toBe(200);
    expect(await cds.discovery(token)).toMatchObject({ status: 401, body: { reason: 'CDS_TOKEN_REPLAYED' } });
    expect(await app.prisma.cdsTokenId.count({ where: { issuer: DEVELOPMENT_EHR_ISSUER } })).toBeGreaterThan(0);
  });

  it('accepts a token sent several times at once once only', async () => {
    const token = await cds.token(DISCOVERY);
    const answers = await Promise.all(Array.from({ length: 4 }, () => cds.discovery(token)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401]);
  });

  it('wants the feedback URL itself as aud on a feedback call', async () => {
    const serviceToken = await cds.token(PATIENT_VIEW);
    const { status, body } = await cds.feedback('hip-oa-pathway', [], { token: serviceToken });
    expect(status).toBe(401);
    expect(body).toMatchObject({ reason: 'CDS_TOKEN_WRONG_AUDIENCE' });
  });

  it('does not take the service bearer tokens for an EHR JWT', async () => {
    const { status, body } = await discover(await app.token('INTEGRATION'));
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
