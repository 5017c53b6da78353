/**
 * JSON tree with `__type__` markers → values. Reads the seed's markers and ours. Unknown `__type__` values stay
 * data (never dropped); a known marker that is malformed is a CorruptDataError naming its path.
 */
import { Complex } from 'complex.js';
import { Decimal } from 'decimal.js';
import { CorruptDataError, LimitExceededError, StorageError, UnsafeContentError, at, rawStep, renderPath, type ValuePath } from '../errors.js';
import { checkLimit } from '../limits.js';
import {
  NDArray, allocate, numberToBfloat16Bits, numberToFloat16Bits, sizeOf, itemsize,
  type DType, type NDArrayData, type NumericDType, type TypedArray,
} from '../ndarray.js';
import type { CustomCodec } from '../registry.js';
import { base64IntoView } from './_base64.js';
import { parseIsoDateTime } from './datetime.js';
import { dtypeFromNumpyName, dtypeFromTorchName } from './dtype-names.js';
import type { ReaderHooks } from './typed-json-read.js';

const DEFAULT_MAX_DEPTH = 1000;
const DEFAULT_MAX_ELEMENTS = 2 ** 31;

export interface TypedJSONDecodeOptions {
  codecs?: readonly CustomCodec[];
  maxDepth?: number;
  maxElements?: number;
  allowedCustomTypes?: readonly string[] | '*';
  /**
   * The tree came from JSON.parse, which rounds integers beyond 2^53: throw `UNSAFE_INTEGER_SEEN` on meeting one so
   * the caller can re-parse the text exactly.
   */
  rejectUnsafeIntegers?: boolean;
  /** Reuse the tree's own objects and arrays (only for trees the caller owns, e.g. fresh from JSON.parse). */
  inPlace?: boolean;
  /** Resolves `{encoding: 'ref', ref}` arrays written with an `externalize` hook (container formats). */
  resolveRef?: (ref: number, dtype: NumericDType, count: number) => NDArrayData;
}

type Tree = unknown;

/** Thrown (not a StorageError: it never leaves the json format) when `rejectUnsafeIntegers` meets a rounded integer. */
export const UNSAFE_INTEGER_SEEN = new Error('an integer beyond 2^53 was read through JSON.parse');
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Thrown by the path-free decoder where the path-keeping one would throw a located error. */
const GAVE_UP = new Error('typed JSON: decode again with paths');
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function corrupt(message: string, path: ValuePath, expected?: string, received?: unknown): CorruptDataError {
  const ctx: { path: string; expected?: string; received?: string } = { path: renderPath(path) };
  if (expected !== undefined) ctx.expected = expected;
  if (received !== undefined) ctx.received = typeof received === 'string' ? received : safeStringify(received);
  return new CorruptDataError(message, ctx);
}

function safeStringify(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
    return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(v);
  }
}

function decodeFloat(v: Tree, path: ValuePath): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v !== null && typeof v === 'object' && (v as { __type__?: unknown }).__type__ === 'float') return floatFromRepr((v as { repr?: unknown }).repr, path);
  throw corrupt('expected a number', path, 'a number', v);
}

function floatFromRepr(repr: unknown, path: ValuePath): number {
  switch (repr) {
    case 'nan': return NaN;
    case 'inf': return Infinity;
    case '-inf': return -Infinity;
    case '-0': return -0;
  }
  if (typeof repr === 'string' && repr.trim() !== '' && !Number.isNaN(Number(repr))) return Number(repr);
  throw corrupt('malformed float marker', path, "repr of 'nan', 'inf', '-inf', '-0' or a number", repr);
}

function arrayDType(marker: string, raw: unknown, path: ValuePath): DType {
  if (typeof raw !== 'string') throw corrupt(`${marker} without a dtype`, at(path, 'dtype'), 'a dtype string', raw);
  const dtype = marker === 'torch_tensor' ? dtypeFromTorchName(raw) ?? dtypeFromNumpyName(raw) : dtypeFromNumpyName(raw);
  if (dtype === undefined) throw corrupt(`unsupported dtype ${JSON.stringify(raw)}`, at(path, 'dtype'), 'a numeric, bool or str dtype');
  return dtype;
}

