import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MinLength, Min, validateSync } from 'class-validator';

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
}

export class InvalidEnvironmentError extends Error {}

const ENVIRONMENT_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_URL',
  'PGLITE_DATA_DIR',
  'LOG_LEVEL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_JWKS_URL',
  'AUTH_HS256_SECRET',
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
  problems.push(...authProblems(environment));
  if (problems.length > 0) {
    throw new InvalidEnvironmentError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  environment.HOST ??= DEFAULT_HOSTS[environment.NODE_ENV];
  if (environment.NODE_ENV !== 'production') {
    environment.AUTH_ISSUER ??= DEVELOPMENT_AUTH_DEFAULTS.AUTH_ISSUER;
    environment.AUTH_AUDIENCE ??= DEVELOPMENT_AUTH_DEFAULTS.AUTH_AUDIENCE;
  }
  return environment;
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
