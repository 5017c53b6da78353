/** numpy arrays, dtypes and scalars as they appear in pickles (REFERENCES §4), materialised as NDArray. */
import { CorruptDataError, UnsupportedValueError } from '../../errors.js';
import { checkLimit } from '../../limits.js';
import { NDArray, byteswapInPlace, copyBytes, typedFromBytes, type DType, type NDArrayData, type NumericDType } from '../../ndarray.js';
import { dtypeFromNumpyName } from '../../values/dtype-names.js';
import type { Buildable, Finalizable } from './py-values.js';
import { fortranStrides, gatherToCOrder } from '../_strided.js';
import { LargeText } from './py-values.js';
import { latin1Encode, utf8ToLatin1 } from './text.js';

export interface NumpyLimits {
  format: string;
  maxElements: number;
  /** May the array use this payload's memory in place (see UnpickleOptions.ownsInput)? Absent: always copy. */
  adopt?: (raw: Uint8Array) => boolean;
}

/** Python `bytes` (Uint8Array) or a latin-1 `str` standing for bytes (protocol 0–2 pickles, Python 2 files). */
export function bytesLike(value: unknown, what: string, format: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof LargeText) {
    const b = utf8ToLatin1(value.utf8);
    if (b !== undefined) return b;
  }
  if (typeof value === 'string') {
    const b = latin1Encode(value);
    if (b !== undefined) return b;
  }
  throw new CorruptDataError(`${what} must be bytes`, { format, expected: 'bytes (or a latin-1 str)', received: describeKind(value) });
}

export function describeKind(value: unknown): string {
  if (value === null) return 'None';
  if (Array.isArray(value)) return `tuple/list of ${value.length}`;
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/** A `numpy.dtype(spec, align, copy)` object; BUILD supplies byte order and item size. */
export class NumpyDType implements Buildable, Finalizable {
  readonly kind: string;
  readonly specSize: number | undefined;
  byteorder = '=';
  elsize = -1;
  structured = false;
  /** datetime64/timedelta64 metadata present */
  hasMetadata = false;

  constructor(readonly spec: string, private readonly format: string) {
    const m = /^([<>|=]?)([a-zA-Z?])(\d*)$/.exec(spec);
    const named = m === null ? dtypeFromNumpyName(spec) : undefined;
    if (m === null && named === undefined) throw new UnsupportedValueError(`numpy dtype ${JSON.stringify(spec)} is not understood`, { format, expected: 'a dtype code such as f4, i8, b1, U5' });
    if (m !== null) {
      this.kind = m[2]!;
      this.specSize = m[3] === '' ? undefined : Number(m[3]);
      if (m[1] !== '') this.byteorder = m[1]!;
    } else {
      this.kind = spec;
      this.specSize = undefined;
    }
  }

  build(state: unknown): void {
    if (!Array.isArray(state) || state.length < 8) {
      throw new CorruptDataError('numpy dtype state must be a tuple of 8 or 9 items', { format: this.format, received: describeKind(state) });
    }
    const [, order, subarray, names, , elsize] = state as unknown[];
    if (typeof order === 'string') this.byteorder = order;
    if (typeof elsize === 'number') this.elsize = elsize;
    if (names !== null || subarray !== null) this.structured = true;
    if (state.length >= 9 && state[8] !== null) this.hasMetadata = true;
  }

  /** Our dtype, bytes per element, and whether the bytes are big-endian. */
  resolve(): { dtype: DType; itemsize: number; bigEndian: boolean } {
    const where = { format: this.format, received: this.describe() };
    if (this.structured) throw new UnsupportedValueError('structured or sub-array numpy dtypes have no NDArray form', where);
    const bigEndian = this.byteorder === '>';
    if (this.kind === 'U') {
      const chars = this.elsize >= 0 ? this.elsize / 4 : this.specSize ?? 0;
      return { dtype: 'str', itemsize: chars * 4, bigEndian };
    }
    if (this.kind === 'O') throw new UnsupportedValueError('numpy object arrays (dtype O) hold Python objects, not numbers; they have no NDArray form', where);
    if (this.kind === 'S' || this.kind === 'a') throw new UnsupportedValueError('numpy byte-string arrays (dtype S) have no NDArray dtype', where);
    if (this.kind === 'V') throw new UnsupportedValueError('numpy void (raw record) dtypes have no NDArray dtype', where);
    if (this.kind === 'M' || this.kind === 'm') throw new UnsupportedValueError('numpy datetime64/timedelta64 dtypes have no NDArray dtype', where);
    const named = dtypeFromNumpyName(this.specSize === undefined ? this.kind : `${this.kind}${this.specSize}`);
    if (named === undefined || named === 'str' || named === 'bfloat16') throw new UnsupportedValueError(`numpy dtype ${this.describe()} has no NDArray dtype`, where);
    const sizes: Record<NumericDType, number> = { bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, float16: 2, bfloat16: 2, int32: 4, uint32: 4, float32: 4, int64: 8, uint64: 8, float64: 8, complex64: 8, complex128: 16 };
    return { dtype: named, itemsize: sizes[named], bigEndian };
  }

  describe(): string {
    return `${this.byteorder === '=' ? '' : this.byteorder}${this.kind}${this.kind === 'U' && this.elsize >= 0 ? this.elsize / 4 : this.specSize ?? ''}`;
  }

  /** A dtype standing alone in a pickle becomes its descr string, e.g. `<f4`. */
  finalize(): unknown {
    return this.describe();
  }
}

function checkShape(shape: unknown, format: string): number[] {
  const list = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(list) || !list.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
    throw new CorruptDataError('numpy shape must be a tuple of non-negative ints', { format, received: describeKind(shape) });
  }
  return list as number[];
}