function inferShape(data: unknown): number[] {
  const shape: number[] = [];
  let cur = data;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

/** Above this many elements, the list's nesting is checked against the shape before the array is allocated. */
const PRECHECK_ELEMENTS = 4096;

/** Does the nested list hold exactly `shape` (lengths only)? A declared shape must not allocate more than the text holds. */
function listMatchesShape(node: unknown, shape: readonly number[], dim: number): boolean {
  if (!Array.isArray(node) || node.length !== shape[dim]) return false;
  if (dim === shape.length - 1) return true;
  for (const child of node) if (!listMatchesShape(child, shape, dim + 1)) return false;
  return true;
}

function fillFromList(dtype: DType, shape: readonly number[], data: unknown, path: ValuePath, rejectUnsafe = false): NDArray {
  const n = sizeOf(shape);
  if (n > PRECHECK_ELEMENTS && !listMatchesShape(data, shape, 0)) {
    throw corrupt(`array data does not match shape [${shape.join(', ')}]`, at(path, 'data'), `nested lists of shape [${shape.join(', ')}]`, Array.isArray(data) ? `a list of ${data.length}` : data);
  }
  const out = allocate(dtype, n);
  let pos = 0;
  const put = (x: unknown, parent: ValuePath, index: number) => {
    const where = (): ValuePath => at(parent, index);
    switch (dtype) {
      case 'str':
        if (typeof x !== 'string') throw corrupt('expected a string element', where(), 'string', x);
        (out as string[])[pos++] = x;
        return;
      case 'bool':
        if (typeof x !== 'boolean' && x !== 0 && x !== 1) throw corrupt('expected a boolean element', where(), 'true/false', x);
        (out as Uint8Array)[pos++] = x ? 1 : 0;
        return;
      case 'int64':
      case 'uint64': {
        let b: bigint;
        if (typeof x === 'bigint') b = x;
        else if (typeof x === 'number' && Number.isInteger(x)) {
          if (rejectUnsafe && (x > MAX_SAFE || x < -MAX_SAFE)) throw UNSAFE_INTEGER_SEEN;
          b = BigInt(x);
        }
        else throw corrupt(`expected an integer element for ${dtype}`, where(), 'integer', x);
        const ok = dtype === 'int64' ? b >= -(2n ** 63n) && b < 2n ** 63n : b >= 0n && b < 2n ** 64n;
        if (!ok) throw corrupt(`integer out of ${dtype} range`, where(), dtype, x);
        (out as BigInt64Array | BigUint64Array)[pos++] = b as never;
        return;
      }
      case 'float16':
        (out as Uint16Array)[pos++] = numberToFloat16Bits(decodeFloat(x, where()));
        return;
      case 'bfloat16':
        (out as Uint16Array)[pos++] = numberToBfloat16Bits(decodeFloat(x, where()));
        return;
      case 'float32':
      case 'float64':
        (out as Float64Array)[pos++] = decodeFloat(x, where());
        return;
      case 'complex64':
      case 'complex128': {
        if (Array.isArray(x) && x.length === 2) {
          (out as Float64Array)[2 * pos] = decodeFloat(x[0], where());
          (out as Float64Array)[2 * pos + 1] = decodeFloat(x[1], where());
        } else if (x !== null && typeof x === 'object' && (x as { __type__?: unknown }).__type__ === 'complex') {
          (out as Float64Array)[2 * pos] = decodeFloat((x as { real?: unknown }).real, where());
          (out as Float64Array)[2 * pos + 1] = decodeFloat((x as { imag?: unknown }).imag, where());
        } else throw corrupt('expected a complex element', where(), '[re, im] or a complex marker', x);
        pos++;
        return;
      }
      default: {
        const limits: Record<string, [number, number]> = {
          int8: [-128, 127], int16: [-32768, 32767], int32: [-(2 ** 31), 2 ** 31 - 1],
          uint8: [0, 255], uint16: [0, 65535], uint32: [0, 2 ** 32 - 1],
        };
        const v = typeof x === 'bigint' ? Number(x) : typeof x === 'boolean' ? Number(x) : x;
        const [lo, hi] = limits[dtype]!;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw corrupt(`expected an integer element in ${dtype} range`, where(), `integer in [${lo}, ${hi}]`, x);
        (out as Int32Array)[pos++] = v;
      }
    }
  };
  if (shape.length === 0) {
    put(Array.isArray(data) && data.length === 1 ? data[0] : data, path, 0);
  } else {
    const walk = (node: unknown, dim: number, where: ValuePath) => {
      if (!Array.isArray(node) || node.length !== shape[dim]) {
        throw corrupt(`array data does not match shape [${shape.join(', ')}] at dimension ${dim}`, where, `a list of ${shape[dim]}`, Array.isArray(node) ? `a list of ${node.length}` : node);
      }
      if (dim === shape.length - 1) for (let i = 0; i < node.length; i++) put(node[i], where, i);
      else for (let i = 0; i < node.length; i++) walk(node[i], dim + 1, at(where, i));
    };
    walk(data, 0, at(path, 'data'));
  }
  return new NDArray(dtype, shape, out);
}

function fromBase64(dtype: NumericDType, shape: readonly number[], b64: unknown, path: ValuePath): NDArray {
  const count = sizeOf(shape);
  const byteLength = count * itemsize(dtype);
  if (typeof b64 !== 'string') throw corrupt('base64 array data must be a string', at(path, 'data'), 'a base64 string', b64);
  const expectedChars = 4 * Math.ceil(byteLength / 3);
  // Decoded straight into the typed array's own ArrayBuffer: aligned, exactly its size, shared with nothing.
  const data = allocate(dtype, count) as TypedArray;
  const written = b64.length === expectedChars ? base64IntoView(b64, data) : -1;
  if (written !== byteLength) {
    throw corrupt('base64 array payload has the wrong length or invalid characters', at(path, 'data'), `${byteLength} bytes (${expectedChars} base64 characters) for ${dtype} [${shape.join(', ')}]`, `${b64.length} characters`);
  }
  return new NDArray(dtype, shape, data);
}

function isShape(raw: unknown): raw is number[] {
  if (!Array.isArray(raw)) return false;
  for (let i = 0; i < raw.length; i++) {
    const d = raw[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) return false;
  }
  return true;
}

export function fromJSONSafe(tree: unknown, options: TypedJSONDecodeOptions = {}): unknown {
  return createTreeDecoder(options).decode(tree);
}

/**
 * Decode a tree fresh from JSON.parse in place, without building paths: it throws (anything) wherever
 * `fromJSONSafe` would throw, and also on an integer beyond 2^53 (JSON.parse rounded it). The caller then decodes the
 * text again the exact way, which throws the same error with its path (or reads the big integer exactly).
 */
export function fromParsedJSONFast(tree: unknown, options: PathFreeOptions): unknown {
  return pathFree(options).decoder.decodeWithoutPaths(tree);
}

/** What the one-pass reader (typed-json-read.ts) needs: the path-free walk for marker objects, and the limits. */
export function pathFreeReaderHooks(options: PathFreeOptions): ReaderHooks {
  return pathFree(options).hooks;
}

type PathFreeOptions = Omit<TypedJSONDecodeOptions, 'inPlace' | 'rejectUnsafeIntegers'>;

/**
 * The last path-free decoder made, reused while its options are the same values (the registry's codec list and
 * the policy's limits normally are). Decoders hold no state of their own between calls. A decoder made per call
 * left its callers' compiled code pointing at dead closures, and every major GC deoptimised that code ("weak
 * objects"): a 5,000-record document in Python's spacing decoded in ~60 ms right after a GC instead of ~35 ms.
 */
let lastPathFree: { options: PathFreeOptions; decoder: TreeDecoder; hooks: ReaderHooks } | undefined;

function pathFree(options: PathFreeOptions): { decoder: TreeDecoder; hooks: ReaderHooks } {
  const last = lastPathFree;
  if (
    last !== undefined && last.options.codecs === options.codecs && last.options.maxDepth === options.maxDepth &&
    last.options.maxElements === options.maxElements && last.options.allowedCustomTypes === options.allowedCustomTypes &&
    last.options.resolveRef === options.resolveRef
  ) return last;
  const decoder = createTreeDecoder({ ...options, inPlace: true, rejectUnsafeIntegers: true });
  const hooks = { walk: decoder.walkWithoutPaths, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, maxElements: options.maxElements ?? DEFAULT_MAX_ELEMENTS };
  lastPathFree = { options: { ...options }, decoder, hooks };
  return lastPathFree;
}

interface TreeDecoder {
  decode(tree: unknown): unknown;
  decodeWithoutPaths(tree: unknown): unknown;
  walkWithoutPaths(node: object, depth: number): unknown;
}

function createTreeDecoder(options: TypedJSONDecodeOptions): TreeDecoder {
  const codecs = options.codecs ?? [];
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  const allowed = options.allowedCustomTypes ?? '*';
  const inPlace = options.inPlace === true;
  const rejectUnsafe = options.rejectUnsafeIntegers === true;
  const checkNumber = (x: unknown) => {
    if (rejectUnsafe && typeof x === 'number' && (x > MAX_SAFE || x < -MAX_SAFE)) throw UNSAFE_INTEGER_SEEN;
  };

  const decodeArray = (node: Record<string, unknown>, marker: 'numpy_array' | 'torch_tensor', path: ValuePath): NDArray => {
    const dtype = arrayDType(marker, node.dtype, path);
    let shape: number[];
    if (node.shape === undefined) shape = inferShape(node.data);
    else if (isShape(node.shape)) shape = node.shape;
    else throw corrupt('malformed shape', at(path, 'shape'), 'a list of non-negative integers', node.shape);
    const count = sizeOf(shape);
    if (count > maxElements) checkLimit('array element count', count, maxElements, 'maxElements', { path: renderPath(path) });
    let arr: NDArray;
    if (node.encoding === 'base64') {
      if (dtype === 'str') throw corrupt('str arrays cannot be base64-encoded', path);
      if (node.byteorder !== undefined && node.byteorder !== '<') throw corrupt('unsupported byte order', at(path, 'byteorder'), "'<'", node.byteorder);
      arr = fromBase64(dtype, shape, node.data, path);
    } else if (node.encoding === 'ref' && options.resolveRef !== undefined) {
      if (dtype === 'str') throw corrupt('str arrays cannot be stored by reference', path);
      if (typeof node.ref !== 'number' || !Number.isSafeInteger(node.ref)) throw corrupt('malformed array reference', at(path, 'ref'), 'an integer', node.ref);
      arr = new NDArray(dtype, shape, options.resolveRef(node.ref, dtype, count));
    } else if (node.encoding === undefined) {
      arr = fillFromList(dtype, shape, node.data, path, rejectUnsafe);
    } else throw corrupt('unknown array encoding', at(path, 'encoding'), "'base64' or none", node.encoding);
    return marker === 'torch_tensor' ? new NDArray(arr.dtype, arr.shape, arr.data, { tensor: true }) : arr;
  };

  const walk = (node: unknown, path: ValuePath, depth: number): unknown => {
    if (node === null || typeof node !== 'object') return node;
    if (depth > maxDepth) throw new LimitExceededError('nesting too deep', { path: renderPath(path), expected: `at most ${maxDepth} levels (LoadPolicy.maxDepth)` });
    if (Array.isArray(node)) {
      const out = inPlace ? node : new Array(node.length);
      for (let i = 0; i < node.length; i++) {
        const item = node[i];
        if (item !== null && typeof item === 'object') out[i] = walk(item, at(path, i), depth + 1);
        else {
          checkNumber(item);
          out[i] = item;
        }
      }
      return out;
    }
    const obj = node as Record<string, unknown>;
    if (own(obj, '__type__') && typeof obj.__type__ === 'string') {
      const marker = decodeMarker(obj, obj.__type__, path, depth);
      if (marker !== NOT_A_MARKER) return marker;
    }
    return plainObject(obj, path, depth);
  };

  const plainObject = (obj: Record<string, unknown>, path: ValuePath, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = inPlace ? obj : {};
    for (const key of Object.keys(obj)) {
      const raw = obj[key];
      if (raw === null || typeof raw !== 'object') checkNumber(raw);
      const value = raw !== null && typeof raw === 'object' ? walk(raw, at(path, key), depth + 1) : raw;
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
    }
    return out;
  };

  const decodeMarker = (obj: Record<string, unknown>, type: string, path: ValuePath, depth: number): unknown => {
    switch (type) {
      case 'numpy_array':
      case 'torch_tensor':
        return decodeArray(obj, type, path);
      case 'datetime':
        if (obj.iso === null) return new Date(NaN);
        if (typeof obj.iso !== 'string') throw corrupt('datetime without an iso string', at(path, 'iso'), 'an ISO string', obj.iso);
        try {
          return parseIsoDateTime(obj.iso);
        } catch (error) {
          throw error instanceof StorageError ? error.locate({ path: renderPath(at(path, 'iso')) }) : error;
        }
      case 'complex':
        return new Complex(decodeFloat(obj.real, at(path, 'real')), decodeFloat(obj.imag, at(path, 'imag')));
      case 'bigint':
        if (typeof obj.value !== 'string' || !/^-?\d+$/.test(obj.value)) throw corrupt('malformed bigint', at(path, 'value'), 'a decimal integer string', obj.value);
        return BigInt(obj.value);
      case 'float':
        return floatFromRepr(obj.repr, at(path, 'repr'));
      case 'decimal':
        if (typeof obj.value !== 'string') throw corrupt('malformed decimal', at(path, 'value'), 'a decimal string', obj.value);
        try {
          return new Decimal(obj.value);
        } catch (cause) {
          throw new CorruptDataError('malformed decimal', { path: renderPath(at(path, 'value')), received: JSON.stringify(obj.value), cause });
        }
      case 'undefined':
        return undefined;
      case 'bytes': {
        if (typeof obj.b64 !== 'string') throw corrupt('bytes without a b64 string', at(path, 'b64'), 'a base64 string', obj.b64);
        const buf = Buffer.from(obj.b64, 'base64');
        if (buf.byteLength !== Math.floor((obj.b64.replace(/=+$/, '').length * 3) / 4)) throw corrupt('invalid base64 in bytes', at(path, 'b64'));
        return new Uint8Array(buf);
      }
      case 'map': {
        if (!Array.isArray(obj.entries)) throw corrupt('map without entries', at(path, 'entries'), 'a list of [key, value] pairs', obj.entries);
        const map = new Map();
        obj.entries.forEach((pair, i) => {
          const here = at(path, rawStep(`.get(${i})`));
          if (!Array.isArray(pair) || pair.length !== 2) throw corrupt('malformed map entry', here, '[key, value]', pair);
          map.set(walk(pair[0], here, depth + 1), walk(pair[1], here, depth + 1));
        });
        return map;
      }
      case 'set': {
        if (!Array.isArray(obj.items)) throw corrupt('set without items', at(path, 'items'), 'a list', obj.items);
        return new Set(obj.items.map((item, i) => walk(item, at(path, rawStep(`.values()[${i}]`)), depth + 1)));
      }
      case 'object':
        if (obj.data === null || typeof obj.data !== 'object' || Array.isArray(obj.data)) throw corrupt('escaped object without data', at(path, 'data'), 'an object', obj.data);
        return plainObject(obj.data as Record<string, unknown>, at(path, 'data'), depth + 1);
      case 'custom': {
        const name = obj.name;
        if (typeof name !== 'string') throw corrupt('custom value without a name', at(path, 'name'), 'a codec name', name);
        const codec = codecs.find((c) => c.name === name);
        if (codec === undefined) return NOT_A_MARKER; // keep it as data: never drop what we cannot rebuild
        if (allowed !== '*' && !allowed.includes(name)) throw new UnsafeContentError(`custom type ${JSON.stringify(name)} is not allowed by the load policy`, { path: renderPath(path), expected: 'a name in LoadPolicy.allowedCustomTypes' });
        try {
          return codec.deserialize(walk(obj.value, at(path, 'value'), depth + 1));
        } catch (cause) {
          if (cause instanceof StorageError || cause === UNSAFE_INTEGER_SEEN) throw cause;
          throw new CorruptDataError(`custom codec ${JSON.stringify(name)} failed: ${(cause as Error).message}`, { path: renderPath(path), cause });
        }
      }
      default:
        return NOT_A_MARKER;
    }
  };

  // Same decisions as walk/plainObject, with '$' for every path (paths only matter in errors; see fromParsedJSONFast).
  const walkFast = (node: object, depth: number): unknown => {
    if (depth > maxDepth) throw GAVE_UP;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (typeof item === 'object') {
          if (item !== null) node[i] = walkFast(item, depth + 1);
        } else if (typeof item === 'number' && (item > MAX_SAFE || item < -MAX_SAFE)) throw UNSAFE_INTEGER_SEEN;
      }
      return node;
    }
    const obj = node as Record<string, unknown>;
    if (own(obj, '__type__') && typeof obj.__type__ === 'string') {
      const marker = decodeMarker(obj, obj.__type__, '$', depth);
      if (marker !== NOT_A_MARKER) return marker;
    }
    const keys = Object.keys(obj);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const raw = obj[key];
      if (typeof raw === 'object') {
        if (raw === null) continue;
        const value = walkFast(raw, depth + 1);
        if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        else obj[key] = value;
      } else if (typeof raw === 'number' && (raw > MAX_SAFE || raw < -MAX_SAFE)) throw UNSAFE_INTEGER_SEEN;
    }
    return obj;
  };

  return {
    decode(tree) {
      checkNumber(tree);
      return walk(tree, '$', 0);
    },
    decodeWithoutPaths(tree) {
      if (typeof tree !== 'object') {
        checkNumber(tree);
        return tree;
      }
      return tree === null ? null : walkFast(tree, 0);
    },
    walkWithoutPaths: walkFast,
  };
}

const NOT_A_MARKER = Symbol('not a marker');
