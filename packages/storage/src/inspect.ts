/**
 * A tree describing a stored value — types, dtypes, shapes, sizes — for `omega inspect`. Formats with lazy
 * handles (HDF5, npz) implement `Format.inspect` so large datasets are described without being read.
 */
import { NDArray, isTypedArray } from './ndarray.js';
import { isPlainObject } from './values/typed-json-encode.js';

export interface InspectNode {
  /** Key in the parent (absent at the root). */
  key?: string;
  /** 'object', 'array', 'ndarray', 'tensor', 'map', 'set', 'Date', 'bigint', 'number', 'string', 'bytes', … */
  type: string;
  dtype?: string;
  shape?: number[];
  /** Payload bytes of arrays and byte strings; characters of strings. */
  size?: number;
  /** A short rendering of scalar values. */
  preview?: string;
  children?: InspectNode[];
  /** Extra facts a format knows (HDF5 chunks/filters, npz compression, safetensors metadata…). */
  details?: Record<string, unknown>;
}

const MAX_CHILDREN = 200;

export function summarize(value: unknown, key?: string): InspectNode {
  const node = describe(value);
  if (key !== undefined) node.key = key;
  return node;
}

function children(entries: Iterable<[string, unknown]>): InspectNode[] {
  const out: InspectNode[] = [];
  for (const [k, v] of entries) {
    if (out.length === MAX_CHILDREN) {
      out.push({ key: '…', type: 'truncated', preview: `more than ${MAX_CHILDREN} entries` });
      break;
    }
    out.push(summarize(v, k));
  }
  return out;
}

function describe(value: unknown): InspectNode {
  if (value === null) return { type: 'null' };
  switch (typeof value) {
    case 'undefined': return { type: 'undefined' };
    case 'boolean': return { type: 'boolean', preview: String(value) };
    case 'number': return { type: 'number', preview: Object.is(value, -0) ? '-0' : String(value) };
    case 'bigint': return { type: 'bigint', preview: `${value}` };
    case 'string': return { type: 'string', size: value.length, preview: JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value) };
  }
  if (value instanceof NDArray) {
    return { type: value.tensor ? 'tensor' : 'ndarray', dtype: value.dtype, shape: [...value.shape], size: value.nbytes };
  }
  if (value instanceof Date) return { type: 'Date', preview: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (value instanceof Uint8Array) return { type: 'bytes', size: value.byteLength };
  if (isTypedArray(value)) return summarize(NDArray.from(value));
  if (Array.isArray(value)) return { type: 'array', size: value.length, children: children(value.map((v, i) => [String(i), v] as [string, unknown])) };
  if (value instanceof Map) return { type: 'map', size: value.size, children: children([...value].map(([k, v]) => [String(k), v] as [string, unknown])) };
  if (value instanceof Set) return { type: 'set', size: value.size, children: children([...value].map((v, i) => [String(i), v] as [string, unknown])) };
  if (isPlainObject(value as object)) return { type: 'object', children: children(Object.entries(value as object)) };
  const obj = value as { re?: unknown; im?: unknown; constructor?: { name?: string } };
  if (typeof obj.re === 'number' && typeof obj.im === 'number') return { type: 'complex', preview: `${obj.re}${obj.im < 0 ? '-' : '+'}${Math.abs(obj.im)}i` };
  return { type: obj.constructor?.name ?? 'object', preview: String(value) };
}
