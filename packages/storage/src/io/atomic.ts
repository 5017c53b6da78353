/**
 * Atomic file replacement: write a temp file in the same directory → fsync → rename over the target → fsync the
 * directory. If the process dies at any moment the previous file is intact. The target's mode is kept; the temp
 * file is removed on failure.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StorageIOError } from '../errors.js';

export type TempWriter = (tempPath: string) => Promise<void>;

export async function atomicWrite(path: string, content: Uint8Array | string | TempWriter): Promise<number> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError('cannot stat', path, error);
  }
  try {
    if (typeof content === 'function') {
      await content(temp);
      const handle = await fs.open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
      const handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o666);
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    if (mode !== undefined) await fs.chmod(temp, mode);
    const { size } = await fs.stat(temp);
    await fs.rename(temp, path);
    await syncDirectory(dir);
    return size;
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw ioError('cannot write', path, error);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

function ioError(what: string, path: string, error: unknown): Error {
  if (error instanceof Error && 'code' in error && (error as { code?: unknown }).code !== undefined && !(error as { detail?: unknown }).detail) {
    return new StorageIOError(`${what} ${path}: ${(error as Error).message}`, { file: path, cause: error });
  }
  return error as Error;
}
