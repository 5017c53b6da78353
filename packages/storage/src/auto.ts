/**
 * The format choice for `auto` on save (the seed's rule, configurable) and content sniffing on load.
 */
import { extname } from 'node:path';
import { FormatUnavailableError, UnknownFormatError } from './errors.js';
import type { Format } from './format.js';
import { NDArray, isTypedArray } from './ndarray.js';
import type { Registry } from './registry.js';
import { isPlainObject } from './values/typed-json-encode.js';

export interface AutoRule {
  /** Total array bytes above which HDF5 is chosen (default 100 MiB). */
  hdf5ThresholdBytes: number;
  /** Format for values without arrays (default 'json'). */
  withoutArrays: string;
  /** Format for values with arrays below the threshold (default 'compressed'). */
  withArrays: string;
  /** Format above the threshold (default 'hdf5'). */
  large: string;
}

export interface ArrayCensus {
  arrays: number;
  bytes: number;
}

/** Count arrays (NDArray and non-byte typed arrays) and their payload bytes. Stops at cycles. */
export function censusArrays(value: unknown): ArrayCensus {
  const census = { arrays: 0, bytes: 0 };
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof NDArray) {
      census.arrays++;
      census.bytes += v.dtype === 'str' ? (v.data as string[]).reduce((n, s) => n + s.length * 4, 0) : v.nbytes;
      return;
    }
    if (v instanceof Uint8Array || v instanceof Date) return;
    if (isTypedArray(v)) {
      census.arrays++;
      census.bytes += v.byteLength;
      return;
    }
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v instanceof Map) for (const [k, x] of v) (visit(k), visit(x));
    else if (v instanceof Set) for (const x of v) visit(x);
    else if (isPlainObject(v)) for (const k of Object.keys(v)) visit(v[k]);
  };
  visit(value);
  return census;
}

export function chooseFormatForSave(value: unknown, rule: AutoRule, registry: Registry): Format {
  const census = censusArrays(value);
  const name = census.arrays === 0 ? rule.withoutArrays : census.bytes > rule.hdf5ThresholdBytes ? rule.large : rule.withArrays;
  const format = registry.format(name);
  if (format === undefined) {
    if (name === rule.large) {
      throw new FormatUnavailableError(`auto chose '${name}' for ${census.bytes} bytes of array data, but that format is not registered`, {
        expected: `'${name}' registered, a larger hdf5ThresholdBytes, or an explicit format`,
      });
    }
    throw new UnknownFormatError(`auto chose format '${name}', which is not registered`);
  }
  return format;
}

/** Content first, extension second. */
export function chooseFormatForLoad(head: Uint8Array, path: string | undefined, registry: Registry): Format {
  for (const format of registry.formats()) if (format.sniff(head)) return format;
  if (path !== undefined) {
    const byExt = registry.formatForExtension(extname(path));
    if (byExt !== undefined) return byExt;
  }
  throw new UnknownFormatError('cannot tell the format from the content or the extension', {
    ...(path === undefined ? {} : { file: path }),
    expected: `one of ${registry.formats().map((f) => f.name).join(', ')}`,
    received: head.length === 0 ? 'empty input' : `bytes ${[...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`,
  });
}
