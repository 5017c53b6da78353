/**
 * The on-disk layout conventions of our HDF5 files (README "HDF5 layout"). Everything we add for exact round trips
 * lives in attributes whose names start with `_omega_`, so h5py users see plain groups, datasets and attributes.
 */

/** Group attribute: JSON object {entryName: kind} for attributes that need interpretation on load. */
export const ATTR_KINDS = '_omega_kinds';
/** Group attribute: JSON list of the object's keys in their original order. */
export const ATTR_ORDER = '_omega_order';
/** Group attribute: 1 when entry names are %-escaped (keys that HDF5 cannot hold as names). */
export const ATTR_ESCAPED = '_omega_escaped';
/** Group attribute: 'list' (a JS array whose items are entries "0".."n-1") or 'value' (root wraps a non-object). */
export const ATTR_CONTAINER = '_omega_container';
/** Dataset attribute: our dtype when the HDF5 type alone does not say it (bool, float16, bfloat16). */
export const ATTR_DTYPE = '_omega_dtype';
/** Dataset attribute: 1 when the NDArray is a tensor. */
export const ATTR_TENSOR = '_omega_tensor';
/** Dataset attribute on a 0-d string dataset: 'json' (typed-JSON text) or 'string' (a long plain string). */
export const ATTR_VALUE = '_omega_value';

export const RESERVED_PREFIX = '_omega_';

/** Attribute kinds listed in ATTR_KINDS. Plain strings and numbers need none. */
export type AttrKind = 'bool' | 'bigint' | 'date' | 'json';

/** Attribute values above this many bytes go into a 0-d string dataset (HDF5 object headers cap at 64 KiB). */
export const MAX_ATTRIBUTE_TEXT_BYTES = 16 * 1024;

/** Name of the single entry of a root that wraps a non-object value. */
export const WRAPPED_NAME = 'value';

function needsEscapedMode(key: string): boolean {
  return key === '' || key === '.' || key.includes('/') || key.includes('\u0000') || key.startsWith(RESERVED_PREFIX);
}

/** True when a group's keys cannot all be used as HDF5 names verbatim. */
export function groupNeedsEscaping(keys: readonly string[]): boolean {
  return keys.some(needsEscapedMode);
}

/** %-escape a key into an HDF5 link/attribute name (escaped groups only). */
export function escapeName(key: string): string {
  const body = key.replace(/%/g, '%25').replace(/\//g, '%2F').replace(/\u0000/g, '%00');
  if (body === '') return '%';
  if (body === '.') return '%2E';
  if (body.startsWith(RESERVED_PREFIX)) return `%5F${body.slice(1)}`;
  return body;
}

export function unescapeName(name: string): string {
  if (name === '%') return '';
  return name.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Absolute HDF5 path of a child. */
export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}
