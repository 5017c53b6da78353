/**
 * HDF5 file → values. Groups become objects (their attributes and children as keys), datasets NDArrays, and our
 * `_omega_*` markers restore what HDF5 has no type for. Foreign files (h5py) load the same way.
 */
import { Complex } from 'complex.js';
import { CorruptDataError, FormatUnavailableError, LimitExceededError, StorageError } from '../../errors.js';
import { checkLimit, type LoadPolicy } from '../../limits.js';
import {
  NDArray, allocate, bfloat16BitsToNumber, float16BitsToNumber, sizeOf, type NumericDType, type TypedArray,
} from '../../ndarray.js';
import type { CustomCodec } from '../../registry.js';
import { parseIsoDateTime } from '../../values/datetime.js';
import { fromJSONSafe } from '../../values/typed-json-decode.js';
import { h5call, type H5, type H5Module } from './_h5wasm.js';
import {
  ATTR_CONTAINER, ATTR_DTYPE, ATTR_ESCAPED, ATTR_KINDS, ATTR_ORDER, ATTR_TENSOR, ATTR_VALUE, RESERVED_PREFIX,
  WRAPPED_NAME, childPath, unescapeName, type AttrKind,
} from './layout.js';
import { readRaw } from './raw-io.js';
import { storedType, type Metadata, type StoredType } from './types.js';

export interface ReadContext {
  h5: H5;
  module: H5Module;
  fileId: bigint;
  policy: LoadPolicy;
  codecs: readonly CustomCodec[];
  sliceBytes: number;
  /**
   * Set in the decode worker: typed-JSON texts are handed back undecoded (custom codecs are functions, which
   * cannot cross to a worker), and the main thread decodes them with `decodeJSONText`.
   */
  deferJSON?: (text: string, path: string) => unknown;
}

/** Filters the wasm build of HDF5 decodes: deflate, shuffle, fletcher32, szip, nbit, scaleoffset. */
const BUILTIN_FILTERS = new Set([1, 2, 3, 4, 5, 6]);
const KNOWN_PLUGINS: Record<number, string> = { 32000: 'lzf', 32001: 'blosc', 32004: 'lz4', 32008: 'bitshuffle', 32015: 'zstd' };

const corrupt = (message: string, path: string, extra: { expected?: string; received?: string } = {}) =>
  new CorruptDataError(message, { format: 'hdf5', path, ...extra });

// --- attributes -------------------------------------------------------------------------------------------

export function attributeNames(rc: ReadContext, objPath: string): string[] {
  return h5call('listing attributes', { path: objPath }, () => rc.module.get_attribute_names(rc.fileId, objPath));
}

function readAttributeBytes(rc: ReadContext, objPath: string, name: string, nbytes: number): Uint8Array {
  const ptr = rc.module._malloc(Math.max(1, nbytes));
  try {
    h5call(`reading attribute ${name}`, { path: objPath }, () => rc.module.get_attribute_data(rc.fileId, objPath, name, BigInt(ptr)));
    return rc.module.HEAPU8.slice(ptr, ptr + nbytes);
  } finally {
    rc.module._free(ptr);
  }
}

/** An attribute as a value: scalars → number/bigint/boolean/string/Complex, arrays → NDArray. */
export function readAttribute(rc: ReadContext, objPath: string, name: string): unknown {
  const where = `${objPath}@${name}`;
  const meta = h5call(`reading attribute ${name}`, { path: objPath }, () => rc.module.get_attribute_metadata(rc.fileId, objPath, name)) as Metadata;
  if (meta.shape === null) return null; // HDF5 null dataspace (h5py.Empty)
  const shape = meta.shape;
  const type = storedType(meta, undefined, where);
  checkLimit('attribute element count', sizeOf(shape), rc.policy.maxElements, 'maxElements', { format: 'hdf5', path: where });
  if (type.kind === 'vlen-str') {
    const value = h5call(`reading attribute ${name}`, { path: objPath }, () => new rc.h5.Group(rc.fileId, objPath).get_attribute(name, false));
    if (shape.length === 0) return typeof value === 'string' ? value : (value as string[])[0];
    return new NDArray('str', shape, [...(value as string[])]);
  }
  const itemsize = type.kind === 'numeric' ? type.itemsize : type.size;
  const bytes = readAttributeBytes(rc, objPath, name, itemsize * sizeOf(shape));
  if (type.kind === 'fixed-str') return fixedStrings(type, shape, bytes);
  const arr = numericFromBytes(type.dtype, shape, bytes);
  return shape.length === 0 ? scalarOf(arr) : arr;
}

