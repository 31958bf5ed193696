import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';

/** The process that holds a PGlite folder, as its lock file names it. */
interface LockHolder {
  pid: number;
  hostname: string;
  /** Tells this holding apart from an earlier one by a process that reused the pid. */
  token: string;
}

export class DatabaseLockedError extends Error {}

/** How often the holder checks that the lock is still its own. */
const WATCH_INTERVAL_MS = 1000;
/** A takeover guard or an older version's lock folder not touched for this long was left by a process that died. */
const ABANDONED_AFTER_MS = 10_000;

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * An exclusive lock on a PGlite folder, `<folder>.lock`, naming the process that holds it. It is
 * never taken from a live process, however long that process is paused (a lock that expires by time
 * was, and two processes then wrote to one folder); a lock whose process is gone is taken over at
 * once, so a restart after a crash opens the folder straight away. A lock held from another host
 * (a shared folder) counts as live. While held, the lock is checked every second: should it ever
 * name another holder, `onLost` is called, and the caller must stop using the folder.
 */
export async function lockDataDir(absoluteDir: string, onLost: () => void): Promise<DataDirLock> {
  const lockPath = `${absoluteDir}.lock`;
  const holder: LockHolder = { pid: process.pid, hostname: hostname(), token: randomUUID() };
  await acquire(lockPath, holder);
  const watch = setInterval(() => {
    void readHolder(lockPath).then((current) => {
      if (current?.token === holder.token) return;
      clearInterval(watch);
      onLost();
    });
  }, WATCH_INTERVAL_MS);
  watch.unref();
  return {
    release: async () => {
      clearInterval(watch);
      if ((await readHolder(lockPath))?.token === holder.token) await rm(lockPath, { force: true });
    },
  };
}

async function acquire(lockPath: string, holder: LockHolder): Promise<void> {
  if (await createLockFile(lockPath, holder)) return;
  await removeAbandonedLockFolder(lockPath);
  const current = await readHolder(lockPath);
  if (current && isAlive(current)) throw lockedBy(lockPath, current);
  await takeOver(lockPath, current, holder);
}

/** Creates the lock file only if there is none (O_EXCL); false when one exists. */
async function createLockFile(lockPath: string, holder: LockHolder): Promise<boolean> {
  try {
    const file = await open(lockPath, 'wx', 0o600);
    try {
      await file.writeFile(JSON.stringify(holder));
      await file.sync();
    } finally {
      await file.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Replaces a dead holder's lock. Two processes starting together could both find it dead: a guard
 * folder (mkdir is atomic) lets one of them replace it, and the other then finds a live holder.
 */
async function takeOver(lockPath: string, dead: LockHolder | undefined, holder: LockHolder): Promise<void> {
  const guard = `${lockPath}.takeover`;
  await removeIfAbandoned(guard);
  try {
    await mkdir(guard);
  } catch {
    throw new DatabaseLockedError(`PGLITE_DATA_DIR is being opened by another process (lock: ${lockPath})`);
  }
  try {
    const current = await readHolder(lockPath);
    if (current && current.token !== dead?.token) throw lockedBy(lockPath, current);
    await rm(lockPath, { force: true });
    if (!(await createLockFile(lockPath, holder))) throw new DatabaseLockedError(`PGLITE_DATA_DIR is in use by another process (lock: ${lockPath})`);
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

async function readHolder(lockPath: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.hostname === 'string' && typeof holder.token === 'string') return holder as LockHolder;
    return undefined;
  } catch {
    // Missing, half-written by a process that died while creating it, or not ours: no live holder.
    return undefined;
  }
}

function isAlive({ pid, hostname: holderHost }: LockHolder): boolean {
  if (holderHost !== hostname()) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Earlier versions locked with a folder of this name, refreshed every few seconds while held. */
async function removeAbandonedLockFolder(lockPath: string): Promise<void> {
  const info = await stat(lockPath).catch(() => undefined);
  if (!info?.isDirectory()) return;
  if (!(await removeIfAbandoned(lockPath))) throw new DatabaseLockedError(`PGLITE_DATA_DIR is in use by another process (lock: ${lockPath})`);
}

/** Removes a folder untouched for ABANDONED_AFTER_MS; true when there is none left. */
async function removeIfAbandoned(folder: string): Promise<boolean> {
  const info = await stat(folder).catch(() => undefined);
  if (!info) return true;
  if (Date.now() - info.mtimeMs < ABANDONED_AFTER_MS) return false;
  await rm(folder, { recursive: true, force: true });
  return true;
}

function lockedBy(lockPath: string, holder: LockHolder): DatabaseLockedError {
  const where = holder.hostname === hostname() ? `process ${holder.pid}` : `a process on host ${holder.hostname}`;
  return new DatabaseLockedError(`PGLITE_DATA_DIR is in use by another process (${where}; lock: ${lockPath})`);
}
