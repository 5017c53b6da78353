/**
 * Value → JSON-safe tree with `__type__` markers (the seed's markers plus ours). The tree is what
 * `JSON.stringify` writes; `toJSONSafe` is public for web responses.
 *
 * Markers written (see README "Typed JSON"):
 *   numpy_array / torch_tensor  {dtype, shape, data: nested lists}  or  {dtype, shape, encoding:'base64', data}
 *   datetime {iso} · complex {real, imag} · bigint {value} · float {repr: nan|inf|-inf|-0} · decimal {value}
 *   map {entries: [[k, v]…]} · set {items} · bytes {b64} · undefined {} · custom {name, value}
 *   object {data} — user data that itself has a `__type__` key (escaped so it is never taken for a marker)
 */
import { Complex } from 'complex.js';
import { StorageError, UnsupportedValueError, at, rawStep, renderPath, type ValuePath } from '../errors.js';
import {
  NDArray, bfloat16BitsToNumber, float16BitsToNumber, isTypedArray,
  type TypedArray,
} from '../ndarray.js';
import type { CustomCodec } from '../registry.js';
import { formatIsoDateTime } from './datetime.js';
import { torchName } from './dtype-names.js';

export type JSONValue = null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

export interface TypedJSONEncodeOptions {
  codecs?: readonly CustomCodec[];
  /** Arrays with at most this many elements become nested lists (default 8); larger ones base64. */
  listMaxElements?: number;
  maxDepth?: number;
  /**
   * Lets a container format take an array's bytes out of the JSON: return a reference number to write
   * `{encoding: 'ref', ref}` in its place, or undefined to keep it inline.
   */
  externalize?: (arr: NDArray) => number | undefined;
  /**
   * Lets the JSON writer splice a large base64 payload in after JSON.stringify (which would otherwise scan and
   * copy it character by character): return a placeholder string to store in its place.
   */
  deferPayload?: (base64: string) => string;
}

export const DEFAULT_LIST_MAX_ELEMENTS = 8;
export const DEFAULT_MAX_DEPTH = 1000;

/** complex.js values (what mathjs's `complex()` returns) and anything mathjs marks `isComplex`. */
export function isComplexLike(v: object): v is { re: number; im: number } {
  return v instanceof Complex || (v as { isComplex?: unknown }).isComplex === true;
}

export function isDecimalLike(v: object): boolean {
  if ((v as { isBigNumber?: unknown }).isBigNumber === true) return true;
  const ctor = v.constructor as unknown as { isDecimal?: (x: unknown) => boolean } | undefined;
  return typeof ctor?.isDecimal === 'function' && ctor.isDecimal(v);
}

export function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function floatMarker(n: number): JSONValue {
  const repr = Number.isNaN(n) ? 'nan' : n === Infinity ? 'inf' : n === -Infinity ? '-inf' : '-0';
  return { __type__: 'float', repr };
}

export function encodeNumber(n: number): JSONValue {
  return Number.isFinite(n) && !Object.is(n, -0) ? n : floatMarker(n);
}

function describe(value: unknown): string {
  if (typeof value === 'function') return `function ${(value as { name?: string }).name || '(anonymous)'}`;
  if (typeof value === 'symbol') return value.toString();
  if (value !== null && typeof value === 'object') return `instance of ${(value as object).constructor?.name ?? 'unknown class'}`;
  return typeof value;
}

function nestedList(flat: ArrayLike<unknown>, shape: readonly number[], map: (x: never) => JSONValue): JSONValue {
  if (shape.length === 0) return map(flat[0] as never);
  let pos = 0;
  const build = (dim: number): JSONValue[] => {
    const n = shape[dim]!;
    const out: JSONValue[] = new Array(n);
    if (dim === shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = map(flat[pos++] as never);
    } else {
      for (let i = 0; i < n; i++) out[i] = build(dim + 1);
    }
    return out;
  };
  return build(0);
}

export function listable(arr: NDArray, limit: number): boolean {
  if (arr.dtype === 'str') return true;
  if (arr.size > limit || arr.dtype === 'complex64' || arr.dtype === 'complex128') return false;
  const d = arr.data;
  switch (arr.dtype) {
    case 'float32':
    case 'float64':
      for (let i = 0; i < d.length; i++) {
        const x = d[i] as number;
        if (!Number.isFinite(x) || (x === 0 && 1 / x < 0)) return false;
      }
      return true;
    case 'float16':
    case 'bfloat16':
      for (let i = 0; i < d.length; i++) {
        const bits = d[i] as number;
        if (bits === 0x8000 || (bits & (arr.dtype === 'float16' ? 0x7c00 : 0x7f80)) === (arr.dtype === 'float16' ? 0x7c00 : 0x7f80)) return false;
      }
      return true;
    case 'int64':
    case 'uint64':
      for (let i = 0; i < d.length; i++) {
        const x = d[i] as bigint;
        if (x > BigInt(Number.MAX_SAFE_INTEGER) || x < -BigInt(Number.MAX_SAFE_INTEGER)) return false;
      }
      return true;
    default:
      return true;
  }
}

