import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnService, stopService, waitUntilReady, type ServiceProcess } from './support/service-process.js';
import { onPostgres } from './support/test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The PGlite folder's lock, between service processes: run once, with the embedded database's suites. */
(onPostgres() ? describe.skip : describe)('the lock on an embedded database folder', () => {
  let folder: string;
  let dataDir: string;
  const started: ServiceProcess[] = [];
  const start = async () => {
    const service = await spawnService({ PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' });
    started.push(service);
    return service;
  };

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'heupartrose-lock-'));
  });
  afterEach(async () => {
    for (const service of started.splice(0)) {
      service.child.kill('SIGCONT');
      await stopService(service);
    }
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('is never taken from a live process, however long it is paused', async () => {
    dataDir = path.join(folder, 'paused');
    const holder = await start();
    expect(await waitUntilReady(holder)).toBe(true);
    holder.child.kill('SIGSTOP');
    // Longer than the 10 s after which the earlier, time-based lock counted as stale.
    await sleep(11_000);

    const second = await start();
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`PGLITE_DATA_DIR is in use by another process (process ${holder.child.pid}`);

    holder.child.kill('SIGCONT');
    const health = await fetch(`${holder.baseUrl}/health/ready`);
    expect(health.status).toBe(200);
  }, 60_000);

  it('opens at once after the holder was killed', async () => {
    dataDir = path.join(folder, 'killed');
    const holder = await start();
    expect(await waitUntilReady(holder)).toBe(true);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const lock = JSON.parse(await readFile(`${dataDir}.lock`, 'utf8')) as { pid: number };
    expect(lock.pid).toBe(holder.child.pid);

    const restarted = await start();
    expect(await waitUntilReady(restarted, 20_000)).toBe(true);
    expect(restarted.output()).not.toContain('in use by another process');
  }, 60_000);

  it('stops a process at once whose lock names another holder', async () => {
    dataDir = path.join(folder, 'lost');
    const holder = await start();
    expect(await waitUntilReady(holder)).toBe(true);
    await writeFile(`${dataDir}.lock`, JSON.stringify({ pid: 1, hostname: 'elsewhere', token: 'not-this-process' }));

    const stoppedWithin = await Promise.race([holder.exited, sleep(5_000).then(() => 'still running')]);
    expect(stoppedWithin).toBe(1);
    expect(holder.output()).toContain('The PGLITE_DATA_DIR lock now names another process');
  }, 60_000);
});