function numericFromBytes(dtype: NumericDType, shape: readonly number[], bytes: Uint8Array): NDArray {
  const data = allocate(dtype, sizeOf(shape)) as TypedArray;
  new Uint8Array(data.buffer, data.byteOffset, data.byteLength).set(bytes.subarray(0, data.byteLength));
  return new NDArray(dtype, shape, data);
}

/** A 0-d numeric array as the JS scalar h5py users would expect. */
function scalarOf(arr: NDArray): unknown {
  const d = arr.data as TypedArray;
  switch (arr.dtype) {
    case 'bool': return d[0] !== 0;
    case 'int64':
    case 'uint64': {
      const v = d[0] as bigint;
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
    }
    case 'float16': return float16BitsToNumber(d[0] as number);
    case 'bfloat16': return bfloat16BitsToNumber(d[0] as number);
    case 'complex64':
    case 'complex128': return new Complex(d[0] as number, d[1] as number);
    default: return d[0] as number;
  }
}

function nest<T>(flat: T[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  let pos = 0;
  const build = (dim: number): unknown[] =>
    Array.from({ length: shape[dim]! }, () => (dim === shape.length - 1 ? flat[pos++] : build(dim + 1)));
  return build(0);
}

/** Fixed-length strings: UTF-8 → str NDArray; ASCII (h5py's numpy `S` bytes) → Uint8Array items, nested by shape. */
function fixedStrings(type: Extract<StoredType, { kind: 'fixed-str' }>, shape: readonly number[], bytes: Uint8Array): unknown {
  const n = sizeOf(shape);
  const items: Uint8Array[] = [];
  const pad = type.spacePadded ? 0x20 : 0;
  for (let i = 0; i < n; i++) {
    let end = (i + 1) * type.size;
    const start = i * type.size;
    if (!type.spacePadded) {
      const nul = bytes.subarray(start, end).indexOf(0);
      if (nul >= 0) end = start + nul;
    } else while (end > start && bytes[end - 1] === pad) end--;
    items.push(bytes.slice(start, end));
  }
  if (type.utf8) {
    const text = items.map((b) => Buffer.from(b).toString('utf8'));
    return new NDArray('str', shape, text);
  }
  return nest(items, shape);
}

// --- datasets ---------------------------------------------------------------------------------------------

export interface DatasetInfo {
  path: string;
  meta: Metadata;
  /** null for an HDF5 null dataspace. */
  shape: number[] | null;
  type: StoredType;
  markers: { dtype?: string; tensor: boolean; value?: string };
}

function readMarker(rc: ReadContext, path: string, names: string[], name: string): unknown {
  return names.includes(name) ? readAttribute(rc, path, name) : undefined;
}

export function datasetInfo(rc: ReadContext, path: string): DatasetInfo {
  const meta = h5call('reading dataset metadata', { path }, () => rc.module.get_dataset_metadata(rc.fileId, path)) as Metadata;
  const names = attributeNames(rc, path);
  const dtype = readMarker(rc, path, names, ATTR_DTYPE);
  const value = readMarker(rc, path, names, ATTR_VALUE);
  const markers = { tensor: readMarker(rc, path, names, ATTR_TENSOR) === 1, ...(typeof dtype === 'string' ? { dtype } : {}), ...(typeof value === 'string' ? { value } : {}) };
  const filters = h5call('reading dataset filters', { path }, () => rc.module.get_dataset_filters(rc.fileId, path));
  for (const f of filters) {
    if (!BUILTIN_FILTERS.has(f.id)) {
      const name = KNOWN_PLUGINS[f.id] ?? f.name ?? 'unknown';
      throw new FormatUnavailableError(`dataset uses HDF5 filter ${f.id} (${name}), which the wasm HDF5 library cannot decode`, {
        format: 'hdf5', path, expected: 'gzip/deflate, shuffle, fletcher32, szip, nbit or scaleoffset',
        received: `filter ${name}`,
      });
    }
  }
  return { path, meta, shape: meta.shape, type: storedType(meta, markers.dtype, path), markers };
}

/** Read a dataset, or the hyperslab `start`/`count` of it, as a value. */
export function readDataset(rc: ReadContext, info: DatasetInfo, region?: { start: number[]; count: number[] }): unknown {
  const { path, type } = info;
  if (info.shape === null) return null;
  const shape = region?.count ?? info.shape;
  const n = sizeOf(shape);
  checkLimit('dataset element count', n, rc.policy.maxElements, 'maxElements', { format: 'hdf5', path });
  if (type.kind === 'vlen-str') {
    const ds = new rc.h5.Dataset(rc.fileId, path);
    const raw = h5call(`reading ${path}`, { path }, () =>
      info.shape!.length === 0 ? ds.value : ds.slice(shape.map((c, d) => [region?.start[d] ?? 0, (region?.start[d] ?? 0) + c])));
    const list = typeof raw === 'string' ? [raw] : [...(raw as string[])];
    if (list.length !== n) throw corrupt('string dataset returned the wrong number of elements', path, { expected: String(n), received: String(list.length) });
    if (info.shape.length === 0 && info.markers.value === 'string') return list[0];
    if (info.shape.length === 0 && info.markers.value === 'json') return decodeJSONText(rc, list[0]!, path);
    return new NDArray('str', shape, list);
  }
  const itemsize = type.kind === 'numeric' ? type.itemsize : type.size;
  checkLimit('dataset size in bytes', n * itemsize, rc.policy.maxDecompressedBytes, 'maxDecompressedBytes', { format: 'hdf5', path });
  const rawRegion = { datasetShape: info.shape, start: region?.start ?? info.shape.map(() => 0), count: shape };
  if (type.kind === 'fixed-str') {
    const bytes = new Uint8Array(n * itemsize);
    readRaw(rc.module, rc.fileId, path, rawRegion, itemsize, rc.sliceBytes, bytes);
    return fixedStrings(type, shape, bytes);
  }
  const data = allocate(type.dtype, n) as TypedArray;
  readRaw(rc.module, rc.fileId, path, rawRegion, itemsize, rc.sliceBytes, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return new NDArray(type.dtype, shape, data, { tensor: info.markers.tensor });
}

/** A typed-JSON attribute or dataset text → value, with the policy's depth, element and custom-type limits. */
export function decodeJSONText(rc: Pick<ReadContext, 'codecs' | 'policy' | 'deferJSON'>, text: string, path: string): unknown {
  if (rc.deferJSON !== undefined) return rc.deferJSON(text, path);
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch (cause) {
    throw new CorruptDataError('typed-JSON attribute is not valid JSON', { format: 'hdf5', path, cause });
  }
  try {
    return fromJSONSafe(tree, { codecs: rc.codecs, maxDepth: rc.policy.maxDepth, maxElements: rc.policy.maxElements, allowedCustomTypes: rc.policy.allowedCustomTypes });
  } catch (error) {
    if (error instanceof StorageError && error.path !== undefined) {
      const Ctor = error.constructor as new (detail: string, ctx: object) => StorageError;
      throw new Ctor(error.detail, { ...error.context, format: 'hdf5', path: `${path} ${error.path}` });
    }
    throw error;
  }
}

// --- groups -----------------------------------------------------------------------------------------------

function applyKind(rc: ReadContext, kind: AttrKind | undefined, value: unknown, where: string): unknown {
  switch (kind) {
    case undefined: return value;
    case 'bool':
      if (typeof value !== 'number' && typeof value !== 'boolean') throw corrupt('bool attribute is not a number', where);
      return value === true || value === 1;
    case 'bigint':
      if (typeof value !== 'number' && typeof value !== 'bigint') throw corrupt('bigint attribute is not an integer', where);
      return BigInt(value);
    case 'date':
      if (typeof value !== 'string') throw corrupt('date attribute is not a string', where);
      return parseIsoDateTime(value, { path: where });
    case 'json':
      if (typeof value !== 'string') throw corrupt('typed-JSON attribute is not a string', where);
      return decodeJSONText(rc, value, where);
    default:
      throw corrupt(`unknown attribute kind ${JSON.stringify(kind)}`, where, { expected: 'bool, bigint, date or json' });
  }
}

function jsonAttribute<T>(rc: ReadContext, path: string, names: string[], name: string, check: (v: unknown) => v is T): T | undefined {
  const raw = readMarker(rc, path, names, name);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!check(parsed)) throw corrupt(`malformed ${name} attribute`, path, { received: String(raw).slice(0, 60) });
  return parsed;
}

const isKinds = (v: unknown): v is Record<string, AttrKind> => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((k) => typeof k === 'string');
const isNameList = (v: unknown): v is string[] => Array.isArray(v) && v.every((k) => typeof k === 'string');

/** Read a whole group recursively (eager load). */
export function readGroup(rc: ReadContext, groupPath: string, depth = 0): unknown {
  if (depth > rc.policy.maxDepth) throw new LimitExceededError('groups nested too deeply', { format: 'hdf5', path: groupPath, expected: `at most ${rc.policy.maxDepth} levels (LoadPolicy.maxDepth)` });
  const names = attributeNames(rc, groupPath);
  const kinds = jsonAttribute(rc, groupPath, names, ATTR_KINDS, isKinds) ?? {};
  const order = jsonAttribute(rc, groupPath, names, ATTR_ORDER, isNameList);
  const escaped = readMarker(rc, groupPath, names, ATTR_ESCAPED) === 1;
  const container = readMarker(rc, groupPath, names, ATTR_CONTAINER);

  const entries = new Map<string, unknown>();
  for (const name of h5call('listing group', { path: groupPath }, () => rc.module.get_names(rc.fileId, groupPath, false))) {
    const here = childPath(groupPath, name);
    const type = h5call('reading link type', { path: here }, () => rc.module.get_type(rc.fileId, here));
    if (type === rc.module.H5G_GROUP) entries.set(name, readGroup(rc, here, depth + 1));
    else if (type === rc.module.H5G_DATASET) entries.set(name, readDataset(rc, datasetInfo(rc, here)));
    else if (type === rc.module.H5G_TYPE) continue; // a committed datatype holds no data
    else if (type < 0) throw corrupt('the object a link names cannot be read', here, { expected: 'a group, dataset or datatype', received: `HDF5 object type ${type}` });
    else {
      const what = type === rc.module.H5G_UDLINK ? 'an external link' : type === rc.module.H5G_LINK ? 'a dangling soft link' : `an object of link type ${type}`;
      throw new FormatUnavailableError(`${what} cannot be loaded`, { format: 'hdf5', path: here, expected: 'groups and datasets (external links are never followed)' });
    }
  }
  for (const name of names) {
    if (name.startsWith(RESERVED_PREFIX)) continue;
    const where = `${groupPath}@${name}`;
    const value = applyKind(rc, kinds[name], readAttribute(rc, groupPath, name), where);
    entries.set(entries.has(name) ? `@${name}` : name, value);
  }

  if (container === 'value') {
    if (!entries.has(WRAPPED_NAME)) throw corrupt('wrapped root without its value', groupPath, { expected: `an entry named ${WRAPPED_NAME}` });
    return entries.get(WRAPPED_NAME);
  }
  if (container === 'list') {
    const list = new Array<unknown>(entries.size);
    for (const [name, value] of entries) {
      const i = Number(name);
      if (!Number.isInteger(i) || i < 0 || i >= list.length || String(i) !== name) throw corrupt('list group with a non-index entry', groupPath, { received: JSON.stringify(name) });
      list[i] = value;
    }
    return list;
  }
  const keys = order !== undefined && order.length === entries.size && order.every((k) => entries.has(k)) ? order : [...entries.keys()];
  const out: Record<string, unknown> = {};
  for (const name of keys) {
    const key = escaped ? unescapeName(name) : name;
    if (key === '__proto__') Object.defineProperty(out, key, { value: entries.get(name), enumerable: true, writable: true, configurable: true });
    else out[key] = entries.get(name);
  }
  return out;
}
