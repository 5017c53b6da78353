/** Debian's python3 + numpy loads the pickles we write (protocols 2 and 3) and we compare bit for bit. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Complex } from 'complex.js';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { NDArray, PreciseDate, encode, isTypedArray } from '../src/index.js';
import { runPython } from './support/python.js';
import { arrayOf, nanWithPayload } from './support/sample-values.js';

/** Python side: load the pickle, describe every value exactly (floats as IEEE hex, arrays as raw LE bytes). */
const DESCRIBE = `
import sys, json, pickle, struct, datetime, decimal
import numpy as np
def d(v):
    if isinstance(v, np.ndarray):
        out = {'nd': v.dtype.str, 'shape': list(v.shape), 'c': bool(v.flags.c_contiguous)}
        if v.dtype.kind == 'U': out['values'] = v.ravel().tolist()
        else: out['hex'] = np.ascontiguousarray(v).astype(v.dtype.newbyteorder('<')).tobytes().hex()
        return out
    if isinstance(v, bool): return {'bool': v}
    if isinstance(v, int): return {'int': str(v)}
    if isinstance(v, float): return {'float': struct.pack('<d', v).hex()}
    if isinstance(v, complex): return {'complex': [struct.pack('<d', v.real).hex(), struct.pack('<d', v.imag).hex()]}
    if isinstance(v, str): return {'str': v.encode('utf-8', 'surrogatepass').hex()}
    if isinstance(v, bytes): return {'bytes': v.hex()}
    if v is None: return {'none': True}
    if isinstance(v, list): return {'list': [d(x) for x in v]}
    if isinstance(v, dict): return {'dict': [[d(k), d(x)] for k, x in v.items()]}
    if isinstance(v, (set, frozenset)): return {'set': sorted(json.dumps(d(x), sort_keys=True, separators=(',', ':')) for x in v)}
    if isinstance(v, datetime.datetime): return {'datetime': v.isoformat(), 'utc': v.tzinfo == datetime.timezone.utc}
    if isinstance(v, decimal.Decimal): return {'decimal': str(v)}
    return {'unknown': type(v).__name__}
with open(sys.argv[1], 'rb') as f: value = pickle.load(f)
print(json.dumps({'numpy': np.__version__, 'value': d(value)}, sort_keys=True))
`;

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const f64hex = (x: number) => { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, x, true); return hex(b); };
const strhex = (s: string) => Buffer.from(encodeSurrogatePass(s)).toString('hex');
function encodeSurrogatePass(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}
const NUMPY_STR: Record<string, string> = { bool: '|b1', int8: '|i1', uint8: '|u1', int16: '<i2', uint16: '<u2', int32: '<i4', uint32: '<u4', int64: '<i8', uint64: '<u8', float16: '<f2', float32: '<f4', float64: '<f8', complex64: '<c8', complex128: '<c16' };

/** The description DESCRIBE must print for a value we wrote. */
function expected(v: unknown): unknown {
  if (v === null || v === undefined) return { none: true };
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0) ? { int: String(v) } : { float: f64hex(v) };
  if (typeof v === 'string') return { str: strhex(v) };
  if (v instanceof NDArray) {
    if (v.dtype === 'str') {
      const chars = (v.data as string[]).reduce((m, s) => Math.max(m, [...s].length), 1);
      return { nd: `<U${chars}`, shape: v.shape, c: true, values: v.data };
    }
    return { nd: NUMPY_STR[v.dtype], shape: v.shape, c: true, hex: hex(v.bytes()) };
  }
  if (v instanceof Uint8Array) return { bytes: hex(v) };
  if (isTypedArray(v)) return expected(NDArray.from(v));
  if (v instanceof Complex) return { complex: [f64hex(v.re), f64hex(v.im)] };
  if (v instanceof Decimal) return { decimal: v.toString() };
  if (v instanceof Date) {
    const micro = v.getUTCMilliseconds() * 1000 + (v instanceof PreciseDate ? v.microsecond : 0);
    const iso = v.toISOString().slice(0, 19) + (micro === 0 ? '' : `.${String(micro).padStart(6, '0')}`) + '+00:00';
    return { datetime: iso, utc: true };
  }
  if (Array.isArray(v)) return { list: v.map(expected) };
  if (v instanceof Set) return { set: [...v].map((x) => JSON.stringify(sortKeys(expected(x)))).sort() };
  if (v instanceof Map) return { dict: [...v].map(([k, x]) => [expected(k), expected(x)]) };
  return { dict: Object.entries(v as object).map(([k, x]) => [expected(k), expected(x)]) };
}
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

const f32special = new Float32Array(4);
new DataView(f32special.buffer).setUint32(0, 0x7fc0_1234, true);
f32special[1] = -0;
f32special[2] = Infinity;
f32special[3] = 1.401298464324817e-45;

const value = {
  nan_payload: new NDArray('float64', [1], nanWithPayload()),
  f32_special: new NDArray('float32', [4], f32special),
  neg_zero: -0,
  nan: NaN,
  inf: -Infinity,
  int64_extremes: new NDArray('int64', [3], new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, 0n])),
  uint64_extremes: new NDArray('uint64', [2], new BigUint64Array([2n ** 64n - 1n, 0n])),
  complex128: arrayOf('complex128', [2, 3]),
  complex64: arrayOf('complex64', [3]),
  bool: arrayOf('bool', [7]),
  float16: new NDArray('float16', [4], new Uint16Array([0x7c00, 0x8000, 0x3c00, 0x7e01])),
  every_int_dtype: ['int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32'].map((d) => arrayOf(d as 'int8', [2, 2])),
  strings: new NDArray('str', [3], ['', 'Zoë ☃', 'x'.repeat(9)]),
  zero_d: new NDArray('float32', [], new Float32Array([1.5])),
  empty: new NDArray('float64', [0, 3], new Float64Array(0)),
  big_int: 2n ** 70n,
  neg_big: -(2n ** 100n) - 1n,
  safe: Number.MAX_SAFE_INTEGER,
  text: 'naïve ☃ \u0000 🎉',
  bytes: new Uint8Array([0, 255, 128, 10]),
  set: new Set(['a', 'b']),
  complex: new Complex(1.5, -2),
  decimal: new Decimal('3.14159265358979323846264338327950288'),
  when: new PreciseDate(Date.UTC(2025, 6, 17, 1, 6, 14, 618), 679),
  map: new Map<unknown, unknown>([[1, 'one'], [2n ** 70n, 'big'], [null, false]]),
  nested: [[1, [2, [3, { deep: [null] }]]]],
};

describe('python3 + numpy load the pickles we write, bit for bit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omega-pickle-'));
  it.each([2, 3])('protocol %i', async (protocol) => {
    const bytes = (await encode(value, { format: 'pickle', protocol } as never)) as Uint8Array;
    expect(bytes[1]).toBe(protocol);
    const file = join(dir, `p${protocol}.pkl`);
    writeFileSync(file, bytes);
    let out: string;
    try {
      out = runPython(DESCRIBE, [file]);
    } catch (error) {
      throw new Error(`python3 could not load our pickle (is python3-numpy installed?): ${(error as { stderr?: string }).stderr ?? String(error)}`);
    }
    const got = JSON.parse(out) as { numpy: string; value: unknown };
    expect(sortKeys(got.value)).toEqual(sortKeys(expected(value)));
  });
});
