import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

export const MAIN_JS = path.resolve(process.cwd(), 'dist/main.js');

export interface ServiceProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  output(): string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `node dist/main.js` (what `npm start` runs), or another `script`, as its own process; `nodeArguments`
 * go to node (e.g. `--cpu-prof`).
 */
export async function spawnService(
  env: Record<string, string>,
  cwd = process.cwd(),
  nodeArguments: string[] = [],
  script = MAIN_JS,
): Promise<ServiceProcess> {
  const port = await freePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'PGLITE_DATA_DIR', 'NODE_ENV'].includes(name)),
  );
  const child = spawn(process.execPath, [...nodeArguments, script], {
    cwd,
    env: { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, baseUrl: `http://127.0.0.1:${port}`, exited, output: () => output };
}

/** Polls /health/ready until it answers 200; false if the process exits or the time runs out. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 30_000): Promise<boolean> {
  let ended = false;
  void service.exited.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (!ended && Date.now() < deadline) {
    try {
      const response = await fetch(`${service.baseUrl}/health/ready`);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

export async function stopService(service: ServiceProcess): Promise<number | null> {
  if (service.child.exitCode === null) service.child.kill('SIGTERM');
  return service.exited;
}

/** A log line of the service (pino JSON): level 50 and above is an error. */
export interface LogLine {
  level: number;
  msg?: string;
  res?: { statusCode: number };
}

/** The JSON log lines the service has written so far (other output, such as Node's warnings, left out). */
export function logLines(service: ServiceProcess): LogLine[] {
  return service
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The service's resident set size (VmRSS of /proc/<pid>/status), in bytes. */
export async function residentSetBytes(service: ServiceProcess): Promise<number> {
  const status = await readFile(`/proc/${service.child.pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kilobytes === undefined) throw new Error('No VmRSS in /proc/<pid>/status: is the service still running?');
  return Number(kilobytes) * 1024;
}
