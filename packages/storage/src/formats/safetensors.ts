/**
 * 'safetensors' — a flat record of little-endian C-order tensors behind a JSON header.
 *
 * Loaded value: a plain object `{ name: NDArray }` in header order; when the file has `__metadata__`, the object also
 * has a `__metadata__` key holding that str→str map (the format forbids a tensor of that name, so nothing collides).
 * Saving takes the same shape: NDArrays / typed arrays plus an optional `__metadata__: Record<string, string>`.
 * The writer matches the reference: tensors sorted by dtype alignment (descending) then name, header padded with
 * spaces to a multiple of 8, so every tensor's data is aligned and decoding shares memory with the input.
 */
import { CorruptDataError, UnsupportedValueError, pathStep } from '../errors.js';
import type { Format } from '../format.js';
import type { LoadPolicy } from '../limits.js';
import { NDArray, concatBytes, isTypedArray, typedFromBytes, type NumericDType, type TypedArray } from '../ndarray.js';
import { isPlainObject } from '../values/typed-json-encode.js';
import { METADATA_KEY, parseHeader, readHeaderLength, safetensorsDType, type TensorInfo } from './_safetensors-header.js';

export type SafetensorsRecord = Record<string, NDArray | Record<string, string>>;

/** Decode a whole safetensors buffer (memory is shared with `bytes` where aligned). */
export function decodeSafetensors(bytes: Uint8Array, policy: LoadPolicy): SafetensorsRecord {
  const n = readHeaderLength(bytes.subarray(0, 8), bytes.length);
  const header = parseHeader(bytes.subarray(8, 8 + n), bytes.length, policy);
  const out: SafetensorsRecord = {};
  if (header.metadata !== undefined) define(out, METADATA_KEY, header.metadata);
  for (const t of header.tensors) define(out, t.name, tensorFromBytes(t, bytes.subarray(header.dataStart + t.begin, header.dataStart + t.end)));
  return out;
}

export function tensorFromBytes(info: TensorInfo, payload: Uint8Array): NDArray {
  if (info.dtype === 'bool') {
    if (!payload.every((b) => b <= 1)) {
      throw new CorruptDataError('safetensors BOOL tensor holds bytes other than 0 and 1', { format: 'safetensors', path: info.name });
    }
  }
  let count = 1;
  for (const d of info.shape) count *= d;
  return new NDArray(info.dtype, info.shape, typedFromBytes(info.dtype, payload, count));
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Prepared {
  name: string;
  nameBytes: Buffer;
  fileDtype: string;
  rank: number;
  shape: readonly number[];
  bytes: Uint8Array;
}

/** [8-byte length, padded header, tensor data …] — written back to back. */
export function encodeSafetensorsParts(value: unknown): Uint8Array[] {
  const fields = value instanceof Map ? [...value] : value !== null && typeof value === 'object' && !Array.isArray(value) && isPlainObject(value) ? Object.entries(value) : undefined;
  if (fields === undefined) {
    throw new UnsupportedValueError('safetensors holds a flat record of tensors', { format: 'safetensors', path: '$', expected: '{ name: NDArray, …, __metadata__?: { str: str } }', received: describe(value) });
  }
  let metadata: Record<string, string> | undefined;
  const tensors: Prepared[] = [];
  for (const [name, v] of fields) {
    if (typeof name !== 'string') throw new UnsupportedValueError('safetensors tensor names must be strings', { format: 'safetensors', path: '$', received: typeof name });
    const path = pathStep('$', name);
    if (name === METADATA_KEY) {
      metadata = checkMetadata(v, path);
      continue;
    }
    const array = v instanceof NDArray ? v : isTypedArray(v) ? NDArray.from(v as TypedArray) : undefined;
    if (array === undefined) {
      throw new UnsupportedValueError('safetensors values must be NDArrays or typed arrays (no nesting, scalars or strings)', { format: 'safetensors', path, received: describe(v) });
    }
    const st = array.dtype === 'str' ? undefined : safetensorsDType(array.dtype as NumericDType);
    if (st === undefined) {
      throw new UnsupportedValueError(`safetensors has no ${array.dtype} dtype`, { format: 'safetensors', path, expected: 'bool, (u)int8–64, float16, bfloat16, float32, float64 or complex64', received: array.dtype });
    }
    tensors.push({ name, nameBytes: Buffer.from(name, 'utf8'), fileDtype: st.name, rank: st.rank, shape: array.shape, bytes: array.bytes() });
  }
  // The reference: larger alignment first, then name (byte order of UTF-8, as Rust compares strings).
  tensors.sort((a, b) => b.rank - a.rank || Buffer.compare(a.nameBytes, b.nameBytes));
  const header: Record<string, unknown> = {};
  if (metadata !== undefined) define(header, METADATA_KEY, metadata);
  let offset = 0;
  for (const t of tensors) {
    define(header, t.name, { dtype: t.fileDtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] });
    offset += t.bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const padded = Buffer.alloc(Math.ceil(json.length / 8) * 8, 0x20);
  json.copy(padded);
  const prefix = new Uint8Array(8);
  new DataView(prefix.buffer).setBigUint64(0, BigInt(padded.length), true);
  return [prefix, padded, ...tensors.map((t) => t.bytes)];
}

export function encodeSafetensors(value: unknown): Uint8Array {
  return concatBytes(encodeSafetensorsParts(value));
}

function checkMetadata(v: unknown, path: string): Record<string, string> {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !isPlainObject(v)) {
    throw new UnsupportedValueError('safetensors __metadata__ must be a plain object of strings', { format: 'safetensors', path, received: describe(v) });
  }
  for (const [k, s] of Object.entries(v)) {
    if (typeof s !== 'string') throw new UnsupportedValueError('safetensors __metadata__ values must be strings', { format: 'safetensors', path: pathStep(path, k), received: describe(s) });
  }
  return v as Record<string, string>;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  if (Array.isArray(v)) return 'Array';
  return (v as object).constructor?.name ?? 'object';
}

export const safetensorsFormat: Format = {
  name: 'safetensors',
  extensions: ['safetensors'],
  binary: true,
  lossless: 'a flat record of NDArrays (every dtype but str and complex128) plus str→str __metadata__; tensor flags are not kept',
  sniff(head) {
    // u64 header length with its high bytes zero (≤ 100 MB), then the JSON object's '{'.
    if (head.length < 9 || head[8] !== 0x7b) return false;
    if (head[4] !== 0 || head[5] !== 0 || head[6] !== 0 || head[7] !== 0) return false;
    return (head[0]! | (head[1]! << 8) | (head[2]! << 16) | (head[3]! << 24)) >>> 0 >= 2;
  },
  encode(value) {
    return encodeSafetensors(value);
  },
  decode(input, ctx) {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
    return decodeSafetensors(bytes, ctx.policy);
  },
  encodeParts: (value) => encodeSafetensorsParts(value),
  // Imported on demand: safetensors-inspect → safetensors-file → this module would be an import cycle.
  inspect: (path, ctx) => import('./safetensors-inspect.js').then((m) => m.inspectSafetensors(path, ctx)),
};
