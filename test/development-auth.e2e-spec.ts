import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { DEVELOPMENT_AUTH_DEFAULTS } from '../src/config/environment.js';
import { spawnService, stopService, waitUntilReady, type ServiceProcess } from './support/service-process.js';

/**
 * `npm start` as a developer runs it (the built dist/main.js, NODE_ENV=development, no HOST and no
 * auth settings): it listens on loopback only, signs nothing with a secret from the repository,
 * and accepts what `npm run token` prints. Run `npm run build` first.
 */
const PATIENTS = '{ patients(first: 1) { edges { node { id } } } }';
/** Development and test used to accept tokens signed with this constant from the repository. */
const FORMER_BUILT_IN_SECRET = 'development-only-secret-never-use-in-production-0123456789';
/** A first start runs initdb and every migration: slow on a busy machine. */
const STARTUP_MS = 120_000;
const TOKEN_CLI = path.resolve(process.cwd(), 'dist/auth/cli/dev-token.js');

/** The settings of a bare `npm start`: anything the test runner's environment has is cleared. */
const BARE = { NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '', AUTH_HS256_SECRET: '', AUTH_JWKS_URL: '', AUTH_ISSUER: '', AUTH_AUDIENCE: '' };

const nonLoopbackIpv4 = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

/** True if a TCP connection to host:port is accepted within two seconds. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

const portOf = (service: ServiceProcess): number => Number(new URL(service.baseUrl).port);

/** `npm run token` (what its script runs) with `options`, in the same folder and with the same data folder as the service. */
async function tokenFromCli(pgliteDataDir: string, options = ['--role', 'CLINICIAN', '--sub', 'dr.peeters']): Promise<string> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'PGLITE_DATA_DIR', 'NODE_ENV'].includes(name)),
  );
  const { stdout } = await promisify(execFile)(process.execPath, [TOKEN_CLI, ...options], {
    env: { ...inherited, ...BARE, PGLITE_DATA_DIR: pgliteDataDir },
  });
  return stdout.trim();
}

interface PatientsResponse {
  data?: { patients: { edges: unknown[] } | null } | null;
  errors?: { extensions: { code: string } }[];
}

async function graphql(service: ServiceProcess, token: string): Promise<PatientsResponse> {
  const response = await fetch(`${service.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: PATIENTS }),
  });
  return (await response.json()) as PatientsResponse;
}

describe('npm start in development', () => {
  let folder: string;
  let dataDir: string;
  let service: ServiceProcess;
  let cliToken: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'heupartrose-dev-start-'));
    dataDir = path.join(folder, 'data');
    service = await spawnService({ ...BARE, PGLITE_DATA_DIR: dataDir });
    if (!(await waitUntilReady(service, 90_000))) throw new Error(`the service did not become ready:\n${service.output()}`);
  }, STARTUP_MS);
  afterAll(async () => {
    if (service) await stopService(service);
    await rm(folder, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only when HOST is unset', async () => {
    const port = portOf(service);
    expect(await connects('127.0.0.1', port)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
    const listening = service.output().match(/Server listening at \S+/g) ?? [];
    expect(listening).toEqual([`Server listening at http://127.0.0.1:${port}`]);
    if (nonLoopbackIpv4) {
      expect(await connects(nonLoopbackIpv4, port)).toBe(false);
    } else {
      console.warn('No non-loopback IPv4 address on this machine: checked the listen address from the log only');
    }
  });

  (nonLoopbackIpv4 ? it : it.skip)('(control: this machine does accept connections on its non-loopback address)', async () => {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    try {
      expect(await connects(nonLoopbackIpv4!, (server.address() as AddressInfo).port)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('prints human-readable log lines, not JSON', () => {
    const line = service
      .output()
      .split('\n')
      .find((candidate) => candidate.includes('Server listening at'));
    expect(line).toMatch(/^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: Server listening at/);
    expect(service.output()).not.toMatch(/^\{"level"/m);
  });

  it('generated its HS256 secret beside the data folder, readable by its owner only', async () => {
    const file = `${dataDir}.dev-secret`;
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a token signed with the secret that used to be built in', async () => {
    const forged = await new SignJWT({ roles: ['CLINICIAN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('dr.peeters')
      .setIssuer(DEVELOPMENT_AUTH_DEFAULTS.AUTH_ISSUER)
      .setAudience(DEVELOPMENT_AUTH_DEFAULTS.AUTH_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(FORMER_BUILT_IN_SECRET));
    const response = await graphql(service, forged);
    expect(response.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(response.data?.patients ?? null).toBeNull();
  });

  it('accepts the token npm run token prints', async () => {
    cliToken = await tokenFromCli(dataDir);
    expect(cliToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const response = await graphql(service, cliToken);
    expect(response.errors).toBeUndefined();
    expect(response.data?.patients?.edges).toEqual(expect.any(Array));
  });

  it('generated a development EHR key beside the data folder, and accepts the CDS Hooks JWT npm run token -- --cds prints', async () => {
    if (process.platform !== 'win32') expect((await stat(`${dataDir}.dev-ehr-key.json`)).mode & 0o777).toBe(0o600);
    const discovery = `${service.baseUrl}/cds-services`;
    const token = await tokenFromCli(dataDir, ['--cds', '--aud', discovery]);
    const call = () => fetch(discovery, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(401);
  });

  it(
    'keeps its secret across a restart, and listens where HOST says',
    async () => {
      expect(await stopService(service)).toBe(0);
      service = await spawnService({ ...BARE, PGLITE_DATA_DIR: dataDir, HOST: '0.0.0.0' });
      expect(await waitUntilReady(service, 90_000)).toBe(true);
      expect((await graphql(service, cliToken)).errors).toBeUndefined();
      if (nonLoopbackIpv4) expect(await connects(nonLoopbackIpv4, portOf(service))).toBe(true);
    },
    STARTUP_MS,
  );

  it('refuses the token of another data folder', async () => {
    const other = await tokenFromCli(path.join(folder, 'other-data'));
    expect((await graphql(service, other)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
