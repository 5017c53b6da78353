/**
 * The value model for n-d arrays: `{ dtype, shape, data }` in C order, host (little-endian) byte order.
 * See ARCHITECTURE.md §2 for the dtype → data mapping.
 */
import { InvalidArgumentError } from './errors.js';

export const DTYPES = [
  'bool',
  'int8', 'int16', 'int32', 'int64',
  'uint8', 'uint16', 'uint32', 'uint64',
  'float16', 'bfloat16', 'float32', 'float64',
  'complex64', 'complex128',
  'str',
] as const;
export type DType = (typeof DTYPES)[number];
export type NumericDType = Exclude<DType, 'str'>;

export type NDArrayData =
  | Uint8Array | Int8Array | Int16Array | Int32Array | BigInt64Array
  | Uint16Array | Uint32Array | BigUint64Array
  | Float32Array | Float64Array
  | string[];

export type TypedArray = Exclude<NDArrayData, string[]>;
type TypedArrayCtor = { new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): TypedArray; new (length: number): TypedArray; BYTES_PER_ELEMENT: number };

interface DTypeInfo {
  /** Bytes per element (complex: both parts). */
  itemsize: number;
  /** Typed-array elements per array element (2 for complex). */
  lanes: number;
  ctor: TypedArrayCtor | undefined;
}

const INFO: Record<DType, DTypeInfo> = {
  bool: { itemsize: 1, lanes: 1, ctor: Uint8Array as unknown as TypedArrayCtor },
  int8: { itemsize: 1, lanes: 1, ctor: Int8Array as unknown as TypedArrayCtor },
  int16: { itemsize: 2, lanes: 1, ctor: Int16Array as unknown as TypedArrayCtor },
  int32: { itemsize: 4, lanes: 1, ctor: Int32Array as unknown as TypedArrayCtor },
  int64: { itemsize: 8, lanes: 1, ctor: BigInt64Array as unknown as TypedArrayCtor },
  uint8: { itemsize: 1, lanes: 1, ctor: Uint8Array as unknown as TypedArrayCtor },
  uint16: { itemsize: 2, lanes: 1, ctor: Uint16Array as unknown as TypedArrayCtor },
  uint32: { itemsize: 4, lanes: 1, ctor: Uint32Array as unknown as TypedArrayCtor },
  uint64: { itemsize: 8, lanes: 1, ctor: BigUint64Array as unknown as TypedArrayCtor },
  float16: { itemsize: 2, lanes: 1, ctor: Uint16Array as unknown as TypedArrayCtor },
  bfloat16: { itemsize: 2, lanes: 1, ctor: Uint16Array as unknown as TypedArrayCtor },
  float32: { itemsize: 4, lanes: 1, ctor: Float32Array as unknown as TypedArrayCtor },
  float64: { itemsize: 8, lanes: 1, ctor: Float64Array as unknown as TypedArrayCtor },
  complex64: { itemsize: 8, lanes: 2, ctor: Float32Array as unknown as TypedArrayCtor },
  complex128: { itemsize: 16, lanes: 2, ctor: Float64Array as unknown as TypedArrayCtor },
  str: { itemsize: 0, lanes: 1, ctor: undefined },
};

export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(INFO, value);
}

/** Bytes per element of a numeric dtype (complex64 → 8). */
export function itemsize(dtype: NumericDType): number {
  return INFO[dtype].itemsize;
}

/** Typed-array elements per array element: 2 for complex dtypes, else 1. */
export function lanes(dtype: DType): number {
  return INFO[dtype].lanes;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export interface NDArrayOptions {
  /** The array was (or should be written back as) a torch tensor. */
  tensor?: boolean;
}

export class NDArray<D extends NDArrayData = NDArrayData> {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: D;
  /** Remembers the seed's `torch_tensor` so it is written back as a tensor. */
  readonly tensor: boolean;

  constructor(dtype: DType, shape: readonly number[], data: D, options: NDArrayOptions = {}) {
    if (!isDType(dtype)) throw new InvalidArgumentError(`unknown dtype ${JSON.stringify(dtype)}`, { expected: DTYPES.join('|') });
    for (const d of shape) {
      if (!Number.isSafeInteger(d) || d < 0) throw new InvalidArgumentError('shape must hold non-negative integers', { received: JSON.stringify(shape) });
    }
    const info = INFO[dtype];
    if (dtype === 'str') {
      if (!Array.isArray(data)) throw new InvalidArgumentError('str arrays hold a string[]', { received: describeData(data) });
    } else if (info.ctor === undefined || !(data instanceof info.ctor)) {
      throw new InvalidArgumentError(`${dtype} arrays hold a ${info.ctor?.name ?? '?'}`, { received: describeData(data) });
    }
    const expectedLength = sizeOf(shape) * info.lanes;
    if (data.length !== expectedLength) {
      throw new InvalidArgumentError(`data length does not match shape [${shape.join(', ')}] of ${dtype}`, {
        expected: `${expectedLength} elements`,
        received: `${data.length}`,
      });
    }
    this.dtype = dtype;
    this.shape = shape.slice();
    this.data = data;
    this.tensor = options.tensor === true;
  }

  /** Number of elements (product of the shape; 1 for a 0-d array). */
  get size(): number {
    return sizeOf(this.shape);
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** Bytes of the raw payload (0 for str arrays). */
  get nbytes(): number {
    return this.dtype === 'str' ? 0 : this.size * INFO[this.dtype].itemsize;
  }

  /** The raw little-endian C-order bytes, sharing memory with `data` (numeric dtypes only). */
  bytes(): Uint8Array {
    if (this.dtype === 'str') throw new InvalidArgumentError('str arrays have no raw byte payload');
    const d = this.data as TypedArray;
    return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
  }

  /** A 1-D NDArray view of a bare TypedArray (Uint8Array maps to uint8). */
  static from(typed: TypedArray, options: NDArrayOptions = {}): NDArray {
    return new NDArray(dtypeOfTypedArray(typed), [typed.length], typed, options);
  }
}

function describeData(data: unknown): string {
  if (Array.isArray(data)) return 'Array';
  if (data !== null && typeof data === 'object') return (data as object).constructor?.name ?? 'object';
  return typeof data;
}

export function dtypeOfTypedArray(typed: TypedArray): NumericDType {
  if (typed instanceof Float64Array) return 'float64';
  if (typed instanceof Float32Array) return 'float32';
  if (typed instanceof Int32Array) return 'int32';
  if (typed instanceof Uint32Array) return 'uint32';
  if (typed instanceof Int16Array) return 'int16';
  if (typed instanceof Uint16Array) return 'uint16';
  if (typed instanceof Int8Array) return 'int8';
  if (typed instanceof Uint8Array) return 'uint8';
  if (typed instanceof BigInt64Array) return 'int64';
  if (typed instanceof BigUint64Array) return 'uint64';
  throw new InvalidArgumentError('unsupported typed array', { received: describeData(typed) });
}

export function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof Uint8ClampedArray);
}

