import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readOrCreatePrivateFile } from '../common/private-file.js';
import type { Environment } from '../config/environment.js';

/** Random bytes in a generated secret (base64url: 43 characters). */
export const DEVELOPMENT_SECRET_BYTES = 32;
const MINIMUM_LENGTH = 32;
const IN_MEMORY_PREFIX = 'memory://';

export class DevelopmentSecretError extends Error {}

/**
 * The file that keeps the generated HS256 development secret: beside the PGlite data folder,
 * named after it (`./data` → `./data.dev-secret`, as its lock is `./data.lock`). The same file
 * serves when DATABASE_URL is set, so `npm start` and `npm run token` agree in either case.
 * Undefined for an in-memory PGlite, which has no folder.
 */
export function developmentSecretFile(environment: Pick<Environment, 'PGLITE_DATA_DIR'>): string | undefined {
  return besideDataFolder(environment, '.dev-secret');
}

/** A development file kept beside the PGlite data folder, named after it with `suffix`; undefined for an in-memory PGlite. */
export function besideDataFolder(environment: Pick<Environment, 'PGLITE_DATA_DIR'>, suffix: string): string | undefined {
  if (environment.PGLITE_DATA_DIR.startsWith(IN_MEMORY_PREFIX)) return undefined;
  return `${path.resolve(environment.PGLITE_DATA_DIR)}${suffix}`;
}

/**
 * Outside production, with neither AUTH_HS256_SECRET nor AUTH_JWKS_URL set, fills in
 * AUTH_HS256_SECRET with a secret generated at first start (crypto.randomBytes, mode 0600) and
 * reused afterwards. With an in-memory PGlite the secret lives in this process only. Called at boot
 * and by `npm run token`; in production, or when either variable is set, it changes nothing.
 */
export async function resolveDevelopmentSecret(environment: Environment): Promise<void> {
  if (!usesGeneratedSecret(environment)) return;
  const file = developmentSecretFile(environment);
  environment.AUTH_HS256_SECRET = file ? await readOrCreateSecretFile(file) : generateSecret();
}

/** True outside production when neither AUTH_HS256_SECRET nor AUTH_JWKS_URL is set. */
export function usesGeneratedSecret(environment: Pick<Environment, 'NODE_ENV' | 'AUTH_JWKS_URL' | 'AUTH_HS256_SECRET'>): boolean {
  return environment.NODE_ENV !== 'production' && !environment.AUTH_JWKS_URL && !environment.AUTH_HS256_SECRET;
}

function generateSecret(): string {
  return randomBytes(DEVELOPMENT_SECRET_BYTES).toString('base64url');
}

/** Reads the secret file, or creates it atomically (see readOrCreatePrivateFile); refuses one others can read or a too short one. */
export async function readOrCreateSecretFile(file: string): Promise<string> {
  const secret = (await readOrCreatePrivateFile(file, 'development secret file', () => Promise.resolve(`${generateSecret()}\n`))).trim();
  if (secret.length < MINIMUM_LENGTH) {
    throw new DevelopmentSecretError(`The development secret file ${file} holds fewer than ${MINIMUM_LENGTH} characters: delete it to get a new one`);
  }
  return secret;
}
