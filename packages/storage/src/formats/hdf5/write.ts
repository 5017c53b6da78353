/**
 * Value → HDF5 file, in the layout h5py users expect: object → group, NDArray → dataset with its HDF5 type,
 * string/number/boolean → attribute. What HDF5 has no type for goes into a typed-JSON attribute (kind 'json').
 */
import { StorageError, UnsupportedValueError, pathStep } from '../../errors.js';
import type { EncodeContext } from '../../format.js';
import { NDArray, isTypedArray, type NumericDType, type TypedArray } from '../../ndarray.js';
import { censusArrays } from '../../auto.js';
import { formatIsoDateTime } from '../../values/datetime.js';
import { isPlainObject, toJSONSafe } from '../../values/typed-json-encode.js';
import { DEFAULT_SLICE_BYTES, h5call, h5wasm, type H5, type H5Module } from './_h5wasm.js';
import {
  ATTR_CONTAINER, ATTR_DTYPE, ATTR_ESCAPED, ATTR_KINDS, ATTR_ORDER, ATTR_TENSOR, ATTR_VALUE, MAX_ATTRIBUTE_TEXT_BYTES,
  WRAPPED_NAME, childPath, escapeName, groupNeedsEscaping, type AttrKind,
} from './layout.js';
import { createRaw, guessChunks } from './raw-io.js';
import { writeType } from './types.js';

export interface HDF5WriteOptions {
  /** Datasets of at least this many bytes are chunked and gzip-compressed at ctx.compressionLevel (default 64 KiB). */
  hdf5CompressAboveBytes?: number;
  /** Largest buffer passed through the wasm heap in one call (default 256 MiB). */
  hdf5SliceBytes?: number;
}

interface Writer {
  h5: H5;
  module: H5Module;
  fileId: bigint;
  ctx: EncodeContext;
  compressAbove: number;
  sliceBytes: number;
  ancestors: Set<object>;
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

function isWellFormedText(s: string): boolean {
  return !s.includes('\u0000') && (s as string & { isWellFormed(): boolean }).isWellFormed();
}

function numberOption(ctx: EncodeContext, name: keyof HDF5WriteOptions, fallback: number): number {
  const v = ctx.options[name];
  return typeof v === 'number' && v > 0 ? v : fallback;
}

export async function writeHDF5File(value: unknown, file: string, ctx: EncodeContext): Promise<void> {
  const { h5, module } = await h5wasm();
  const handle = h5call('creating the file', { file }, () => new h5.File(file, 'w'));
  try {
    const w: Writer = {
      h5, module, fileId: handle.file_id, ctx,
      compressAbove: numberOption(ctx, 'hdf5CompressAboveBytes', 64 * 1024),
      sliceBytes: numberOption(ctx, 'hdf5SliceBytes', DEFAULT_SLICE_BYTES),
      ancestors: new Set(),
    };
    if (value !== null && typeof value === 'object' && isPlainObject(value) && !codecClaims(w, value)) writeGroupContents(w, '/', value, '$');
    else if (Array.isArray(value) && censusArrays(value).arrays > 0) writeList(w, '/', value, '$');
    else {
      writeGroupContents(w, '/', { [WRAPPED_NAME]: value }, '$', true);
      setAttr(w, '/', ATTR_CONTAINER, 'value');
    }
  } catch (error) {
    throw error instanceof StorageError ? error.locate({ file, format: 'hdf5' }) : error;
  } finally {
    handle.close();
  }
}

function codecClaims(w: Writer, value: object): boolean {
  return w.ctx.registry.codecs().some((c) => c.isApplicable(value));
}

function setAttr(w: Writer, objPath: string, name: string, data: string | TypedArray): void {
  h5call(`writing attribute ${name}`, { path: objPath }, () => {
    const target = new w.h5.Group(w.fileId, objPath);
    if (typeof data === 'string') target.create_attribute(name, data);
    else target.create_attribute(name, data, []);
  });
}

function enter(w: Writer, value: object, path: string): void {
  if (w.ancestors.has(value)) throw new UnsupportedValueError('cyclic reference', { format: 'hdf5', path, expected: 'a tree (cycles cannot be stored)' });
  w.ancestors.add(value);
}

function writeGroupContents(w: Writer, groupPath: string, obj: Record<string, unknown>, path: string, isWrapper = false): void {
  enter(w, obj, path);
  const keys = Object.keys(obj);
  const escaped = groupNeedsEscaping(keys);
  const kinds: Record<string, AttrKind> = {};
  for (const key of keys) {
    const name = escaped ? escapeName(key) : key;
    const kind = writeEntry(w, groupPath, name, obj[key], isWrapper ? path : pathStep(path, key));
    if (kind !== undefined) kinds[name] = kind;
  }
  if (escaped) setAttr(w, groupPath, ATTR_ESCAPED, new Uint8Array([1]));
  if (Object.keys(kinds).length > 0) setAttr(w, groupPath, ATTR_KINDS, JSON.stringify(kinds));
  if (keys.length > 1) setAttr(w, groupPath, ATTR_ORDER, JSON.stringify(keys.map((k) => (escaped ? escapeName(k) : k))));
  w.ancestors.delete(obj);
}

function writeList(w: Writer, groupPath: string, list: unknown[], path: string): void {
  enter(w, list, path);
  const kinds: Record<string, AttrKind> = {};
  list.forEach((item, i) => {
    const kind = writeEntry(w, groupPath, String(i), item, pathStep(path, i));
    if (kind !== undefined) kinds[String(i)] = kind;
  });
  setAttr(w, groupPath, ATTR_CONTAINER, 'list');
  if (Object.keys(kinds).length > 0) setAttr(w, groupPath, ATTR_KINDS, JSON.stringify(kinds));
  w.ancestors.delete(list);
}

function createGroup(w: Writer, groupPath: string): void {
  h5call('creating group', { path: groupPath }, () => w.module.create_group(w.fileId, groupPath, false));
}

/** Write one entry; returns the attribute kind to record, if any. */
function writeEntry(w: Writer, parent: string, name: string, value: unknown, path: string): AttrKind | undefined {
  const here = childPath(parent, name);
  switch (typeof value) {
    case 'string':
      if (!isWellFormedText(value)) return writeJSON(w, parent, name, value, path);
      if (Buffer.byteLength(value, 'utf8') > MAX_ATTRIBUTE_TEXT_BYTES) {
        writeTextDataset(w, here, value, 'string');
        return undefined;
      }
      setAttr(w, parent, name, value);
      return undefined;
    case 'number':
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) setAttr(w, parent, name, new BigInt64Array([BigInt(value)]));
      else setAttr(w, parent, name, new Float64Array([value]));
      return undefined;
    case 'boolean':
      setAttr(w, parent, name, new Uint8Array([value ? 1 : 0]));
      return 'bool';
    case 'bigint':
      if (value >= INT64_MIN && value < 0n) setAttr(w, parent, name, new BigInt64Array([value]));
      else if (value >= 0n && value <= UINT64_MAX) setAttr(w, parent, name, value < 2n ** 63n ? new BigInt64Array([value]) : new BigUint64Array([value]));
      else return writeJSON(w, parent, name, value, path);
      return 'bigint';
    default:
  }
  if (value === null || typeof value !== 'object') return writeJSON(w, parent, name, value, path);
  if (codecClaims(w, value)) return writeJSON(w, parent, name, value, path);
  if (value instanceof NDArray) return writeArray(w, parent, name, value, path);
  if (isTypedArray(value) && !(value instanceof Uint8Array)) return writeArray(w, parent, name, NDArray.from(value), path);
  if (isPlainObject(value)) {
    createGroup(w, here);
    writeGroupContents(w, here, value, path);
    return undefined;
  }
  if (Array.isArray(value) && censusArrays(value).arrays > 0) {
    createGroup(w, here);
    writeList(w, here, value, path);
    return undefined;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    setAttr(w, parent, name, formatIsoDateTime(value));
    return 'date';
  }
  return writeJSON(w, parent, name, value, path);
}

