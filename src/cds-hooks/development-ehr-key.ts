import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { besideDataFolder } from '../auth/development-secret.js';
import { readOrCreatePrivateFile } from '../common/private-file.js';
import { DEVELOPMENT_EHR_ISSUER, type Environment } from '../config/environment.js';

/** CDS Hooks 2.0 recommends ES384 or RS384; the development EHR signs with ES384. */
export const DEVELOPMENT_EHR_ALGORITHM = 'ES384';
/** A CDS Hooks JWT lives at most this long (its `exp` at most this after its `iat`). */
export const CDS_TOKEN_MAX_LIFETIME_SECONDS = 300;

/** The key pair of the development EHR: it signs `npm run token -- --cds` tokens, the service trusts its public half. */
export interface DevelopmentEhrKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** The development EHR's key as the CDS Hooks module is given it: none in production. */
export class DevelopmentEhr {
  constructor(readonly key: DevelopmentEhrKey | undefined) {}
}

export class DevelopmentEhrKeyError extends Error {}

/**
 * The file that keeps the development EHR's private key (a JWK): beside the PGlite data folder, as
 * the development secret is (`./data` → `./data.dev-ehr-key.json`); undefined for an in-memory PGlite.
 */
export function developmentEhrKeyFile(environment: Pick<Environment, 'PGLITE_DATA_DIR'>): string | undefined {
  return besideDataFolder(environment, '.dev-ehr-key.json');
}

/**
 * Outside production, the development EHR's key pair: generated at first start (mode 0600) and
 * reused afterwards; with an in-memory PGlite it lives in this process only. Never in production.
 */
export async function resolveDevelopmentEhrKey(environment: Environment): Promise<DevelopmentEhrKey | undefined> {
  if (environment.NODE_ENV === 'production') return undefined;
  const file = developmentEhrKeyFile(environment);
  const content = file ? await readOrCreatePrivateFile(file, 'development EHR key file', generatePrivateJwk) : await generatePrivateJwk();
  return importDevelopmentKey(content, file ?? 'in memory');
}

export interface DevelopmentEhrTokenClaims {
  /** The absolute URL of the endpoint called. */
  audience: string;
  /** The EHR's client id. */
  subject?: string;
  /** The user the EHR acts for (`act.sub`), e.g. Practitioner/123. */
  actingFor?: string;
}

/** A CDS Hooks JWT from the development EHR, as an EHR sends it: ES384, kid, typ JWT, 5 minutes, a fresh jti. */
export function signDevelopmentEhrToken(
  key: DevelopmentEhrKey,
  { audience, subject = 'dev-ehr', actingFor }: DevelopmentEhrTokenClaims,
): Promise<string> {
  return new SignJWT(actingFor ? { act: { sub: actingFor } } : {})
    .setProtectedHeader({ alg: DEVELOPMENT_EHR_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(DEVELOPMENT_EHR_ISSUER)
    .setSubject(subject)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${CDS_TOKEN_MAX_LIFETIME_SECONDS}s`)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

async function generatePrivateJwk(): Promise<string> {
  const { privateKey } = await generateKeyPair(DEVELOPMENT_EHR_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return `${JSON.stringify({ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: DEVELOPMENT_EHR_ALGORITHM, use: 'sig' })}\n`;
}

async function importDevelopmentKey(content: string, file: string): Promise<DevelopmentEhrKey> {
  const refused = () => new DevelopmentEhrKeyError(`The development EHR key file ${file} holds no ES384 private key: delete it to get a new one`);
  let jwk: JWK;
  try {
    jwk = JSON.parse(content) as JWK;
  } catch {
    throw refused();
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-384' || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') throw refused();
  const { d: _private, ...publicJwk } = jwk;
  const privateKey = await importJWK(jwk, DEVELOPMENT_EHR_ALGORITHM);
  return { kid: jwk.kid, privateKey: privateKey as CryptoKey, publicJwk };
}
