/**
 * 'npy' — numpy's single-array format. Reads v1/v2/v3 (any byte order, C or Fortran order, 0-d, empty, `<U` strings);
 * writes v1 (v2 when the header needs it) with the data aligned to 64 bytes. Decoding shares memory with the input
 * whenever the data offset is aligned for the element type (numpy's own files always are).
 */
import { CorruptDataError, UnsupportedValueError } from '../errors.js';
import type { Format } from '../format.js';
import { checkLimit, type LoadPolicy } from '../limits.js';
import { NDArray, byteswapInPlace, concatBytes, copyBytes, isTypedArray, typedFromBytes, type NumericDType, type TypedArray } from '../ndarray.js';
import { descrForDType, parseDescr } from './_npy-descr.js';
import { hasNpyMagic, readNpyHeader, writeNpyHeader, type Where } from './_npy-header.js';
import { fortranToCBytes, fortranToCItems } from './_fortran-order.js';

export interface NpyDecodeOptions {
  policy: LoadPolicy;
  /** For error messages: 'npy', or 'npz' when decoding a member. */
  format?: string;
  /** For error messages: the member or value path. */
  path?: string;
}

/** Decode one npy file into a C-order, little-endian NDArray. */
export function decodeNpy(bytes: Uint8Array, options: NpyDecodeOptions): NDArray {
  const where: Where = { format: options.format ?? 'npy', ...(options.path === undefined ? {} : { path: options.path }) };
  const header = readNpyHeader(bytes, where);
  const type = parseDescr(header.descr, where);
  const { shape } = header;
  let count = 1;
  for (const d of shape) count *= d;
  if (!Number.isSafeInteger(count)) throw new CorruptDataError('npy shape has too many elements', { ...where, received: `(${shape.join(', ')})` });
  checkLimit('array elements', count, options.policy.maxElements, 'maxElements', where);
  if (type.itemsize === 0 && count > 0) {
    // numpy never writes <U0 for non-empty arrays (it widens to <U1); zero-width elements would let a 100-byte
    // header demand billions of strings, so they are refused.
    throw new CorruptDataError('npy zero-width elements in a non-empty array', { ...where, expected: 'an item size of at least 1 byte', received: `${type.descr} × (${shape.join(', ')})` });
  }
  const byteLength = count * type.itemsize;
  const end = header.dataOffset + byteLength;
  if (!Number.isSafeInteger(byteLength) || end > bytes.length) {
    throw new CorruptDataError('npy data is truncated', {
      ...where, offset: header.dataOffset, expected: `${byteLength} data bytes for ${type.descr} (${shape.join(', ')})`, received: `${bytes.length - header.dataOffset}`,
    });
  }
  const payload = bytes.subarray(header.dataOffset, end);
  if (type.dtype === 'str') {
    const strings = decodeUcs4(payload, count, type.itemsize / 4, type.littleEndian, where, header.dataOffset);
    return new NDArray('str', shape, header.fortranOrder ? fortranToCItems(strings, shape) : strings);
  }
  const dtype = type.dtype as NumericDType;
  let data = payload;
  const laneWidth = dtype.startsWith('complex') ? type.itemsize / 2 : type.itemsize;
  if (!type.littleEndian && laneWidth > 1) {
    data = copyBytes(payload);
    byteswapInPlace(data, laneWidth);
  }
  if (header.fortranOrder && shape.length > 1) data = fortranToCBytes(data, shape, type.itemsize);
  if (dtype === 'bool') data = normaliseBool(data);
  return new NDArray(dtype, shape, typedFromBytes(dtype, data, count));
}

/** numpy stores any non-zero byte as True; our bool arrays hold exactly 0 or 1. Copies only when needed. */
function normaliseBool(data: Uint8Array): Uint8Array {
  if (data.every((b) => b <= 1)) return data;
  return data.map((b) => (b === 0 ? 0 : 1));
}

