import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadEnvironment } from '../config/environment.js';
import { developmentSecretFile, readOrCreateSecretFile, resolveDevelopmentSecret } from './development-secret.js';

const posix = process.platform !== 'win32';

describe('the generated development secret', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'heupartrose-dev-secret-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** What `npm start` and `npm run token` do: load the environment, then resolve the secret. */
  async function secretFor(pgliteDataDir: string, extra: Record<string, string> = {}): Promise<string | undefined> {
    const environment = loadEnvironment({ NODE_ENV: 'development', PGLITE_DATA_DIR: pgliteDataDir, ...extra });
    await resolveDevelopmentSecret(environment);
    return environment.AUTH_HS256_SECRET;
  }

  it('is created beside the data folder, readable by its owner only, from at least 32 random bytes', async () => {
    const dataDir = path.join(root, 'first', 'data');
    const secret = await secretFor(dataDir);
    const file = `${dataDir}.dev-secret`;
    expect(developmentSecretFile({ PGLITE_DATA_DIR: dataDir })).toBe(file);
    expect(secret).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(secret!, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect((await readFile(file, 'utf8')).trim()).toBe(secret);
    if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(path.dirname(file))).toEqual(['data.dev-secret']);
  });

  it('is reused on later starts, also with DATABASE_URL set or a trailing slash on the folder', async () => {
    const dataDir = path.join(root, 'first', 'data');
    const first = await secretFor(dataDir);
    expect(await secretFor(dataDir)).toBe(first);
    expect(await secretFor(`${dataDir}/`)).toBe(first);
    expect(await secretFor(dataDir, { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' })).toBe(first);
  });

  it('differs between two fresh folders', async () => {
    const one = await secretFor(path.join(root, 'one', 'data'));
    const two = await secretFor(path.join(root, 'two', 'data'));
    expect(one).not.toBe(two);
  });

  it('is created once when several processes start together: all of them read the same secret', async () => {
    const file = path.join(root, 'race', 'data.dev-secret');
    const secrets = await Promise.all(Array.from({ length: 20 }, () => readOrCreateSecretFile(file)));
    expect(new Set(secrets).size).toBe(1);
    expect(await readdir(path.dirname(file))).toEqual(['data.dev-secret']);
  });

  (posix ? it : it.skip)('refuses a secret file other users can read', async () => {
    const dataDir = path.join(root, 'shared', 'data');
    await secretFor(dataDir);
    await chmod(`${dataDir}.dev-secret`, 0o644);
    await expect(secretFor(dataDir)).rejects.toThrow(/readable by other users/);
  });

  it('refuses a secret file that holds too short a secret', async () => {
    const dataDir = path.join(root, 'short', 'data');
    await readOrCreateSecretFile(`${dataDir}.dev-secret`);
    await writeFile(`${dataDir}.dev-secret`, 'short\n');
    await expect(secretFor(dataDir)).rejects.toThrow(/fewer than 32 characters/);
  });

  it('is not generated when AUTH_HS256_SECRET or AUTH_JWKS_URL is set, nor in production', async () => {
    const dataDir = path.join(root, 'configured', 'data');
    expect(await secretFor(dataDir, { AUTH_HS256_SECRET: 'z'.repeat(40) })).toBe('z'.repeat(40));
    expect(await secretFor(dataDir, { AUTH_JWKS_URL: 'https://idp.example.org/jwks' })).toBeUndefined();
    const production = loadEnvironment({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://app@db/heupartrose',
      PGLITE_DATA_DIR: dataDir,
      AUTH_ISSUER: 'https://idp.example.org',
      AUTH_AUDIENCE: 'heupartrose',
      AUTH_JWKS_URL: 'https://idp.example.org/jwks',
    });
    await resolveDevelopmentSecret(production);
    expect(production.AUTH_HS256_SECRET).toBeUndefined();
    await expect(stat(path.join(root, 'configured'))).rejects.toThrow(/ENOENT/);
  });

  it('lives in the process only for an in-memory database, a new one each time', async () => {
    expect(developmentSecretFile({ PGLITE_DATA_DIR: 'memory://' })).toBeUndefined();
    const one = await secretFor('memory://');
    const two = await secretFor('memory://');
    expect(Buffer.from(one!, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(one).not.toBe(two);
  });
});
