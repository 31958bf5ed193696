import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { DEVELOPMENT_EHR_ISSUER, loadEnvironment } from '../config/environment.js';
import { developmentEhrKeyFile, resolveDevelopmentEhrKey, signDevelopmentEhrToken } from './development-ehr-key.js';

describe('the development EHR key', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'heupartrose-dev-ehr-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const keyFor = (pgliteDataDir: string) => resolveDevelopmentEhrKey(loadEnvironment({ NODE_ENV: 'development', PGLITE_DATA_DIR: pgliteDataDir }));

  it('is generated at first start beside the data folder, readable by its owner only, and reused afterwards', async () => {
    const dataDir = path.join(root, 'one', 'data');
    const first = await keyFor(dataDir);
    const file = `${dataDir}.dev-ehr-key.json`;
    expect(developmentEhrKeyFile({ PGLITE_DATA_DIR: dataDir })).toBe(file);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ kty: 'EC', crv: 'P-384', alg: 'ES384', kid: first!.kid });
    expect((await keyFor(dataDir))!.publicJwk).toEqual(first!.publicJwk);
    expect(first!.publicJwk).not.toHaveProperty('d');
  });

  it('signs CDS Hooks JWTs as EHRs send them: ES384, kid, typ JWT, 5 minutes, a fresh jti, the acting user', async () => {
    const key = await keyFor('memory://');
    const audience = 'http://127.0.0.1:3000/cds-services/hip-oa-pathway';
    const token = await signDevelopmentEhrToken(key!, { audience, actingFor: 'Practitioner/123' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES384', kid: key!.kid, typ: 'JWT' });
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [key!.publicJwk] }), { issuer: DEVELOPMENT_EHR_ISSUER, audience });
    expect(payload).toMatchObject({ sub: 'dev-ehr', act: { sub: 'Practitioner/123' } });
    expect(payload.exp! - payload.iat!).toBe(300);
    const again = await signDevelopmentEhrToken(key!, { audience });
    expect((await jwtVerify(again, createLocalJWKSet({ keys: [key!.publicJwk] }))).payload.jti).not.toBe(payload.jti);
  });

  it('lives in the process only for an in-memory database, a new one each time', async () => {
    expect(developmentEhrKeyFile({ PGLITE_DATA_DIR: 'memory://' })).toBeUndefined();
    expect((await keyFor('memory://'))!.kid).not.toBe((await keyFor('memory://'))!.kid);
  });

  it('refuses a key file that holds no ES384 private key', async () => {
    const dataDir = path.join(root, 'broken', 'data');
    await keyFor(dataDir);
    await writeFile(`${dataDir}.dev-ehr-key.json`, '{"kty":"oct","k":"c2VjcmV0"}');
    await expect(keyFor(dataDir)).rejects.toThrow(/holds no ES384 private key/);
  });

  it('does not exist in production', async () => {
    const production = loadEnvironment({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://app@db/heupartrose',
      PGLITE_DATA_DIR: path.join(root, 'production', 'data'),
      AUTH_ISSUER: 'https://idp.example.org',
      AUTH_AUDIENCE: 'heupartrose',
      AUTH_JWKS_URL: 'https://idp.example.org/jwks',
    });
    expect(await resolveDevelopmentEhrKey(production)).toBeUndefined();
    await expect(stat(path.join(root, 'production'))).rejects.toThrow(/ENOENT/);
  });
});
