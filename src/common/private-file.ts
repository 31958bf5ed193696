import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A private file that is missing its owner-only mode, is not a file, or vanished while being created. */
export class PrivateFileError extends Error {}

/**
 * Reads a file only its owner may read (mode 0600), or creates it with `create()`'s content.
 * Creation is atomic: the content is written to a private temporary file, which is then
 * hard-linked to the final name (fails if the name exists), so another process never sees a
 * half-written file; whoever loses the race reads the winner's. `label` names the file in errors.
 */
export async function readOrCreatePrivateFile(file: string, label: string, create: () => Promise<string>): Promise<string> {
  const existing = await readPrivateFile(file, label);
  if (existing !== undefined) return existing;
  await mkdir(path.dirname(file), { recursive: true });
  const content = await create();
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, content, { flag: 'wx', mode: 0o600 });
  try {
    await link(temporary, file);
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readPrivateFile(file, label);
    if (winner === undefined) throw new PrivateFileError(`The ${label} ${file} vanished while it was being created`);
    return winner;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** The file's content, undefined if there is no file; refuses one other users can read. */
async function readPrivateFile(file: string, label: string): Promise<string | undefined> {
  try {
    const stats = await stat(file);
    if (!stats.isFile()) throw new PrivateFileError(`The ${label} ${file} is not a regular file`);
    if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) {
      throw new PrivateFileError(`The ${label} ${file} is readable by other users: run chmod 600 on it, or delete it to get a new one`);
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
