import { describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_AUTH_DEFAULTS, loadEnvironment } from './environment.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://app@db:5432/heupartrose',
  AUTH_ISSUER: 'https://idp.example.org',
  AUTH_AUDIENCE: 'heupartrose',
  AUTH_JWKS_URL: 'https://idp.example.org/jwks',
};

describe('loadEnvironment', () => {
  it('treats an unset NODE_ENV as production, which needs a database and an identity provider', () => {
    expect(() => loadEnvironment({})).toThrow(/DATABASE_URL: required in production[\s\S]*AUTH_JWKS_URL: required in production/);
  });

  it('accepts a complete production configuration', () => {
    expect(loadEnvironment(PRODUCTION)).toMatchObject({ NODE_ENV: 'production', PORT: 3000, AUTH_HS256_SECRET: undefined });
  });

  it('gives development its own issuer and audience, no built-in HS256 secret, and the embedded database', () => {
    const environment = loadEnvironment({ NODE_ENV: 'development' });
    expect(environment).toMatchObject({ ...DEVELOPMENT_AUTH_DEFAULTS, DATABASE_URL: undefined, PGLITE_DATA_DIR: './data' });
    expect(environment.AUTH_HS256_SECRET).toBeUndefined();
    expect(DEVELOPMENT_AUTH_DEFAULTS).not.toHaveProperty('AUTH_HS256_SECRET');
  });

  it('listens on loopback outside production and on every interface in production, unless HOST is set', () => {
    expect(loadEnvironment({ NODE_ENV: 'development' }).HOST).toBe('127.0.0.1');
    expect(loadEnvironment({ NODE_ENV: 'test' }).HOST).toBe('127.0.0.1');
    expect(loadEnvironment(PRODUCTION).HOST).toBe('0.0.0.0');
    expect(loadEnvironment({ NODE_ENV: 'development', HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadEnvironment({ ...PRODUCTION, HOST: '::1' }).HOST).toBe('::1');
  });

  it.each([
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: 'eighty' }],
    ['HOST', { HOST: 'http://0.0.0.0/' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://root@localhost/test' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['AUTH_JWKS_URL', { AUTH_JWKS_URL: 'not a url' }],
    ['AUTH_HS256_SECRET', { AUTH_HS256_SECRET: 'short' }],
    ['AUTH_HS256_SECRET', { AUTH_JWKS_URL: 'https://idp.example.org/jwks', AUTH_HS256_SECRET: 'x'.repeat(40) }],
  ])('refuses a wrong %s, naming the variable but not its value', (variable, wrong) => {
    const attempt = () => loadEnvironment({ NODE_ENV: 'development', ...wrong });
    expect(attempt).toThrow(new RegExp(`^Invalid configuration:[\\s\\S]*${variable}:`));
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const value of Object.values(wrong)) expect(message).not.toContain(value);
  });

  it('refuses an HS256 secret in production', () => {
    expect(() => loadEnvironment({ ...PRODUCTION, AUTH_HS256_SECRET: 'y'.repeat(40) })).toThrow(/AUTH_HS256_SECRET: .*not allowed in production/);
  });
});
