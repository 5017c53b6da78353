/**
 * 'hdf5' — HDF5 files through h5wasm, in the layout h5py users expect (README "HDF5"). h5wasm reads and writes
 * host files itself, so `saveFile`/`loadFile` are the real implementation; `encode`/`decode` go through a temp file.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptDataError, StorageError } from '../../errors.js';
import type { DecodeContext, EncodeContext, Format } from '../../format.js';
import { DEFAULT_SLICE_BYTES } from './_h5wasm.js';
import { decodeJSONText } from './read.js';
import { hasSignatureAt } from './signature.js';
import { unpack } from './transfer.js';
import { decodeInWorker, inspectInWorker } from './worker-client.js';
import { writeHDF5File } from './write.js';

async function loadHDF5(file: string, ctx: DecodeContext, displayName?: string): Promise<unknown> {
  const named = displayName === undefined ? {} : { file: displayName };
  try {
    const sliceBytes = ctx.options.hdf5SliceBytes;
    const packed = await decodeInWorker(file, ctx.policy, typeof sliceBytes === 'number' && sliceBytes > 0 ? sliceBytes : DEFAULT_SLICE_BYTES, displayName ?? 'the HDF5 input');
    const jsonContext = { codecs: ctx.registry.codecs(), policy: ctx.policy };
    return unpack(packed, (text, path) => decodeJSONText(jsonContext, text, path));
  } catch (error) {
    if (error instanceof StorageError) {
      // Errors raised on our temp file must not name it: the caller never saw that path.
      const located = displayName === undefined && error.file !== undefined ? error.withContext({ ...error.context, file: undefined }) : error;
      throw located.locate({ ...named, format: 'hdf5' });
    }
    throw new CorruptDataError(`unreadable HDF5 input: ${(error as Error)?.message ?? String(error)}`, { ...named, format: 'hdf5', cause: error });
  }
}

function tempPath(): string {
  return join(tmpdir(), `omega-hdf5-${process.pid}-${randomBytes(6).toString('hex')}.h5`);
}

export const hdf5Format: Format = {
  name: 'hdf5',
  extensions: ['h5', 'hdf5', 'hdf', 'he5'],
  binary: true,
  lossless: 'every value storage supports; NDArrays as native datasets, other values as attributes or typed JSON',
  sniff(head) {
    return hasSignatureAt(head, 0) || hasSignatureAt(head, 512);
  },
  async encode(value: unknown, ctx: EncodeContext): Promise<Uint8Array> {
    const temp = tempPath();
    try {
      await writeHDF5File(value, temp, ctx);
      return new Uint8Array(await fs.readFile(temp));
    } catch (error) {
      if (error instanceof StorageError && error.file === temp) throw error.withContext({ ...error.context, file: undefined });
      throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
  },
  async decode(input: Uint8Array | string, ctx: DecodeContext): Promise<unknown> {
    if (typeof input === 'string') throw new CorruptDataError('HDF5 input must be bytes', { format: 'hdf5', expected: 'a Uint8Array', received: 'text' });
    const temp = tempPath();
    try {
      await fs.writeFile(temp, input);
      return await loadHDF5(temp, ctx, ctx.file);
    } finally {
      await fs.rm(temp, { force: true });
    }
  },
  saveFile(value: unknown, path: string, ctx: EncodeContext): Promise<void> {
    return writeHDF5File(value, path, ctx);
  },
  loadFile(path: string, ctx: DecodeContext): Promise<unknown> {
    return loadHDF5(path, ctx, ctx.file ?? path);
  },
  async inspect(path: string, ctx: DecodeContext) {
    try {
      return await inspectInWorker(path, ctx.policy, ctx.file ?? path);
    } catch (error) {
      throw error instanceof StorageError ? error.locate({ file: ctx.file ?? path, format: 'hdf5' }) : error;
    }
  },
};

export { openHDF5, withHDF5 } from './lazy.js';
export type { HDF5DatasetHandle, HDF5FileHandle, HDF5GroupHandle, HDF5OpenOptions } from './lazy.js';
export type { HDF5WriteOptions } from './write.js';
