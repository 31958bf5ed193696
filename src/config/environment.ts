import 'reflect-metadata';
import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MinLength, Min, validateSync } from 'class-validator';
import { LOCALES, type Locale } from '../contract/vocabulary.js';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

/**
 * Development and test only: lets `npm start` and `npm run token` work on a bare machine. There is
 * no default secret: without AUTH_HS256_SECRET, `resolveDevelopmentSecret` (src/auth) generates one
 * per data folder at first start.
 */
export const DEVELOPMENT_AUTH_DEFAULTS = {
  AUTH_ISSUER: 'https://heupartrose.local/dev-issuer',
  AUTH_AUDIENCE: 'heupartrose-pathway-service',
} as const;

/**
 * The issuer of the development EHR key (`<PGLITE_DATA_DIR>.dev-ehr-key.json`, see src/cds-hooks), trusted by
 * the CDS Hooks services outside production only, and refused in CDS_TRUSTED_EHRS in production.
 */
export const DEVELOPMENT_EHR_ISSUER = 'https://heupartrose.local/dev-ehr';

/**
 * Radiographs of the hip and of the pelvis (`system|code`), as the imaging order check recognises them:
 * LOINC 24762-7 XR Hip Views, 26130-5 XR Hip - bilateral Views, 26131-3 XR Hip - left Views, 26132-1 XR Hip -
 * right Views, 28561-9 XR Pelvis Views, 30767-8 XR Pelvis and Hip Views, 30768-6 XR Pelvis and Hip - bilateral
 * Views, 36631-0 XR Pelvis and Hip - left Views; SNOMED CT 783628002 Plain X-ray of hip, 4051000087106 Plain
 * X-ray of bilateral hips, 713021002 Plain X-ray of pelvis, 1290608004 Plain X-ray of bone of pelvis and bone of
 * hip joint region.
 */
export const DEFAULT_XRAY_CODES = [
  ...['24762-7', '26130-5', '26131-3', '26132-1', '28561-9', '30767-8', '30768-6', '36631-0'].map((code) => `http://loinc.org|${code}`),
  ...['783628002', '4051000087106', '713021002', '1290608004'].map((code) => `http://snomed.info/sct|${code}`),
].join(',');

/** One `system|code` pair, or several separated by commas. */
const CODE_LIST = /^[^\s|,]+\|[^\s|,]+(,[^\s|,]+\|[^\s|,]+)*$/;
/** One origin (`scheme://host[:port]`), or several separated by commas. */
const ORIGIN_LIST = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(,https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)*$/;
/** A bearer token's characters (RFC 6750), long enough not to be guessed. */
const METRICS_TOKEN_RULE = /^[A-Za-z0-9._~+/=-]{32,256}$/;
const URL_OPTIONS: Parameters<typeof IsUrl>[0] = { require_tld: false, protocols: ['https', 'http'], require_protocol: true };

/** Where `npm start` listens unless HOST says otherwise: loopback outside production, every interface in production (containers). */
export const DEFAULT_HOSTS: Record<NodeEnvironment, string> = { development: '127.0.0.1', test: '127.0.0.1', production: '0.0.0.0' };

/**
 * The service's whole configuration, read from the environment once at boot. An unset NODE_ENV
 * means production, so nothing fails open.
 */
export class Environment {
  @IsIn(NODE_ENVIRONMENTS)
  NODE_ENV: NodeEnvironment = 'production';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  /** The address to listen on; see DEFAULT_HOSTS. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.:%_-]+$/, { message: 'HOST must be an IP address or a host name' })
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  DATABASE_URL?: string;

  /** PostgreSQL: milliseconds to open a connection, or to wait for a free one in the pool, before the request is answered SERVICE_UNAVAILABLE. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS: number = 3000;

  /** PostgreSQL: milliseconds one SQL statement may run (the server cancels it; the client gives up too, should the server not answer at all). */
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS: number = 5000;

  /** Milliseconds a write's transaction may take from its start to its commit. */
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_TRANSACTION_TIMEOUT_MS: number = 5000;

  @IsString()
  @MinLength(1)
  PGLITE_DATA_DIR = './data';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_ISSUER?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_HS256_SECRET must be at least 32 characters long' })
  AUTH_HS256_SECRET?: string;

  /** The EHRs whose CDS Hooks JWTs are trusted: a JSON object from issuer (`iss`) to the URL of its JWKS. */
  @IsOptional()
  @IsString()
  CDS_TRUSTED_EHRS?: string;

