import { createHmac, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { signDevelopmentToken } from '../../src/auth/dev-token.js';
import type { Role } from '../../src/auth/role.js';
import { DEVELOPMENT_EHR_ALGORITHM, signDevelopmentEhrToken, type DevelopmentEhrKey } from '../../src/cds-hooks/development-ehr-key.js';
import { DEVELOPMENT_EHR_ISSUER, type Environment } from '../../src/config/environment.js';
import type { Random } from '../../src/reports/generator/random.js';
import { CANARY } from './hostile-values.js';

/** The user whose writes set the fuzzed database up: the idempotency keys it used are reused, so a reused key must be refused. */
export const SETUP_USER = 'fuzz.clinician';

const base64url = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT with any header and payload, its signature made up: forged, or meant to be read as `alg: none`. */
function unsignedJwt(header: Record<string, unknown>, payload: Record<string, unknown>, signature = ''): string {
  return `${base64url(header)}.${base64url(payload)}.${signature}`;
}

/**
 * The Authorization headers of the fuzz test for the service's own bearer tokens (GraphQL and the
 * CSV exports): valid ones of every role (some with odd but well-signed claims), and ones that
 * must be refused, each the whole header value (`undefined`: no header).
 */
export interface BearerAuthorizations {
  /** The setup user's CLINICIAN token. */
  setupUser: string;
  /** An AUDITOR's token, for the CSV exports. */
  auditor: string;
  /** Well-signed tokens: every role, and subjects, roles and `act` claims no real issuer would send. */
  valid: string[];
  /** Forged, expired, `alg: none`, wrong key, wrong issuer or audience, other schemes, garbage. */
  refused: (string | undefined)[];
}

export async function bearerAuthorizations(environment: Environment): Promise<BearerAuthorizations> {
  const sign = (sub: string, roles: Role[], actingFor?: string) => signDevelopmentToken(environment, { sub, roles, actingFor });
  const secret = new TextEncoder().encode(environment.AUTH_HS256_SECRET);
  const claims = { iss: environment.AUTH_ISSUER, aud: environment.AUTH_AUDIENCE, sub: 'fuzz.forger', roles: ['ADMIN', 'CLINICIAN'] };
  // Signed by hand: jose refuses to sign some of these headers (crit).
  const hs256 = (payload: JWTPayload, key = secret, algorithm = 'HS256', header: Record<string, unknown> = {}) => {
    const signingInput = `${base64url({ alg: algorithm, ...header })}.${base64url(payload)}`;
    const digest = algorithm === 'HS512' ? 'sha512' : 'sha256';
    return Promise.resolve(`${signingInput}.${createHmac(digest, key).update(signingInput).digest('base64url')}`);
  };
  const now = Math.floor(Date.now() / 1000);
  const { privateKey: rsaKey, publicKey: rsaPublic } = await generateKeyPair('RS256', { extractable: true });
  const withOddClaims = (payload: JWTPayload) => hs256({ ...claims, iat: now, exp: now + 3600, ...payload });
  const valid = [
    await sign('fuzz.admin', ['ADMIN']),
    await sign('fuzz.auditor', ['AUDITOR']),
    await sign('fuzz.ehr', ['INTEGRATION'], 'dr.fuzz'),
    await sign('fuzz.all', ['CLINICIAN', 'AUDITOR', 'INTEGRATION', 'ADMIN'], 'dr.fuzz'),
    await withOddClaims({ sub: CANARY }),
    await withOddClaims({ sub: 'ctl\u0000\u202euser' }),
    await withOddClaims({ sub: 'u'.repeat(5_000) }),
    await withOddClaims({ sub: 'ehr for dr.x' }),
    await withOddClaims({ roles: ['SUPERUSER', 'CLINICIAN', { admin: true }] }),
    await withOddClaims({ roles: 'CLINICIAN' }),
    await withOddClaims({ roles: ['INTEGRATION'], act: { sub: { id: CANARY } } }),
    await withOddClaims({ roles: ['INTEGRATION'], act: { sub: `dr.${'\u0007'.repeat(3)}` } }),
  ];
  const garbage = ['', 'null', 'eyJhbGciOiJIUzI1NiJ9', 'a.b.c', '...', `${'A'.repeat(20_000)}.${'B'.repeat(20_000)}.C`, `${valid[0]}.extra`];
  const refused: (string | undefined)[] = [
    undefined,
    'Bearer',
    'Bearer ',
    'Basic ZnV6ejpmdXp6',
    `Token ${valid[0]}`,
    `Bearer ${valid[0]} ${valid[1]}`,
    ...garbage.map((token) => `Bearer ${token}`),
    `Bearer ${await hs256({ ...claims, exp: now + 3600 }, new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'))}`,
    `Bearer ${unsignedJwt({ alg: 'none', typ: 'JWT' }, { ...claims, exp: now + 3600 })}`,
    `Bearer ${unsignedJwt({ alg: 'NONE' }, { ...claims, exp: now + 3600 }, 'c2ln')}`,
    `Bearer ${await hs256({ ...claims, iat: now - 7200, exp: now - 3600 })}`,
    `Bearer ${await hs256({ ...claims, nbf: now + 3600, exp: now + 7200 })}`,
    `Bearer ${await hs256({ ...claims, exp: now + 3600, iss: 'https://evil.example' })}`,
    `Bearer ${await hs256({ ...claims, exp: now + 3600, aud: 'another-service' })}`,
    `Bearer ${await hs256({ ...claims })}`,
    `Bearer ${await hs256({ ...claims, exp: now + 3600, sub: undefined })}`,
    `Bearer ${await hs256({ ...claims, exp: now + 3600 }, secret, 'HS512')}`,
    `Bearer ${await hs256({ ...claims, exp: now + 3600, roles: ['INTEGRATION'] })}`,
    `Bearer ${await hs256({ ...claims, exp: now + 3600 }, secret, 'HS256', { crit: ['exp'] })}`,
    `Bearer ${await new SignJWT({ ...claims, exp: now + 3600 })
      .setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(rsaPublic), kid: '../../../../dev/null', jku: 'http://127.0.0.1:9/jwks' })
      .sign(rsaKey)}`,
  ];
  return {
    setupUser: `Bearer ${await sign(SETUP_USER, ['CLINICIAN'])}`,
    auditor: `Bearer ${valid[1]}`,
    valid: valid.map((token) => `Bearer ${token}`),
    refused,
  };
}

/**
 * The Authorization headers of CDS Hooks calls: valid JWTs of the development EHR (each with a
 * fresh jti, which the service stores: the fuzz test counts them apart), and every way such a JWT
 * can be wrong.
 */
export class CdsAuthorizations {
  /** The jti of every valid JWT handed out: the only rows the fuzz test lets the service store. */
  readonly validJtis = new Set<string>();
  private readonly sentByPath = new Map<string, string>();

  private constructor(
    private readonly ehrKey: DevelopmentEhrKey,
    private readonly otherKey: CryptoKey,
    private readonly bearer: string,
    private readonly baseUrl: string,
  ) {}

  static async create(ehrKey: DevelopmentEhrKey, bearer: string, baseUrl: string): Promise<CdsAuthorizations> {
    const { privateKey } = await generateKeyPair(DEVELOPMENT_EHR_ALGORITHM);
    return new CdsAuthorizations(ehrKey, privateKey, bearer, baseUrl);
  }

  /** A valid JWT for `path` half of the time, else one of the ways to get it wrong. */
  async forPath(random: Random, path: string): Promise<string | undefined> {
    const audience = `${this.baseUrl}${path.split('?')[0]}`;
    if (random.chance(0.5)) return `Bearer ${await this.valid(audience, path)}`;
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: DEVELOPMENT_EHR_ALGORITHM, kid: this.ehrKey.kid, typ: 'JWT' };
    const claims = { iss: DEVELOPMENT_EHR_ISSUER, sub: 'fuzz-ehr', aud: audience, iat: now, exp: now + 300, jti: randomUUID() };
    const signed = (payload: JWTPayload, protectedHeader: Record<string, unknown> = header, key = this.ehrKey.privateKey) =>
      new SignJWT(payload).setProtectedHeader(protectedHeader as { alg: string }).sign(key);
    const wrong: (() => Promise<string | undefined>)[] = [
      () => Promise.resolve(this.sentByPath.get(path) ?? 'replay-of-nothing'),
      () => signed({ ...claims, aud: `${this.baseUrl}/cds-services/another-service` }),
      () => signed({ ...claims, aud: `https://evil.example${path}` }),
      () => signed({ ...claims, iat: now - 900, exp: now - 600 }),
      () => signed({ ...claims, exp: now + 3600 }),
      () => signed({ ...claims, iat: now + 600, exp: now + 900 }),
      () => signed({ ...claims, jti: undefined }),
      () => signed({ ...claims, jti: 'j'.repeat(300) }),
      () => signed({ ...claims, act: { sub: CANARY } }),
      () => signed({ ...claims, act: { sub: { reference: 'Practitioner/1' } } }),
      () => signed({ ...claims, iss: 'https://evil.example' }),
      () => signed(claims, { alg: DEVELOPMENT_EHR_ALGORITHM, typ: 'JWT' }),
      () => signed(claims, { alg: DEVELOPMENT_EHR_ALGORITHM, kid: this.ehrKey.kid }),
      () => signed(claims, header, this.otherKey),
      () => Promise.resolve(unsignedJwt({ alg: 'none', kid: this.ehrKey.kid, typ: 'JWT' }, claims)),
      () => Promise.resolve(unsignedJwt({ alg: 'HS256', kid: this.ehrKey.kid, typ: 'JWT' }, claims, 'c2lnbmF0dXJl')),
      () => Promise.resolve(this.bearer.replace(/^Bearer /, '')),
      () => Promise.resolve(random.pick(['', 'not-a-jwt', `${'x'.repeat(10_000)}.y.z`, CANARY])),
      () => Promise.resolve(undefined),
    ];
    const token = await random.pick(wrong)();
    return token === undefined ? undefined : `Bearer ${token}`;
  }

  private async valid(audience: string, path: string): Promise<string> {
    const token = await signDevelopmentEhrToken(this.ehrKey, { audience, subject: 'fuzz-ehr', actingFor: 'Practitioner/fuzz' });
    const { jti } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { jti: string };
    this.validJtis.add(jti);
    this.sentByPath.set(path, token);
    return token;
  }
}
