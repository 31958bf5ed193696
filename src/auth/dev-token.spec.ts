import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { loadEnvironment } from '../config/environment.js';
import { signDevelopmentToken } from './dev-token.js';
import { TokenVerifier } from './token-verifier.service.js';

describe('development tokens', () => {
  it('are signed with the development secret the server verifies with, and name who an integration acts for', async () => {
    const environment = loadEnvironment({ NODE_ENV: 'development', AUTH_HS256_SECRET: randomBytes(32).toString('base64url') });
    const token = await signDevelopmentToken(environment, { sub: 'ehr', roles: ['INTEGRATION'], actingFor: 'dr.peeters' });
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(decodeJwt(token)).toMatchObject({ sub: 'ehr', roles: ['INTEGRATION'], act: { sub: 'dr.peeters' } });
    await expect(new TokenVerifier(environment).verify(token)).resolves.toEqual({ userId: 'ehr', actingFor: 'dr.peeters', roles: ['INTEGRATION'] });
  });

  it('are refused in production', async () => {
    const production = loadEnvironment({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://app@db/heupartrose',
      AUTH_ISSUER: 'https://idp.example.org',
      AUTH_AUDIENCE: 'heupartrose',
      AUTH_JWKS_URL: 'https://idp.example.org/jwks',
    });
    await expect(signDevelopmentToken(production, { sub: 'dr.peeters', roles: ['CLINICIAN'] })).rejects.toThrow(/refused in production/);
  });

  it('need a secret: there is none built in', async () => {
    await expect(signDevelopmentToken(loadEnvironment({ NODE_ENV: 'development' }), { sub: 'dr.peeters', roles: ['CLINICIAN'] })).rejects.toThrow(
      /HS256 development secret/,
    );
  });
});
