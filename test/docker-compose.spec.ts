import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCTION_NODE_OPTIONS } from '../bench/bench-auth.js';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { loadEnvironment } from '../src/config/environment.js';

/** No Docker engine runs on these machines: check the compose file and the Dockerfile as text. */
const ROOT = process.cwd();

type Environment = Record<string, string>;
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | boolean | null> | string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  healthcheck?: { test?: string | string[] };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number | { target?: number | string; published?: number | string })[];
}
interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const services = compose.services ?? {};
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

function environmentOf(service: ComposeService | undefined): Environment {
  const raw = service?.environment ?? {};
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, value == null ? '' : String(value)]));
}

/** Volume sources of a service: `source:target[:mode]` strings or long-syntax objects. */
function volumeSources(service: ComposeService | undefined): string[] {
  return (service?.volumes ?? []).map((volume) => (typeof volume === 'string' ? volume.split(':')[0] : (volume.source ?? '')));
}

/** Published `host:container` pairs, from short (`[ip:]host:container[/proto]`) or long syntax. */
function publishedPorts(service: ComposeService | undefined): { host: string; container: string }[] {
  return (service?.ports ?? []).map((port) => {
    if (typeof port === 'object') return { host: String(port.published ?? ''), container: String(port.target ?? '') };
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    return { host: parts.length > 1 ? parts[parts.length - 2] : '', container: parts[parts.length - 1] };
  });
}

/** Dockerfile instructions, with line continuations joined and comments dropped. */
function instructions(text: string): { keyword: string; args: string }[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

describe('docker-compose.yml', () => {
  const postgres = services.postgres;
  const app = services.app;

  it('defines the postgres and app services', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'app']));
  });

  it('runs postgres from a postgres image with its data on a named volume declared at the top level', () => {
    expect(postgres?.image).toMatch(/^postgres:\d+/);
    const named = volumeSources(postgres).filter((source) => source && !source.startsWith('.') && !source.startsWith('/') && !source.startsWith('~'));
    expect(named.length).toBeGreaterThan(0);
    for (const source of named) expect(Object.keys(compose.volumes ?? {})).toContain(source);
  });

  it('gives postgres a pg_isready health check and its user, password and database', () => {
    const test = postgres?.healthcheck?.test;
    expect([test].flat().join(' ')).toContain('pg_isready');
    const environment = environmentOf(postgres);
    for (const name of ['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB']) expect(environment[name]).toBeTruthy();
  });

  it('builds app from the Dockerfile in the project', () => {
    const build = app?.build;
    expect(build).toBeDefined();
    const context = typeof build === 'string' ? build : (build?.context ?? '.');
    const file = typeof build === 'object' && build.dockerfile ? build.dockerfile : 'Dockerfile';
    expect(path.resolve(ROOT, context, file)).toBe(path.join(ROOT, 'Dockerfile'));
    expect(existsSync(path.join(ROOT, 'Dockerfile'))).toBe(true);
  });

  it('publishes port 3000 of app on port 3000', () => {
    expect(publishedPorts(app)).toContainEqual({ host: '3000', container: '3000' });
  });

  it('starts app only once postgres is healthy', () => {
    const dependsOn = app?.depends_on;
    expect(Array.isArray(dependsOn)).toBe(false);
    expect((dependsOn as Record<string, { condition?: string }>)?.postgres?.condition).toBe('service_healthy');
  });

  it('wires app to the postgres service with its user, password and database', () => {
    const postgresEnvironment = environmentOf(postgres);
    const url = new URL(environmentOf(app).DATABASE_URL);
    expect(url.protocol).toMatch(/^postgres(ql)?:$/);
    expect(url.hostname).toBe('postgres');
    expect(url.port === '' || url.port === '5432').toBe(true);
    expect(decodeURIComponent(url.username)).toBe(postgresEnvironment.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(postgresEnvironment.POSTGRES_PASSWORD);
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(postgresEnvironment.POSTGRES_DB);
  });

  it('gives app the settings production requires', () => {
    const environment = environmentOf(app);
    expect(environment.NODE_ENV ?? 'production').toBe('production');
    expect(environment.AUTH_ISSUER).toBeTruthy();
    expect(environment.AUTH_AUDIENCE).toBeTruthy();
    expect(() => new URL(environment.AUTH_JWKS_URL)).not.toThrow();
    expect(environment.AUTH_HS256_SECRET).toBeUndefined();
  });

  it('lets app listen on every interface of its container, so that the published port reaches it', () => {
    expect(loadEnvironment(environmentOf(app)).HOST).toBe('0.0.0.0');
  });
});

describe('Dockerfile', () => {
  const steps = instructions(dockerfile);
  const runs = steps.filter((step) => step.keyword === 'RUN').map((step) => step.args);
  const runIndex = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));

  it("installs with npm ci --ignore-scripts (npm 10 would run Prisma's engine download)", () => {
    expect(runIndex(/\bnpm ci\b[^&;|]*--ignore-scripts/)).toBeGreaterThanOrEqual(0);
    expect(runs.some((run) => /\bnpm (ci|install|i)\b/.test(run) && !/--ignore-scripts/.test(run))).toBe(false);
  });

  it('generates the Prisma client and builds after installing', () => {
    const install = runIndex(/\bnpm ci\b/);
    const generate = runIndex(/node scripts\/prisma-generate\.mjs/);
    const build = runIndex(/npm run build\b/);
    expect(generate).toBeGreaterThan(install);
    expect(build).toBeGreaterThanOrEqual(generate);
  });

  it('runs on a supported Node image in several stages', () => {
    const images = steps.filter((step) => step.keyword === 'FROM').map((step) => step.args.split(/\s+/)[0]);
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const image of images) {
      const major = Number(/^node:(\d+)/.exec(image)?.[1]);
      expect(major).toBeGreaterThanOrEqual(22);
    }
  });

  it('runs as a non-root user, in production, serving dist/main.js on port 3000', () => {
    const users = steps.filter((step) => step.keyword === 'USER').map((step) => step.args.split(':')[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users[users.length - 1]);
    expect(dockerfile).toMatch(/NODE_ENV=production/);
    expect(steps.some((step) => step.keyword === 'EXPOSE' && step.args.split(/\s+/).includes('3000'))).toBe(true);
    const command = steps.filter((step) => step.keyword === 'CMD').pop();
    expect(JSON.parse(command?.args ?? 'null')).toEqual(['node', ...PRODUCTION_NODE_OPTIONS.split(' '), 'dist/main.js']);
  });

  it('checks /health/ready and ships the migrations', () => {
    expect(steps.find((step) => step.keyword === 'HEALTHCHECK')?.args).toContain('/health/ready');
    expect(steps.some((step) => step.keyword === 'COPY' && /\bprisma\b/.test(step.args))).toBe(true);
  });
});
