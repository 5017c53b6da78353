/**
 * Atomic file replacement: write a temp file in the same directory → fsync → rename over the target → fsync the
 * directory. If the process dies at any moment the previous file is intact. The target's mode is kept; the temp
 * file is removed on failure.
 *
 * Bytes are written in chunks while a `fdatasync` of what is already written runs on another libuv thread, so the
 * disk flushes chunk k while chunk k+1 is copied into the page cache: the final fsync only waits for the tail.
 * Measured on 100 MB: write-then-fsync ~125 ms, overlapped ~80 ms (bench/npy-safetensors.mjs).
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StorageIOError } from '../errors.js';

export type TempWriter = (tempPath: string) => Promise<void>;

export interface AtomicWriteOptions {
  /** fsync data and directory (default true); false keeps the write atomic but not power-loss durable. */
  durable?: boolean;
}

/** `content`: bytes, text (UTF-8), byte chunks written back to back, or a function that writes the temp file itself. */
export async function atomicWrite(path: string, content: Uint8Array | string | readonly Uint8Array[] | TempWriter, options: AtomicWriteOptions = {}): Promise<number> {
  const durable = options.durable ?? true;
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
      if (durable) {
        const handle = await fs.open(temp, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
    } else {
      const handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o666);
      try {
        const parts = typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content;
        await writeParts(handle, parts, durable);
        if (durable) await handle.sync();
      } finally {
        await handle.close();
      }
    }
    if (mode !== undefined) await fs.chmod(temp, mode);
    const { size } = await fs.stat(temp);
    await fs.rename(temp, path);
    if (durable) await syncDirectory(dir);
    return size;
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw ioError('cannot write', path, error);
  }
}

const CHUNK_BYTES = 8 << 20;

/** Write the parts back to back; when `flush`, an fdatasync of what is written runs alongside (see top of file). */
async function writeParts(handle: fs.FileHandle, parts: readonly Uint8Array[], flush: boolean): Promise<void> {
  let flushing: Promise<void> | undefined;
  let flushError: unknown;
  let position = 0;
  for (const part of parts) {
    for (let start = 0; start < part.length; ) {
      const end = Math.min(part.length, start + CHUNK_BYTES);
      while (start < end) {
        const { bytesWritten } = await handle.write(part, start, end - start, position);
        start += bytesWritten;
        position += bytesWritten;
      }
      if (flush && flushing === undefined && part.length >= CHUNK_BYTES) {
        flushing = handle.datasync().then(
          () => { flushing = undefined; },
          (error: unknown) => { flushError ??= error; flushing = undefined; },
        );
      }
    }
  }
  await flushing;
  if (flushError !== undefined) throw flushError;
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
