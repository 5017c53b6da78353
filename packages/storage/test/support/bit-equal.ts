/** Bit-for-bit comparison of stored values, with a path in the failure message. */
import { NDArray, PreciseDate } from '../../src/index.js';

function fail(path: string, message: string): never {
  throw new Error(`${path}: ${message}`);
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Throws unless `actual` equals `expected` exactly: NaN payloads in arrays, −0, bigint, Date µs, key sets, types. */
export function assertBitEqual(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !Object.is(actual, expected)) fail(path, `expected number ${Object.is(expected, -0) ? '-0' : expected}, got ${String(actual)} (${typeof actual})`);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    if (actual !== expected) fail(path, `expected ${typeof expected} ${String(expected)}, got ${typeof actual} ${String(actual)}`);
    return;
  }
  if (actual === null || typeof actual !== 'object') fail(path, `expected an object, got ${String(actual)}`);
  if (expected instanceof NDArray) {
    if (!(actual instanceof NDArray)) fail(path, `expected an NDArray, got ${(actual as object).constructor?.name}`);
    if (actual.dtype !== expected.dtype) fail(path, `dtype ${actual.dtype} ≠ ${expected.dtype}`);
    if (actual.shape.join(',') !== expected.shape.join(',')) fail(path, `shape [${actual.shape}] ≠ [${expected.shape}]`);
    if (actual.tensor !== expected.tensor) fail(path, `tensor flag ${actual.tensor} ≠ ${expected.tensor}`);
    if (expected.dtype === 'str') {
      const a = actual.data as string[];
      const e = expected.data as string[];
      if (a.length !== e.length || a.some((s, i) => s !== e[i])) fail(path, 'string elements differ');
    } else if (!sameBytes(actual.data as ArrayBufferView, expected.data as ArrayBufferView)) fail(path, 'array bytes differ');
    return;
  }
  if (expected instanceof Date) {
    if (!(actual instanceof Date)) fail(path, 'expected a Date');
    if (!Object.is(actual.getTime(), expected.getTime())) fail(path, `time ${actual.getTime()} ≠ ${expected.getTime()}`);
    const micro = (d: Date) => (d instanceof PreciseDate ? d.microsecond : 0);
    if (micro(actual) !== micro(expected)) fail(path, `microsecond ${micro(actual)} ≠ ${micro(expected)}`);
    return;
  }
  if (expected instanceof Uint8Array) {
    if (!(actual instanceof Uint8Array) || !sameBytes(actual, expected)) fail(path, 'bytes differ');
    return;
  }
  if (ArrayBuffer.isView(expected)) {
    // A bare typed array is stored as a 1-D NDArray.
    const data = actual instanceof NDArray ? (actual.data as ArrayBufferView) : (actual as ArrayBufferView);
    if (!ArrayBuffer.isView(data) || !sameBytes(data, expected)) fail(path, 'typed array bytes differ');
    return;
  }
  if (expected instanceof Map) {
    if (!(actual instanceof Map) || actual.size !== expected.size) fail(path, 'expected a Map of the same size');
    const a = [...actual];
    [...expected].forEach(([k, v], i) => {
      assertBitEqual(a[i]![0], k, `${path}.key(${i})`);
      assertBitEqual(a[i]![1], v, `${path}.get(${i})`);
    });
    return;
  }
  if (expected instanceof Set) {
    if (!(actual instanceof Set) || actual.size !== expected.size) fail(path, 'expected a Set of the same size');
    const a = [...actual];
    [...expected].forEach((v, i) => assertBitEqual(a[i], v, `${path}.values()[${i}]`));
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) fail(path, `expected an array of ${expected.length}`);
    expected.forEach((v, i) => assertBitEqual(actual[i], v, `${path}[${i}]`));
    return;
  }
  const e = expected as Record<string, unknown> & { isComplex?: boolean; re?: number; im?: number };
  if (e.isComplex === true || (typeof e.re === 'number' && typeof e.im === 'number' && Object.keys(e).length === 2)) {
    const a = actual as { re?: number; im?: number };
    if (!Object.is(a.re, e.re) || !Object.is(a.im, e.im)) fail(path, `complex ${a.re}+${a.im}i ≠ ${e.re}+${e.im}i`);
    return;
  }
  if (typeof (e.constructor as { isDecimal?: unknown })?.isDecimal === 'function') {
    if (String(actual) !== String(expected) || (actual as object).constructor !== e.constructor) fail(path, `decimal ${String(actual)} ≠ ${String(expected)}`);
    return;
  }
  const ak = Object.keys(actual as object).sort();
  const ek = Object.keys(e).sort();
  if (ak.join('\u0000') !== ek.join('\u0000')) fail(path, `keys [${ak}] ≠ [${ek}]`);
  for (const k of ek) assertBitEqual((actual as Record<string, unknown>)[k], e[k], `${path}.${k}`);
}