/** Typed JSON (the json format's tree) as a string attribute, or a 0-d string dataset when it is long. */
function writeJSON(w: Writer, parent: string, name: string, value: unknown, path: string): AttrKind | undefined {
  let text: string;
  try {
    text = JSON.stringify(toJSONSafe(value, { codecs: w.ctx.registry.codecs(), listMaxElements: w.ctx.listMaxElements }));
  } catch (error) {
    if (error instanceof StorageError && error.path !== undefined) {
      const Ctor = error.constructor as new (detail: string, ctx: object) => StorageError;
      throw new Ctor(error.detail, { ...error.context, path: path + error.path.slice(1) });
    }
    throw error;
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_ATTRIBUTE_TEXT_BYTES) {
    writeTextDataset(w, childPath(parent, name), text, 'json');
    return undefined;
  }
  setAttr(w, parent, name, text);
  return 'json';
}

function writeTextDataset(w: Writer, here: string, text: string, kind: 'json' | 'string'): void {
  const parent = here.slice(0, here.lastIndexOf('/')) || '/';
  const name = here.slice(here.lastIndexOf('/') + 1);
  h5call('writing a text dataset', { path: here }, () => new w.h5.Group(w.fileId, parent).create_dataset({ name, data: [text], shape: [], dtype: 'S' }));
  setAttr(w, here, ATTR_VALUE, kind);
}

function writeArray(w: Writer, parent: string, name: string, arr: NDArray, path: string): AttrKind | undefined {
  const here = childPath(parent, name);
  if (arr.dtype === 'str') {
    const data = arr.data as string[];
    // vlen strings pass through C strings: NUL or unpaired surrogates would be cut or mangled.
    if (!data.every(isWellFormedText)) return writeJSON(w, parent, name, arr, path);
    h5call('writing a string dataset', { path: here }, () => new w.h5.Group(w.fileId, parent).create_dataset({ name, data, shape: [...arr.shape], dtype: 'S' }));
  } else {
    const type = writeType(arr.dtype as NumericDType);
    const bytes = arr.bytes();
    // gzip needs chunks; so does writing in slices (the dataset is extended, then filled block by block).
    const compress = w.ctx.compressionLevel > 0 && bytes.byteLength >= w.compressAbove;
    const chunked = arr.size > 0 && arr.ndim > 0 && (compress || bytes.byteLength > w.sliceBytes);
    createRaw(w.module, w.fileId, here, type, arr.shape, bytes, {
      chunks: chunked ? guessChunks(arr.shape, type.size) : null,
      level: chunked && compress ? w.ctx.compressionLevel : 0,
      sliceBytes: w.sliceBytes,
    });
    if (type.marker !== undefined) setAttr(w, here, ATTR_DTYPE, type.marker);
  }
  if (arr.tensor) setAttr(w, here, ATTR_TENSOR, new Uint8Array([1]));
  return undefined;
}
