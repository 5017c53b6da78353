/**
 * 'npz' — numpy's zip of `<name>.npy` members (`savez` stores, `savez_compressed` deflates). Members are read one at a
 * time through the guarded zip reader; the loaded value is a plain object `{ name: NDArray }`.
 */
import { CorruptDataError, UnsupportedValueError, pathStep } from '../errors.js';
import type { EncodeContext, Format } from '../format.js';
import type { LoadPolicy } from '../limits.js';
import type { NDArray } from '../ndarray.js';
import { isPlainObject } from '../values/typed-json-encode.js';
import { ZipReader, type ZipEntry } from './_zip.js';
import { writeZip, zipParts, type ZipWriteMember } from './_zip-write.js';
import { decodeNpy, encodeNpyParts } from './npy.js';

export interface NpzWriteOptions {
  /** Deflate members like `numpy.savez_compressed` (default false: stored, like `numpy.savez`). */
  compress?: boolean;
  /** Deflate level 1–9 when compressing (default 6). */
  level?: number;
}

/** Lazy access to an npz held in memory: names come from the central directory; each array is decoded on `read`. */
export class NpzReader {
  readonly #zip: ZipReader;
  readonly #policy: LoadPolicy;
  readonly #members = new Map<string, ZipEntry>();

  private constructor(zip: ZipReader, policy: LoadPolicy) {
    this.#zip = zip;
    this.#policy = policy;
    for (const entry of zip.entries) {
      if (entry.name.endsWith('/') && entry.size === 0) continue; // directory entry
      if (!entry.name.endsWith('.npy')) {
        throw new UnsupportedValueError('npz member is not an .npy array', { format: 'npz', path: entry.name, expected: '<name>.npy members only' });
      }
      this.#members.set(entry.name.slice(0, -4), entry);
    }
  }

  static open(bytes: Uint8Array, policy: LoadPolicy): NpzReader {
    return new NpzReader(ZipReader.open(bytes, { policy, format: 'npz' }), policy);
  }

  /** Array names (member names without `.npy`), in archive order. */
  get names(): string[] {
    return [...this.#members.keys()];
  }

  read(name: string): NDArray {
    const entry = this.#members.get(name);
    if (entry === undefined) throw new CorruptDataError('no such array in the npz', { format: 'npz', path: name, expected: this.names.join(', ') });
    return decodeNpy(this.#zip.read(entry), { policy: this.#policy, format: 'npz', path: entry.name });
  }

  /** Every array, as a plain object. */
  readAll(): Record<string, NDArray> {
    const out: Record<string, NDArray> = {};
    for (const name of this.#members.keys()) defineKey(out, name, this.read(name));
    return out;
  }
}

function defineKey<T>(target: Record<string, T>, key: string, value: T): void {
  // defineProperty keeps a key such as "__proto__" an ordinary own property.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** What npz can hold: a plain object (or Map with string keys) whose values are NDArrays or typed arrays. */
function entriesOf(value: unknown): Array<[string, unknown]> {
  if (value instanceof Map) {
    return [...value].map(([k, v]) => {
      if (typeof k !== 'string') throw new UnsupportedValueError('npz array names must be strings', { format: 'npz', path: '$', received: typeof k });
      return [k, v];
    });
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && isPlainObject(value)) return Object.entries(value);
  throw new UnsupportedValueError('npz holds a flat record of arrays', { format: 'npz', path: '$', expected: '{ name: NDArray, … }', received: value === null ? 'null' : Array.isArray(value) ? 'Array' : typeof value });
}

function npzMembers(value: unknown, options: NpzWriteOptions): ZipWriteMember[] {
  return entriesOf(value).map(([name, array]) => ({
    name: `${name}.npy`,
    data: encodeNpyParts(array, { format: 'npz', path: pathStep('$', name) }),
    compress: options.compress === true,
  }));
}

export function encodeNpz(value: unknown, options: NpzWriteOptions = {}): Uint8Array {
  return writeZip(npzMembers(value, options), options.level ?? 6, 'npz');
}

/** The npz as pieces for `save`: stored members are the arrays' own memory. */
export function encodeNpzParts(value: unknown, options: NpzWriteOptions = {}): Uint8Array[] {
  return zipParts(npzMembers(value, options), options.level ?? 6, 'npz');
}

const writeOptions = (ctx: EncodeContext): NpzWriteOptions => ({ compress: ctx.options.compress === true, level: ctx.compressionLevel === 0 ? 1 : ctx.compressionLevel });

/** A local zip header whose first member is `<something>.npy`, or an empty zip. */
function sniffNpz(head: Uint8Array): boolean {
  // An empty archive (end-of-central-directory record only, no entries) is an empty npz.
  if (head.length >= 22 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x05 && head[3] === 0x06 && head[10] === 0 && head[11] === 0) return true;
  if (head.length < 34 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return false;
  const nameLen = head[26]! | (head[27]! << 8);
  if (nameLen < 4 || 30 + nameLen > head.length) return false;
  const name = head.subarray(30 + nameLen - 4, 30 + nameLen);
  return name[0] === 0x2e && name[1] === 0x6e && name[2] === 0x70 && name[3] === 0x79; // ".npy"
}

export const npzFormat: Format = {
  name: 'npz',
  extensions: ['npz'],
  binary: true,
  lossless: 'a flat record of NDArrays of any dtype except bfloat16 (tensor flags are not kept)',
  sniff: sniffNpz,
  encode: (value, ctx) => encodeNpz(value, writeOptions(ctx)),
  encodeParts: (value, ctx) => encodeNpzParts(value, writeOptions(ctx)),
  decode(input, ctx) {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
    return NpzReader.open(bytes, ctx.policy).readAll();
  },
};