function decodeUcs4(payload: Uint8Array, count: number, chars: number, littleEndian: boolean, where: Where, base: number): string[] {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const out = new Array<string>(count);
  const cps: number[] = [];
  for (let e = 0; e < count; e++) {
    cps.length = 0;
    const start = e * chars * 4;
    let last = -1;
    for (let c = 0; c < chars; c++) {
      const cp = view.getUint32(start + c * 4, littleEndian);
      if (cp > 0x10ffff) throw new CorruptDataError('npy <U element holds an invalid code point', { ...where, offset: base + start + c * 4, expected: 'at most U+10FFFF', received: `0x${cp.toString(16)}` });
      cps.push(cp);
      if (cp !== 0) last = c;
    }
    // numpy strips trailing NULs (the padding) and keeps inner ones.
    let s = '';
    for (let c = 0; c <= last; c++) s += String.fromCodePoint(cps[c]!);
    out[e] = s;
  }
  return out;
}

/** What npy can hold: one NDArray (any dtype but bfloat16), or a bare typed array as a 1-D array. */
export function asNpyArray(value: unknown, where: Where): NDArray {
  const path = where.path ?? '$';
  if (value instanceof NDArray) {
    if (descrForDType(value.dtype) === undefined && value.dtype !== 'str') {
      throw new UnsupportedValueError(`numpy has no ${value.dtype} dtype, so npy cannot hold it; use safetensors, or convert to float32`, { ...where, path, received: value.dtype });
    }
    return value;
  }
  if (isTypedArray(value)) return NDArray.from(value as TypedArray);
  throw new UnsupportedValueError(`${where.format} holds one n-d array (NDArray or typed array)`, { ...where, path, expected: 'an NDArray', received: describe(value) });
}

/** The npy file for one array, as [header, data] (written back to back; data shares memory with the array). */
export function encodeNpyParts(value: unknown, where: Where = { format: 'npy' }): [Uint8Array, Uint8Array] {
  const array = asNpyArray(value, where);
  if (array.dtype === 'str') {
    const { descr, data } = encodeUcs4(array.data as string[], where);
    return [writeNpyHeader(descr, array.shape), data];
  }
  return [writeNpyHeader(descrForDType(array.dtype)!, array.shape), array.bytes()];
}

export function encodeNpy(value: unknown, where: Where = { format: 'npy' }): Uint8Array {
  return concatBytes(encodeNpyParts(value, where));
}

function encodeUcs4(strings: readonly string[], where: Where): { descr: string; data: Uint8Array } {
  const points = strings.map((s, i) => {
    if (s.endsWith('\0')) {
      throw new UnsupportedValueError('numpy strips trailing NUL characters from <U strings, so this string would not round-trip', {
        ...where, path: `${where.path ?? '$'}.data[${i}]`, received: JSON.stringify(s),
      });
    }
    return Array.from(s, (ch) => ch.codePointAt(0)!);
  });
  const chars = Math.max(1, ...points.map((p) => p.length));
  const data = new Uint8Array(strings.length * chars * 4);
  const view = new DataView(data.buffer);
  points.forEach((p, e) => p.forEach((cp, c) => view.setUint32((e * chars + c) * 4, cp, true)));
  return { descr: `<U${chars}`, data };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  if (Array.isArray(v)) return 'Array';
  return (v as object).constructor?.name ?? 'object';
}

export const npyFormat: Format = {
  name: 'npy',
  extensions: ['npy'],
  binary: true,
  lossless: 'one NDArray of any dtype except bfloat16 (the tensor flag is not kept)',
  sniff: hasNpyMagic,
  encode(value) {
    return encodeNpy(value);
  },
  // Imported on demand, like the other inspectors: `inspect` is not on the load path.
  inspect: (path, ctx) => import('./npy-inspect.js').then((m) => m.inspectNpy(path, ctx)),
  decode(input, ctx) {
    const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
    return decodeNpy(bytes, { policy: ctx.policy });
  },
  /** `save` writes header and data back to back, without a concatenated copy of a large array. */
  encodeParts: (value) => encodeNpyParts(value),
};