/**
 * Wrap little-endian bytes as the typed array of `dtype`. Shares memory when the offset is aligned,
 * copies otherwise. `count` is the number of array elements.
 */
export function typedFromBytes(dtype: NumericDType, bytes: Uint8Array, count: number): TypedArray {
  const info = INFO[dtype];
  const ctor = info.ctor!;
  const length = count * info.lanes;
  const byteLength = count * info.itemsize;
  if (bytes.byteLength < byteLength) {
    throw new InvalidArgumentError(`payload too short for ${count} ${dtype} elements`, { expected: `${byteLength} bytes`, received: `${bytes.byteLength}` });
  }
  if (bytes.byteOffset % ctor.BYTES_PER_ELEMENT === 0) return new ctor(bytes.buffer, bytes.byteOffset, length);
  const copy = new Uint8Array(byteLength);
  copy.set(bytes.subarray(0, byteLength));
  return new ctor(copy.buffer, 0, length);
}

/**
 * A copy of `bytes` in a fresh, aligned ArrayBuffer. Not `bytes.slice()`: on a Node Buffer (what `fs` returns)
 * `slice` is a view that shares memory, so byte-swapping it would alter the caller's input.
 */
/** The pieces back to back in one fresh buffer (for `encode`; `save` writes the pieces without joining them). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** Allocate zeroed data for a dtype and element count. */
export function allocate(dtype: DType, count: number): NDArrayData {
  if (dtype === 'str') return new Array<string>(count).fill('');
  const info = INFO[dtype];
  return new info.ctor!(count * info.lanes);
}

/** Reverse the byte order of every element in place (for big-endian input). */
export function byteswapInPlace(bytes: Uint8Array, width: number): void {
  if (width <= 1) return;
  for (let i = 0; i + width <= bytes.length; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
}

// --- 16-bit floats (Node 20 has no Float16Array): raw bits ↔ number ---

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function float16BitsToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Round-to-nearest-even conversion of a number to float16 bits. */
export function numberToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 | (mant >>> 13) : 0);
  // Work from the exact double to avoid double rounding through float32.
  const abs = Math.abs(value);
  if (abs === 0) return sign;
  if (abs >= 65520) return sign | 0x7c00;
  if (abs < 2 ** -14) {
    // subnormal: units of 2^-24
    const q = abs / 2 ** -24;
    let r = Math.floor(q);
    const rem = q - r;
    if (rem > 0.5 || (rem === 0.5 && (r & 1) === 1)) r++;
    return sign | r;
  }
  let e = Math.floor(Math.log2(abs));
  if (2 ** e > abs) e--;
  if (2 ** (e + 1) <= abs) e++;
  const q = (abs / 2 ** e - 1) * 1024;
  let m = Math.floor(q);
  const rem = q - m;
  if (rem > 0.5 || (rem === 0.5 && (m & 1) === 1)) m++;
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) return sign | 0x7c00;
  mant = m;
  return sign | ((e + 15) << 10) | mant;
}

export function bfloat16BitsToNumber(b: number): number {
  u32[0] = (b & 0xffff) << 16;
  return f32[0]!;
}

/** Round-to-nearest-even conversion of a number to bfloat16 bits (via float32). */
export function numberToBfloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  if ((x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0) return ((x >>> 16) | 0x40) & 0xffff;
  const rounded = x + 0x7fff + ((x >>> 16) & 1);
  return (rounded >>> 16) & 0xffff;
}
