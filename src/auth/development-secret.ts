import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
  if (environment.PGLITE_DATA_DIR.startsWith(IN_MEMORY_PREFIX)) return undefined;
  return `${path.resolve(environment.PGLITE_DATA_DIR)}.dev-secret`;
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

/**
 * Reads the secret file, or creates it. Creation is atomic: the secret is written to a private
 * temporary file, which is then hard-linked to the final name (fails if the name exists), so
 * another process never sees a half-written file; whoever loses the race reads the winner's.
 */
export async function readOrCreateSecretFile(file: string): Promise<string> {
  const existing = await readSecretFile(file);
  if (existing !== undefined) return existing;
  await mkdir(path.dirname(file), { recursive: true });
  const secret = generateSecret();
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(temporary, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readSecretFile(file);
    if (winner === undefined) throw new DevelopmentSecretError(`The development secret file ${file} vanished while it was being created`);
    return winner;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** The secret in the file, undefined if there is no file; refuses one others can read or a too short one. */
async function readSecretFile(file: string): Promise<string | undefined> {
  let content: string;
  try {
    const stats = await stat(file);
    if (!stats.isFile()) throw new DevelopmentSecretError(`The development secret file ${file} is not a regular file`);
    if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
      throw new DevelopmentSecretError(
        `The development secret file ${file} is readable by other users: run chmod 600 on it, or delete it to get a new one`,
      );
    }
    content = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = content.trim();
  if (secret.length < MINIMUM_LENGTH) {
    throw new DevelopmentSecretError(`The development secret file ${file} holds fewer than ${MINIMUM_LENGTH} characters: delete it to get a new one`);
  }
  return secret;
}