/**
 * Pickled array data — Python bytes, or (protocols 0–2) a latin-1 str; C or Fortran order, either byte order — → a
 * C-order little-endian NDArray. `what` names the data in errors.
 */
export function materialiseArray(dtypeObj: unknown, shapeValue: unknown, fortran: boolean, pickled: unknown, what: string, limits: NumpyLimits): NDArray {
  const { format } = limits;
  const raw = bytesLike(pickled, what, format);
  // Bytes converted from a str just now are ours alone: the array may keep them without another copy.
  const converted = raw !== pickled;
  if (!(dtypeObj instanceof NumpyDType)) throw new CorruptDataError('numpy array dtype must be a numpy.dtype', { format, received: describeKind(dtypeObj) });
  const shape = checkShape(shapeValue, format);
  const { dtype, itemsize, bigEndian } = dtypeObj.resolve();
  const count = shape.reduce((a, b) => a * b, 1);
  checkLimit('numpy array elements', count, limits.maxElements, 'maxElements', { format });
  if (!Number.isSafeInteger(itemsize) || (dtype === 'str' && itemsize % 4 !== 0) || (itemsize === 0 && count > 0)) {
    // Zero-width items would let a tiny pickle demand billions of elements; <U sizes are whole UCS-4 characters.
    throw new CorruptDataError(`numpy ${dtypeObj.describe()} has an invalid item size for a non-empty array`, { format, expected: 'a positive item size (a multiple of 4 for <U)', received: `${itemsize} bytes × ${count}` });
  }
  if (raw.byteLength !== count * itemsize) {
    throw new CorruptDataError(`numpy array data does not match shape [${shape.join(', ')}] of ${dtypeObj.describe()}`, { format, expected: `${count * itemsize} bytes`, received: `${raw.byteLength}` });
  }
  // A copy — the result never aliases the caller's buffer — unless the input was handed over and this payload adopted.
  const inPlace = dtype !== 'str' && !(fortran && shape.length > 1) && (converted || limits.adopt?.(raw) === true);
  let bytes: Uint8Array = inPlace ? raw : copyBytes(raw);
  if (bigEndian) byteswapInPlace(bytes, dtype === 'complex64' || dtype === 'complex128' ? itemsize / 2 : dtype === 'str' ? 4 : itemsize);
  if (fortran && shape.length > 1) bytes = gatherToCOrder(bytes, itemsize, shape, fortranStrides(shape), 0);
  if (dtype === 'str') return new NDArray('str', shape, decodeUcs4(bytes, itemsize / 4, count, format));
  const data = typedFromBytes(dtype as NumericDType, bytes, count) as NDArrayData;
  if (dtype === 'bool') for (const b of data as Uint8Array) if (b > 1) throw new CorruptDataError('numpy bool array holds a byte other than 0 or 1', { format, received: String(b) });
  return new NDArray(dtype, shape, data);
}

function decodeUcs4(bytes: Uint8Array, chars: number, count: number, format: string): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let end = chars;
    while (end > 0 && view.getUint32((i * chars + end - 1) * 4, true) === 0) end--;
    const cps: number[] = [];
    for (let c = 0; c < end; c++) {
      const cp = view.getUint32((i * chars + c) * 4, true);
      if (cp > 0x10ffff) throw new CorruptDataError('numpy unicode array holds an invalid code point', { format, received: `0x${cp.toString(16)}` });
      cps.push(cp);
    }
    out[i] = String.fromCodePoint(...cps);
  }
  return out;
}

/** `_reconstruct(ndarray, (0,), b'b')` — an empty array that BUILD fills with `(version, shape, dtype, fortran, data)`. */
export class NumpyArrayBuilder implements Buildable, Finalizable {
  private result: NDArray | undefined;

  constructor(private readonly limits: NumpyLimits) {}

  build(state: unknown): void {
    const format = this.limits.format;
    if (!Array.isArray(state) || (state.length !== 5 && state.length !== 4)) {
      throw new CorruptDataError('numpy array state must be (version, shape, dtype, is_fortran, data)', { format, received: describeKind(state) });
    }
    const [shape, dtype, fortran, data] = state.length === 5 ? state.slice(1) : state;
    if (Array.isArray(data)) throw new UnsupportedValueError('numpy object arrays (dtype O) hold Python objects, not numbers; they have no NDArray form', { format });
    this.result = materialiseArray(dtype, shape, fortran === true || fortran === 1, data, 'numpy array data', this.limits);
  }

  finalize(): unknown {
    if (this.result === undefined) throw new CorruptDataError('numpy array was never filled in (no BUILD after _reconstruct)', { format: this.limits.format });
    return this.result;
  }
}
