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
/** The web pages' sources (Vite, not tsc), their generated operation types, and what else their build reads. */
const WEB_SOURCES = path.join('src', 'web', 'app');
const WEB_GENERATED = path.join(WEB_SOURCES, 'gql');
const WEB_BUILD_INPUTS = ['vite.config.ts', 'codegen.ts', 'schema.graphql'];
/** Rewritten by every Vite build, so its age is the age of the built pages. */
const BUILT_PAGES = path.join(DIST, 'web', 'app', '.vite', 'manifest.json');

/**
 * Jest's global setup of the end-to-end tests, some of which run dist/ (`node dist/main.js`, the
 * CLIs): compiles src/ as `npm run build` does, but only when dist/main.js is missing or older than
 * a source file, and builds the web pages (codegen, then Vite) when dist/web/app is missing or older
 * than their sources. A lock keeps test runs from compiling over each other. The compile skips type
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
    if ((await modifiedAt(BUILT_PAGES)) <= (await newestWebSourceChange())) await buildPages();
  } finally {
    await release();
  }
}

async function compile(): Promise<void> {
  await run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--noCheck'], 'Building dist/');
}

/** `npm run build:web` without its type check: the operation types, then the bundle. */
async function buildPages(): Promise<void> {
  await run(['node_modules/@graphql-codegen/cli/esm/bin.js', '--config', 'codegen.ts', '--errors-only'], "Generating the pages' operation types");
  await run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], 'Building the web pages');
}

async function run(nodeArguments: string[], what: string): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, nodeArguments, { cwd: ROOT });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${what} failed:\n${stdout}${stderr}`, { cause: error });
  }
}

/** The newest modification time among the files `npm run build` compiles from. */
async function newestSourceChange(): Promise<number> {
  const sources = (await readdir(path.join(ROOT, 'src'), { recursive: true }))
    .map((file) => path.join('src', file))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.startsWith(WEB_SOURCES + path.sep));
  return newestChange([...sources, ...BUILD_INPUTS]);
}

/** The newest modification time among the files the web pages are built from (the generated types left out). */
async function newestWebSourceChange(): Promise<number> {
  const sources = (await readdir(path.join(ROOT, WEB_SOURCES), { recursive: true }))
    .map((file) => path.join(WEB_SOURCES, file))
    .filter((file) => file !== WEB_GENERATED && !file.startsWith(WEB_GENERATED + path.sep));
  return newestChange([...sources, ...WEB_BUILD_INPUTS]);
}

async function newestChange(files: string[]): Promise<number> {
  const times = await Promise.all(files.map((file) => modifiedAt(path.join(ROOT, file))));
  return Math.max(...times);
}

async function modifiedAt(file: string): Promise<number> {
  return stat(file).then(
    (stats) => stats.mtimeMs,
    () => Number.NEGATIVE_INFINITY,
  );
}