  /** The absolute URL EHRs call the service at (the JWTs' `aud` is checked against it); see loadEnvironment. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  CDS_PUBLIC_BASE_URL?: string;

  /** Cards link to `<this>/<pathway id>`; defaults to `<CDS_PUBLIC_BASE_URL>/app/pathways`, the sidebar page of the pathway's patient. */
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  CDS_PATHWAY_LINK_BASE_URL?: string;

  /** Code systems of the cards' Codings: `<this>/suggestion-codes` and `<this>/override-reasons`. */
  @IsUrl(URL_OPTIONS)
  CDS_CODE_SYSTEM_BASE_URL = 'https://heupartrose.local/fhir/CodeSystem';

  /** The cards' language when the request's Accept-Language names none we have. */
  @IsIn(LOCALES)
  CDS_DEFAULT_LOCALE: Locale = 'EN';

  /** The codes of the X-ray orders the imaging order check looks at. */
  @Matches(CODE_LIST, { message: 'CDS_XRAY_CODES must be system|code pairs separated by commas' })
  CDS_XRAY_CODES = DEFAULT_XRAY_CODES;

  /** Browser origins allowed to call the service (CORS), e.g. the cds-hooks sandbox; none by default. */
  @IsOptional()
  @Matches(ORIGIN_LIST, { message: 'CORS_ALLOWED_ORIGINS must be origins (scheme://host[:port]) separated by commas' })
  CORS_ALLOWED_ORIGINS?: string;

  /** The bearer token Prometheus scrapes `/metrics` with; without it (and without METRICS_ALLOWED_ADDRESSES) there is no `/metrics`. */
  @IsOptional()
  @Matches(METRICS_TOKEN_RULE, { message: 'METRICS_TOKEN must be 32 to 256 characters of A-Z a-z 0-9 . _ ~ + / = -' })
  METRICS_TOKEN?: string;

  /** Addresses (IPv4 or IPv6, comma-separated) that may read `/metrics` without the token: the connection's own address, never a forwarded one. */
  @IsOptional()
  @IsString()
  METRICS_ALLOWED_ADDRESSES?: string;

