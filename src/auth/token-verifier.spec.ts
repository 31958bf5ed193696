import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadEnvironment } from '../config/environment.js';
import { signDevelopmentToken } from './dev-token.js';
import { TokenVerifier } from './token-verifier.service.js';

const environment = loadEnvironment({ NODE_ENV: 'test', AUTH_HS256_SECRET: randomBytes(32).toString('base64url') });

describe('TokenVerifier, remembering the tokens it verified', () => {
  it('answers the same for a token sent again', async () => {
    const verifier = new TokenVerifier(environment);
    const token = await signDevelopmentToken(environment, { sub: 'dr.peeters', roles: ['CLINICIAN'] });
    const first = await verifier.verify(token);
    expect(first).toEqual({ userId: 'dr.peeters', roles: ['CLINICIAN'] });
    await expect(verifier.verify(token)).resolves.toEqual(first);
  });

  it('refuses a token once it has expired, though it was verified before', async () => {
    const verifier = new TokenVerifier(environment);
    const token = await signDevelopmentToken(environment, { sub: 'dr.peeters', roles: ['CLINICIAN'], expiresIn: '2s' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'dr.peeters' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'INVALID_TOKEN' });
  });

  it('refuses a verified token whose signature was altered: it is remembered by its whole text', async () => {
    const verifier = new TokenVerifier(environment);
    const token = await signDevelopmentToken(environment, { sub: 'dr.peeters', roles: ['CLINICIAN'] });
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(verifier.verify(forged)).rejects.toMatchObject({ reason: 'INVALID_TOKEN' });
  });

  it.each([
    ['a user id with a control character', { sub: 'dr.\u0000peeters', roles: ['CLINICIAN' as const] }],
    ['a control character in the user an integration acts for', { sub: 'ehr', roles: ['INTEGRATION' as const], actingFor: 'dr.\u001bpeeters' }],
    ['a user id that is not well-formed Unicode', { sub: 'dr.\ud800peeters', roles: ['CLINICIAN' as const] }],
  ])('refuses a token with %s: it would name who acted in the audit log', async (_what, claims) => {
    const token = await signDevelopmentToken(environment, claims);
    await expect(new TokenVerifier(environment).verify(token)).rejects.toMatchObject({ reason: 'INVALID_TOKEN' });
  });
});
