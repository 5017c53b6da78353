/**
 * Values crossing from the HDF5 decode worker to the main thread. Structured clone keeps typed arrays, bigints and
 * plain data but drops classes (NDArray, Complex, PreciseDate), so the worker packs what the reader produces into
 * tagged plain objects and the main thread rebuilds them. Array payloads are transferred, never copied.
 */
import { Complex } from 'complex.js';
import { CorruptDataError } from '../../errors.js';
import { NDArray, isDType, type NDArrayData, type TypedArray } from '../../ndarray.js';
import { PreciseDate } from '../../values/datetime.js';

/** A typed-JSON text the worker read but did not decode (custom codecs live on the main thread). */
export class DeferredJSON {
  constructor(readonly text: string, readonly path: string) {}
}

export type Packed =
  | null | undefined | boolean | number | bigint | string
  | Packed[]
  | { t: 'o'; k: string[]; v: Packed[] }
  | { t: 'nd'; dtype: string; shape: number[]; data: TypedArray | string[]; tensor: boolean }
  | { t: 'c'; re: number; im: number }
  | { t: 'd'; ms: number; us?: number }
  | { t: 'u8'; v: Uint8Array }
  | { t: 'j'; text: string; path: string };

function transferable(view: ArrayBufferView, transfer: Set<ArrayBuffer>): void {
  // Only whole, unshared buffers are handed over; a view into a larger buffer would take its neighbours along.
  if (view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) transfer.add(view.buffer);
}

/** Pack a value the HDF5 reader produced; `transfer` collects the buffers to move with the message. */
export function pack(value: unknown, transfer: Set<ArrayBuffer>): Packed {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'bigint':
    case 'string':
      return value;
    default:
      break;
  }
  if (Array.isArray(value)) return value.map((v) => pack(v, transfer));
  if (value instanceof NDArray) {
    const data = value.data as TypedArray | string[];
    if (!Array.isArray(data)) transferable(data, transfer);
    return { t: 'nd', dtype: value.dtype, shape: [...value.shape], data, tensor: value.tensor };
  }
  if (value instanceof Complex) return { t: 'c', re: value.re, im: value.im };
  if (value instanceof Date) return value instanceof PreciseDate ? { t: 'd', ms: value.getTime(), us: value.microsecond } : { t: 'd', ms: value.getTime() };
  if (value instanceof Uint8Array) {
    transferable(value, transfer);
    return { t: 'u8', v: value };
  }
  if (value instanceof DeferredJSON) return { t: 'j', text: value.text, path: value.path };
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const k = Object.keys(value);
    return { t: 'o', k, v: k.map((key) => pack((value as Record<string, unknown>)[key], transfer)) };
  }
  throw new TypeError(`the HDF5 reader produced a value the worker cannot pack: ${Object.prototype.toString.call(value)}`);
}

/** Rebuild a packed value; `json` decodes deferred typed-JSON texts with the caller's codecs and policy. */
export function unpack(packed: Packed, json: (text: string, path: string) => unknown): unknown {
  if (packed === null || typeof packed !== 'object') return packed;
  if (Array.isArray(packed)) return packed.map((p) => unpack(p, json));
  switch (packed.t) {
    case 'o': {
      const out: Record<string, unknown> = {};
      packed.k.forEach((key, i) => {
        // Own data property even for '__proto__': keys from a file must never reach a prototype.
        Object.defineProperty(out, key, { value: unpack(packed.v[i]!, json), enumerable: true, writable: true, configurable: true });
      });
      return out;
    }
    case 'nd':
      if (!isDType(packed.dtype)) throw new CorruptDataError('the decode worker returned an unknown dtype', { format: 'hdf5', received: packed.dtype });
      return new NDArray(packed.dtype, packed.shape, packed.data as NDArrayData, { tensor: packed.tensor });
    case 'c':
      return new Complex(packed.re, packed.im);
    case 'd':
      return packed.us === undefined ? new Date(packed.ms) : new PreciseDate(packed.ms, packed.us);
    case 'u8':
      return packed.v;
    case 'j':
      return json(packed.text, packed.path);
  }
}
