import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_XRAY_CODES,
  DEVELOPMENT_AUTH_DEFAULTS,
  DEVELOPMENT_EHR_ISSUER,
  loadEnvironment,
  metricsAllowedAddressesOf,
  trustedEhrsOf,
} from './environment.js';

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
    ['METRICS_TOKEN', { METRICS_TOKEN: 'too-short-to-be-safe' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: `${'x'.repeat(40)} y` }],
    ['METRICS_ALLOWED_ADDRESSES', { METRICS_ALLOWED_ADDRESSES: 'prometheus.internal' }],
    ['METRICS_ALLOWED_ADDRESSES', { METRICS_ALLOWED_ADDRESSES: '10.0.0.0/8' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: '-1' }],
    ['RATE_LIMIT_PER_MINUTE', { RATE_LIMIT_PER_MINUTE: 'many' }],
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

  it('serves no metrics unless told to whom, and limits each caller to 600 requests a minute', () => {
    expect(loadEnvironment(PRODUCTION)).toMatchObject({ METRICS_TOKEN: undefined, METRICS_ALLOWED_ADDRESSES: undefined, RATE_LIMIT_PER_MINUTE: 600 });
    const environment = loadEnvironment({ ...PRODUCTION, METRICS_ALLOWED_ADDRESSES: '10.0.0.7, ::1', RATE_LIMIT_PER_MINUTE: '0' });
    expect(metricsAllowedAddressesOf(environment)).toEqual(['10.0.0.7', '::1']);
    expect(environment.RATE_LIMIT_PER_MINUTE).toBe(0);
  });

  describe('CDS Hooks and CORS', () => {
    it('defaults outside production: the public URL from HOST and PORT, links under it, EN cards, the researched X-ray codes, no CORS', () => {
      expect(loadEnvironment({ NODE_ENV: 'development', PORT: '4000' })).toMatchObject({
        CDS_PUBLIC_BASE_URL: 'http://127.0.0.1:4000',
        CDS_PATHWAY_LINK_BASE_URL: 'http://127.0.0.1:4000/app/pathways',
        CDS_CODE_SYSTEM_BASE_URL: 'https://heupartrose.local/fhir/CodeSystem',
        CDS_DEFAULT_LOCALE: 'EN',
        CDS_XRAY_CODES: DEFAULT_XRAY_CODES,
        CORS_ALLOWED_ORIGINS: undefined,
      });
      expect(loadEnvironment({ NODE_ENV: 'development', HOST: '::1' }).CDS_PUBLIC_BASE_URL).toBe('http://[::1]:3000');
      expect(DEFAULT_XRAY_CODES.split(',')).toContain('http://loinc.org|30767-8');
      expect(loadEnvironment(PRODUCTION).CDS_PUBLIC_BASE_URL).toBeUndefined();
    });

    it('takes a public URL and link base without their trailing slash, and the trusted EHRs as issuer to JWKS URL', () => {
      const environment = loadEnvironment({
        NODE_ENV: 'development',
        CDS_PUBLIC_BASE_URL: 'https://cds.example.org/',
        CDS_TRUSTED_EHRS: '{"https://ehr.example.org":"https://ehr.example.org/jwks"}',
      });
      expect(environment).toMatchObject({
        CDS_PUBLIC_BASE_URL: 'https://cds.example.org',
        CDS_PATHWAY_LINK_BASE_URL: 'https://cds.example.org/app/pathways',
      });
      expect(trustedEhrsOf(environment)).toEqual(new Map([['https://ehr.example.org', new URL('https://ehr.example.org/jwks')]]));
    });

    it.each([
      ['CDS_TRUSTED_EHRS', { CDS_TRUSTED_EHRS: '["https://ehr.example.org"]' }],
      ['CDS_TRUSTED_EHRS', { CDS_TRUSTED_EHRS: '{"https://ehr.example.org":"ftp://ehr.example.org/jwks"}' }],
      ['CDS_TRUSTED_EHRS', { CDS_TRUSTED_EHRS: '{broken' }],
      ['CDS_PUBLIC_BASE_URL', { CDS_PUBLIC_BASE_URL: 'cds.example.org' }],
      ['CDS_DEFAULT_LOCALE', { CDS_DEFAULT_LOCALE: 'FR' }],
      ['CDS_XRAY_CODES', { CDS_XRAY_CODES: '30767-8' }],
      ['CORS_ALLOWED_ORIGINS', { CORS_ALLOWED_ORIGINS: 'https://sandbox.cds-hooks.org/' }],
    ])('refuses a wrong %s', (variable, wrong) => {
      expect(() => loadEnvironment({ NODE_ENV: 'development', ...wrong })).toThrow(new RegExp(`^Invalid configuration:[\\s\\S]*${variable}:`));
    });

    it('in production: wants https, a public URL once EHRs are trusted, and never the development EHR', () => {
      const trusting =
        (ehrs: Record<string, string>, extra: Record<string, string> = {}) =>
        () =>
          loadEnvironment({ ...PRODUCTION, CDS_TRUSTED_EHRS: JSON.stringify(ehrs), ...extra });
      expect(trusting({ 'https://ehr.example.org': 'https://ehr.example.org/jwks' })).toThrow(/CDS_PUBLIC_BASE_URL: required in production/);
      expect(trusting({ 'https://ehr.example.org': 'http://ehr.example.org/jwks' }, { CDS_PUBLIC_BASE_URL: 'https://cds.example.org' })).toThrow(
        /CDS_TRUSTED_EHRS: JWKS URLs must use https/,
      );
      expect(trusting({ [DEVELOPMENT_EHR_ISSUER]: 'https://x.example/jwks' }, { CDS_PUBLIC_BASE_URL: 'https://cds.example.org' })).toThrow(
        /the development EHR is not allowed in production/,
      );
      expect(trusting({ 'https://ehr.example.org': 'https://ehr.example.org/jwks' }, { CDS_PUBLIC_BASE_URL: 'http://cds.example.org' })).toThrow(
        /CDS_PUBLIC_BASE_URL: must use https in production/,
      );
      expect(
        trusting({ 'https://ehr.example.org': 'https://ehr.example.org/jwks' }, { CDS_PUBLIC_BASE_URL: 'https://cds.example.org' })(),
      ).toMatchObject({
        CDS_PUBLIC_BASE_URL: 'https://cds.example.org',
      });
    });
  });

  it('refuses an HS256 secret in production', () => {
    expect(() => loadEnvironment({ ...PRODUCTION, AUTH_HS256_SECRET: 'y'.repeat(40) })).toThrow(/AUTH_HS256_SECRET: .*not allowed in production/);
  });
});
