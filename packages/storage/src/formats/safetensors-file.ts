/**
 * Lazy safetensors reading from disk: the header is read and validated on open; each tensor is read on request
 * by its byte range, so a large checkpoint never has to fit in memory at once.
 */
import { promises as fs } from 'node:fs';
import { CorruptDataError, StorageError, StorageIOError } from '../errors.js';
import { checkLimit, resolvePolicy, type LoadPolicy } from '../limits.js';
import type { NDArray } from '../ndarray.js';
import { parseHeader, readHeaderLength, type TensorInfo } from './_safetensors-header.js';
import { tensorFromBytes } from './safetensors.js';

export interface SafetensorsTensorInfo {
  readonly dtype: string;
  readonly shape: readonly number[];
  /** Byte range inside the data section, end exclusive. */
  readonly dataOffsets: readonly [number, number];
}

export class SafetensorsFile {
  readonly path: string;
  /** The file's `__metadata__`, if any. */
  readonly metadata: Readonly<Record<string, string>> | undefined;
  readonly #handle: fs.FileHandle;
  readonly #tensors: Map<string, TensorInfo>;
  readonly #dataStart: number;

  private constructor(path: string, handle: fs.FileHandle, tensors: TensorInfo[], metadata: Record<string, string> | undefined, dataStart: number) {
    this.path = path;
    this.#handle = handle;
    this.#tensors = new Map(tensors.map((t) => [t.name, t]));
    this.metadata = metadata;
    this.#dataStart = dataStart;
  }

  /** Open and validate the header (same checks as a full load). Call `close()` when done. */
  static async open(path: string, policy: Partial<LoadPolicy> = {}): Promise<SafetensorsFile> {
    const resolved = resolvePolicy(policy);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path, 'r');
    } catch (cause) {
      throw new StorageIOError(`cannot open ${path}: ${(cause as Error).message}`, { file: path, format: 'safetensors', cause });
    }
    try {
      const { size } = await handle.stat();
      checkLimit('file size', size, resolved.maxInputBytes, 'maxInputBytes', { format: 'safetensors' });
      const prefix = await readRange(handle, 0, Math.min(8, size));
      const n = readHeaderLength(prefix, size);
      const header = parseHeader(await readRange(handle, 8, n), size, resolved);
      return new SafetensorsFile(path, handle, header.tensors, header.metadata, header.dataStart);
    } catch (error) {
      await handle.close();
      throw error instanceof StorageError ? error.locate({ file: path }) : error;
    }
  }

  /** Tensor names in header order. */
  get names(): string[] {
    return [...this.#tensors.keys()];
  }

  info(name: string): SafetensorsTensorInfo | undefined {
    const t = this.#tensors.get(name);
    return t === undefined ? undefined : { dtype: t.fileDtype, shape: t.shape, dataOffsets: [t.begin, t.end] };
  }

  /** Read one tensor by its byte range. */
  async read(name: string): Promise<NDArray> {
    const t = this.#tensors.get(name);
    if (t === undefined) throw new CorruptDataError('no such tensor in the safetensors file', { file: this.path, format: 'safetensors', path: name, expected: this.names.join(', ') });
    return tensorFromBytes(t, await readRange(this.#handle, this.#dataStart + t.begin, t.end - t.begin));
  }

  async close(): Promise<void> {
    await this.#handle.close();
  }
}

/** Read exactly `length` bytes at `position` into a fresh (8-byte aligned) buffer. */
async function readRange(handle: fs.FileHandle, position: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(out, done, length - done, position + done);
    if (bytesRead === 0) throw new CorruptDataError('safetensors file ended early', { format: 'safetensors', offset: position + done, expected: `${length} bytes`, received: `${done}` });
    done += bytesRead;
  }
  return out;
}

/** Open a safetensors file for lazy per-tensor reads. */
export function openSafetensors(path: string, policy: Partial<LoadPolicy> = {}): Promise<SafetensorsFile> {
  return SafetensorsFile.open(path, policy);
}