export function encodeNDArray(arr: NDArray, listMaxElements: number, externalize?: (arr: NDArray) => number | undefined, deferPayload?: (base64: string) => string): JSONValue {
  const marker = arr.tensor ? 'torch_tensor' : 'numpy_array';
  const dtype = arr.tensor ? torchName(arr.dtype) : arr.dtype;
  const shape = [...arr.shape];
  const ref = arr.dtype === 'str' ? undefined : externalize?.(arr);
  if (ref !== undefined) return { __type__: marker, dtype, shape, encoding: 'ref', ref };
  if (listable(arr, listMaxElements)) {
    let map: (x: never) => JSONValue;
    switch (arr.dtype) {
      case 'bool': map = (x: number) => x !== 0; break;
      case 'int64': case 'uint64': map = (x: bigint) => Number(x); break;
      case 'float16': map = (x: number) => float16BitsToNumber(x); break;
      case 'bfloat16': map = (x: number) => bfloat16BitsToNumber(x); break;
      default: map = (x: number | string) => x;
    }
    return { __type__: marker, dtype, shape, data: nestedList(arr.data, arr.shape, map) };
  }
  const bytes = arr.bytes();
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return { __type__: marker, dtype, shape, encoding: 'base64', data: deferPayload === undefined ? base64 : deferPayload(base64) };
}

/** Encode any supported value into a JSON-safe tree with type markers. */
export function toJSONSafe(value: unknown, options: TypedJSONEncodeOptions = {}): JSONValue {
  const codecs = options.codecs ?? [];
  const listMax = options.listMaxElements ?? DEFAULT_LIST_MAX_ELEMENTS;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const ancestors = new Set<object>();

  const enter = (v: object, path: ValuePath, depth: number) => {
    if (ancestors.has(v)) throw new UnsupportedValueError('cyclic reference', { path: renderPath(path), expected: 'a tree (cycles cannot be stored)' });
    if (depth > maxDepth) throw new UnsupportedValueError('nesting too deep', { path: renderPath(path), expected: `at most ${maxDepth} levels` });
    ancestors.add(v);
  };

  const walk = (v: unknown, path: ValuePath, depth: number): JSONValue => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        return encodeNumber(v);
      case 'bigint':
        return { __type__: 'bigint', value: v.toString() };
      case 'undefined':
        return { __type__: 'undefined' };
      case 'function':
      case 'symbol':
        throw new UnsupportedValueError(`cannot store a ${describe(v)}`, { path: renderPath(path) });
    }
    if (v === null) return null;
    const obj = v as object;
    for (const codec of codecs) {
      if (codec.isApplicable(obj)) {
        enter(obj, path, depth);
        try {
          return { __type__: 'custom', name: codec.name, value: walk(codec.serialize(obj), at(path, 'value'), depth + 1) };
        } finally {
          ancestors.delete(obj);
        }
      }
    }
    if (Array.isArray(obj)) {
      enter(obj, path, depth);
      const out: JSONValue[] = new Array(obj.length);
      for (let i = 0; i < obj.length; i++) {
        const item = obj[i];
        out[i] = typeof item === 'string' || typeof item === 'boolean' ? item : walk(item, at(path, i), depth + 1);
      }
      ancestors.delete(obj);
      return out;
    }
    if (isPlainObject(obj)) {
      enter(obj, path, depth);
      const out: { [key: string]: JSONValue } = {};
      for (const key of Object.keys(obj)) {
        const raw = obj[key];
        // Strings and booleans need no work and no path (the hot case in record sets).
        const encoded = typeof raw === 'string' || typeof raw === 'boolean' ? raw : walk(raw, at(path, key), depth + 1);
        if (key === '__proto__') Object.defineProperty(out, key, { value: encoded, enumerable: true, writable: true, configurable: true });
        else out[key] = encoded;
      }
      ancestors.delete(obj);
      return Object.prototype.hasOwnProperty.call(obj, '__type__') ? { __type__: 'object', data: out } : out;
    }
    if (obj instanceof NDArray) return encodeNDArray(obj, listMax, options.externalize, options.deferPayload);
    if (obj instanceof Date) {
      return { __type__: 'datetime', iso: Number.isNaN(obj.getTime()) ? null : formatIsoDateTime(obj) };
    }
    if (obj instanceof Uint8Array) return { __type__: 'bytes', b64: Buffer.from(obj.buffer, obj.byteOffset, obj.byteLength).toString('base64') };
    if (obj instanceof ArrayBuffer) return { __type__: 'bytes', b64: Buffer.from(obj).toString('base64') };
    if (isTypedArray(obj)) return encodeNDArray(NDArray.from(obj as TypedArray), listMax, options.externalize, options.deferPayload);
    if (obj instanceof Map) {
      enter(obj, path, depth);
      const entries: JSONValue[] = [];
      let i = 0;
      for (const [k, val] of obj) {
        const here = at(path, rawStep(`.get(${i++})`));
        entries.push([walk(k, here, depth + 1), walk(val, here, depth + 1)]);
      }
      ancestors.delete(obj);
      return { __type__: 'map', entries };
    }
    if (obj instanceof Set) {
      enter(obj, path, depth);
      const items: JSONValue[] = [];
      let i = 0;
      for (const item of obj) items.push(walk(item, at(path, rawStep(`.values()[${i++}]`)), depth + 1));
      ancestors.delete(obj);
      return { __type__: 'set', items };
    }
    if (isComplexLike(obj)) return { __type__: 'complex', real: encodeNumber(obj.re), imag: encodeNumber(obj.im) };
    if (isDecimalLike(obj)) return { __type__: 'decimal', value: String(obj) };
    if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) return walk((obj as { valueOf(): unknown }).valueOf(), path, depth);
    throw new UnsupportedValueError(`cannot store an ${describe(obj)} (register a custom codec for it)`, { path: renderPath(path) });
  };

  try {
    return walk(value, '$', 0);
  } catch (error) {
    if (error instanceof StorageError) throw error;
    if (error instanceof RangeError) throw new UnsupportedValueError('value too deeply nested to encode', { path: '$', cause: error });
    throw new UnsupportedValueError(`a codec failed: ${(error as Error).message}`, { path: '$', cause: error });
  }
}
