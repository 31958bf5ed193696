/**
 * Start time of the service: from spawning `node dist/main.js` (what `npm start` runs) to the first
 * 200 from /health/ready, median of 5 runs, (a) on an empty PGlite folder (a fresh temporary folder
 * each run: initdb and all migrations) and (b) on an existing folder (created once, then reused).
 * Issue 2 aims for under 5 s and under 1.5 s.
 * Run `npm run build` first (dist/ must be current), then: npm run bench:startup.
 *
 * Self-contained on purpose: tsconfig.bench.json includes src/ and bench/ only, not test/support.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const MAIN_JS = path.resolve(process.cwd(), 'dist/main.js');
const RUNS = 5;
const READY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 10;
const TARGET_EMPTY_MS = 5_000;
const TARGET_EXISTING_MS = 1_500;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the service on the PGlite folder, returns the ms until /health/ready answered 200, stops it. */
async function timeStart(pgliteDataDir: string): Promise<number> {
  const port = await freePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'PGLITE_DATA_DIR', 'NODE_ENV', 'PORT', 'LOG_LEVEL'].includes(name)),
  );
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: process.cwd(),
    env: { ...inherited, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), PGLITE_DATA_DIR: pgliteDataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));

  try {
    const deadline = started + READY_TIMEOUT_MS;
    while (!ended && performance.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (response.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    throw new Error(`the service was not ready ${ended ? `(it exited with ${child.exitCode})` : `within ${READY_TIMEOUT_MS} ms`}:\n${output}`);
  } finally {
    await stop(child, exited);
  }
}

/** SIGTERM, and SIGKILL if it has not ended after 10 s; waits for the exit so the folder lock is released. */
async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const median = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value: number): string => `${Math.round(value)} ms`;

function report(label: string, samples: number[], targetMs: number): boolean {
  const value = median(samples);
  const met = value < targetMs;
  console.log(`${label}: median ${ms(value)} (target < ${ms(targetMs)}: ${met ? 'met' : 'NOT met'})`);
  console.log(`  samples: ${samples.map(ms).join(', ')}`);
  return met;
}

async function main(): Promise<void> {
  if (!existsSync(MAIN_JS)) throw new Error(`${path.relative(process.cwd(), MAIN_JS)} is missing: run npm run build first`);
  const root = await mkdtemp(path.join(tmpdir(), 'startup-bench-'));
  try {
    console.log(`Start time of node dist/main.js to the first 200 from /health/ready, ${RUNS} runs each (Node ${process.version})`);

    const empty: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      empty.push(await timeStart(path.join(root, `empty-${run}`)));
    }

    const existingDir = path.join(root, 'existing');
    await timeStart(existingDir); // creates the folder and applies the migrations; not counted
    const existing: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      existing.push(await timeStart(existingDir));
    }

    report('(a) empty PGlite folder   ', empty, TARGET_EMPTY_MS);
    report('(b) existing PGlite folder', existing, TARGET_EXISTING_MS);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