  /** Requests a minute per caller (a token's subject, a CDS Hooks EHR, else an address); 0 turns the limit off. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 600;
}

export class InvalidEnvironmentError extends Error {}

const ENVIRONMENT_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_TRANSACTION_TIMEOUT_MS',
  'PGLITE_DATA_DIR',
  'LOG_LEVEL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  'AUTH_HS256_SECRET',
  'CDS_TRUSTED_EHRS',
  'CDS_PUBLIC_BASE_URL',
  'CDS_PATHWAY_LINK_BASE_URL',
  'CDS_CODE_SYSTEM_BASE_URL',
  'CDS_DEFAULT_LOCALE',
  'CDS_XRAY_CODES',
  'CORS_ALLOWED_ORIGINS',
  'METRICS_TOKEN',
  'METRICS_ALLOWED_ADDRESSES',
  'RATE_LIMIT_PER_MINUTE',
] as const satisfies readonly (keyof Environment)[];

/** Reads and validates the environment; throws a message naming each wrong variable, never its value. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const defined = Object.fromEntries(
    ENVIRONMENT_VARIABLES.filter((name) => source[name] !== undefined && source[name] !== '').map((name) => [name, source[name]]),
  );
  const environment = plainToInstance(Environment, defined, { enableImplicitConversion: true, excludeExtraneousValues: false });
  const problems = validateSync(environment, { whitelist: false }).map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  problems.push(...authProblems(environment), ...cdsHooksProblems(environment), ...metricsProblems(environment));
  if (problems.length > 0) {
    throw new InvalidEnvironmentError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  environment.HOST ??= DEFAULT_HOSTS[environment.NODE_ENV];
  if (environment.NODE_ENV !== 'production') {
    environment.AUTH_ISSUER ??= DEVELOPMENT_AUTH_DEFAULTS.AUTH_ISSUER;
    environment.AUTH_AUDIENCE ??= DEVELOPMENT_AUTH_DEFAULTS.AUTH_AUDIENCE;
    environment.CDS_PUBLIC_BASE_URL ??= `http://${environment.HOST.includes(':') ? `[${environment.HOST}]` : environment.HOST}:${environment.PORT}`;
  }
  if (environment.CDS_PUBLIC_BASE_URL) {
    environment.CDS_PUBLIC_BASE_URL = withoutTrailingSlash(environment.CDS_PUBLIC_BASE_URL);
    environment.CDS_PATHWAY_LINK_BASE_URL ??= `${environment.CDS_PUBLIC_BASE_URL}/app/pathways`;
  }
  if (environment.CDS_PATHWAY_LINK_BASE_URL) environment.CDS_PATHWAY_LINK_BASE_URL = withoutTrailingSlash(environment.CDS_PATHWAY_LINK_BASE_URL);
  environment.CDS_CODE_SYSTEM_BASE_URL = withoutTrailingSlash(environment.CDS_CODE_SYSTEM_BASE_URL);
  return environment;
}

/** CDS_TRUSTED_EHRS as issuer → JWKS URL; throws a message without the value when it is not such a JSON object. */
export function trustedEhrsOf(environment: Pick<Environment, 'CDS_TRUSTED_EHRS'>): Map<string, URL> {
  const problem = 'CDS_TRUSTED_EHRS: must be a JSON object from issuer to JWKS URL, e.g. {"https://ehr.example.org":"https://ehr.example.org/jwks"}';
  if (!environment.CDS_TRUSTED_EHRS) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(environment.CDS_TRUSTED_EHRS);
  } catch {
    throw new InvalidEnvironmentError(problem);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidEnvironmentError(problem);
  return new Map(
    Object.entries(parsed).map(([issuer, jwksUrl]) => {
      if (issuer === '' || typeof jwksUrl !== 'string' || !URL.canParse(jwksUrl) || !/^https?:$/.test(new URL(jwksUrl).protocol)) {
        throw new InvalidEnvironmentError(problem);
      }
      return [issuer, new URL(jwksUrl)];
    }),
  );
}

/** METRICS_ALLOWED_ADDRESSES as a list; empty when unset. */
export function metricsAllowedAddressesOf(environment: Pick<Environment, 'METRICS_ALLOWED_ADDRESSES'>): string[] {
  return environment.METRICS_ALLOWED_ADDRESSES ? environment.METRICS_ALLOWED_ADDRESSES.split(',').map((address) => address.trim()) : [];
}

function metricsProblems(environment: Environment): string[] {
  return metricsAllowedAddressesOf(environment).every((address) => isIP(address) !== 0)
    ? []
    : ['METRICS_ALLOWED_ADDRESSES: must be IP addresses separated by commas, e.g. 127.0.0.1,::1'];
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function cdsHooksProblems(environment: Environment): string[] {
  let trusted: Map<string, URL>;
  try {
    trusted = trustedEhrsOf(environment);
  } catch (error) {
    return [(error as Error).message];
  }
  if (environment.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (trusted.has(DEVELOPMENT_EHR_ISSUER)) problems.push('CDS_TRUSTED_EHRS: the development EHR is not allowed in production');
  if ([...trusted.values()].some((url) => url.protocol !== 'https:')) problems.push('CDS_TRUSTED_EHRS: JWKS URLs must use https in production');
  if (trusted.size > 0 && !environment.CDS_PUBLIC_BASE_URL) problems.push('CDS_PUBLIC_BASE_URL: required in production when CDS_TRUSTED_EHRS is set');
  else if (environment.CDS_PUBLIC_BASE_URL && !environment.CDS_PUBLIC_BASE_URL.startsWith('https://')) {
    problems.push('CDS_PUBLIC_BASE_URL: must use https in production');
  }
  return problems;
}

function authProblems(environment: Environment): string[] {
  const problems: string[] = [];
  if (environment.AUTH_JWKS_URL && environment.AUTH_HS256_SECRET) {
    problems.push('AUTH_HS256_SECRET: set either AUTH_JWKS_URL or AUTH_HS256_SECRET, not both');
  }
  if (environment.NODE_ENV !== 'production') return problems;
  if (!environment.DATABASE_URL) problems.push('DATABASE_URL: required in production (the embedded database is for development and test)');
  if (!environment.AUTH_ISSUER) problems.push('AUTH_ISSUER: required in production');
  if (!environment.AUTH_AUDIENCE) problems.push('AUTH_AUDIENCE: required in production');
  if (!environment.AUTH_JWKS_URL) problems.push('AUTH_JWKS_URL: required in production');
  else if (!environment.AUTH_JWKS_URL.startsWith('https://')) problems.push('AUTH_JWKS_URL: must use https in production');
  if (environment.AUTH_HS256_SECRET) problems.push('AUTH_HS256_SECRET: not allowed in production (use AUTH_JWKS_URL)');
  return problems;
}
