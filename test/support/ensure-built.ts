import { execFile } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import lockfile from 'proper-lockfile';

const ROOT = process.cwd();
const DIST = path.join(ROOT, 'dist');
/** Rewritten by every build, so its age is the age of dist/. */
const BUILT_ENTRY = path.join(DIST, 'main.js');
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json'];

/**
 * Jest's global setup of the end-to-end tests, some of which run dist/ (`node dist/main.js`, the
 * CLIs): compiles src/ as `npm run build` does, but only when dist/main.js is missing or older than
 * a source file. A lock keeps test runs from compiling over each other. The compile skips type
 * checking (the emitted files are the same): that is `npm run typecheck`'s and `npm run build`'s job.
 */
export default async function ensureBuilt(): Promise<void> {
  await mkdir(DIST, { recursive: true });
  const release = await lockfile.lock(DIST, {
    lockfilePath: path.join(DIST, '.build.lock'),
    retries: { retries: 240, minTimeout: 250, maxTimeout: 1000 },
  });
  try {
    if ((await modifiedAt(BUILT_ENTRY)) <= (await newestSourceChange())) await compile();
  } finally {
    await release();
  }
}

async function compile(): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--noCheck'], { cwd: ROOT });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building dist/ failed:\n${stdout}${stderr}`, { cause: error });
  }
}

/** The newest modification time among the files `npm run build` compiles from. */
async function newestSourceChange(): Promise<number> {
  const sources = (await readdir(path.join(ROOT, 'src'), { recursive: true }))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => path.join('src', file));
  const times = await Promise.all([...sources, ...BUILD_INPUTS].map((file) => modifiedAt(path.join(ROOT, file))));
  return Math.max(...times);
}

async function modifiedAt(file: string): Promise<number> {
  return stat(file).then(
    (stats) => stats.mtimeMs,
    () => Number.NEGATIVE_INFINITY,
  );
}
