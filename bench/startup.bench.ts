/**
 * Start time of the service: from spawning `node dist/main.js` (what `npm start` runs) to the first
 * 200 from /health/ready, median of 5 runs, (a) on an empty PGlite folder (a fresh temporary folder
 * each run: initdb and all migrations) and (b) on an existing folder (created once, then reused).
 * Issue 2 aims for under 5 s and under 1.5 s.
 * Run `npm run build` first (dist/ must be current), then: npm run bench:startup.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAIN_JS, spawnService, stopService, waitUntilReady } from '../test/support/service-process.js';

const RUNS = 5;
const TARGET_EMPTY_MS = 5_000;
const TARGET_EXISTING_MS = 1_500;

/** Starts the service on the PGlite folder, returns the ms until /health/ready answered 200, stops it. */
async function timeStart(pgliteDataDir: string): Promise<number> {
  const started = performance.now();
  const service = await spawnService({ NODE_ENV: 'development', PGLITE_DATA_DIR: pgliteDataDir });
  try {
    if (!(await waitUntilReady(service, 60_000))) throw new Error(`the service was not ready:\n${service.output()}`);
    return performance.now() - started;
  } finally {
    await stopService(service);
  }
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
