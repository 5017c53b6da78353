/** Frozen inputs for the conformance suite: every dtype, every special scalar, nesting. */
import { Complex } from 'complex.js';
import { Decimal } from 'decimal.js';
import { NDArray, PreciseDate, type DType } from '../../src/index.js';

/** A float64 NaN with a non-canonical payload, as raw bits. */
export function nanWithPayload(): Float64Array {
  const a = new Float64Array(1);
  new DataView(a.buffer).setBigUint64(0, 0x7ff8_0000_dead_beefn, true);
  return a;
}

export function arrayOf(dtype: DType, shape: number[], seed = 1): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0), x);
  switch (dtype) {
    case 'str': return new NDArray('str', shape, Array.from({ length: n }, (_, i) => `s${i}·${next() % 97}`));
    case 'bool': return new NDArray('bool', shape, Uint8Array.from({ length: n }, () => next() & 1));
    case 'int8': return new NDArray(dtype, shape, Int8Array.from({ length: n }, () => (next() & 0xff) - 128));
    case 'int16': return new NDArray(dtype, shape, Int16Array.from({ length: n }, () => (next() & 0xffff) - 32768));
    case 'int32': return new NDArray(dtype, shape, Int32Array.from({ length: n }, () => next() | 0));
    case 'uint8': return new NDArray(dtype, shape, Uint8Array.from({ length: n }, () => next() & 0xff));
    case 'uint16': return new NDArray(dtype, shape, Uint16Array.from({ length: n }, () => next() & 0xffff));
    case 'uint32': return new NDArray(dtype, shape, Uint32Array.from({ length: n }, () => next()));
    case 'int64': return new NDArray(dtype, shape, BigInt64Array.from({ length: n }, (_, i) => (i % 2 ? -1n : 1n) * (2n ** 62n + BigInt(next()))));
    case 'uint64': return new NDArray(dtype, shape, BigUint64Array.from({ length: n }, () => 2n ** 63n + BigInt(next())));
    case 'float16':
    case 'bfloat16': return new NDArray(dtype, shape, Uint16Array.from({ length: n }, () => next() & 0x7bff));
    case 'float32': return new NDArray(dtype, shape, Float32Array.from({ length: n }, () => (next() / 2 ** 32 - 0.5) * 1e3));
    case 'float64': return new NDArray(dtype, shape, Float64Array.from({ length: n }, () => (next() / 2 ** 32 - 0.5) * 1e6));
    case 'complex64': return new NDArray(dtype, shape, Float32Array.from({ length: 2 * n }, () => next() / 2 ** 32 - 0.5));
    case 'complex128': return new NDArray(dtype, shape, Float64Array.from({ length: 2 * n }, () => next() / 2 ** 32 - 0.5));
  }
}

const ALL: DType[] = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'bfloat16', 'float32', 'float64', 'complex64', 'complex128', 'str'];

/** One NDArray per dtype, small (list form in JSON) and large (binary form). */
export function arraysByDtype(): Array<[string, NDArray]> {
  const out: Array<[string, NDArray]> = [];
  for (const d of ALL) {
    out.push([`${d} 2x3`, arrayOf(d, [2, 3])]);
    out.push([`${d} 7x11x3`, arrayOf(d, [7, 11, 3])]);
  }
  return out;
}

export function specialArrays(): Array<[string, NDArray]> {
  const nan = nanWithPayload();
  const f64 = new Float64Array([0, -0, NaN, Infinity, -Infinity, 5e-324, nan[0]!]);
  new Uint8Array(f64.buffer).set(new Uint8Array(nan.buffer), 6 * 8);
  const f32 = new Float32Array(4);
  new DataView(f32.buffer).setUint32(0, 0x7fc0_1234, true);
  f32[1] = -0;
  f32[2] = 3.4028234663852886e38;
  f32[3] = 1.401298464324817e-45;
  return [
    ['float64 specials with NaN payload', new NDArray('float64', [7], f64)],
    ['float32 NaN payload, -0, max, min subnormal', new NDArray('float32', [4], f32)],
    ['int64 beyond 2^53 (small list)', new NDArray('int64', [3], new BigInt64Array([2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n]))],
    ['uint64 max', new NDArray('uint64', [2], new BigUint64Array([2n ** 64n - 1n, 0n]))],
    ['empty (0,3)', new NDArray('float64', [0, 3], new Float64Array(0))],
    ['empty (2,0)', new NDArray('int32', [2, 0], new Int32Array(0))],
    ['0-d scalar', new NDArray('float32', [], new Float32Array([1.5]))],
    ['tensor', new NDArray('float32', [2, 2], new Float32Array([1, 2, 3, 4]), { tensor: true })],
    ['bfloat16 tensor', new NDArray('bfloat16', [3], new Uint16Array([0x3f80, 0xc000, 0x7f80]), { tensor: true })],
    ['float16 with inf and -0', new NDArray('float16', [3], new Uint16Array([0x7c00, 0x8000, 0x3c00]))],
  ];
}

export function scalarValues(): Array<[string, unknown]> {
  return [
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['int', 42],
    ['float', 0.1],
    ['-0', -0],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['max safe', Number.MAX_SAFE_INTEGER],
    ['string with unicode', 'Zoë ☃ \u0000 "quotes" \\'],
    ['bigint beyond 2^64', 2n ** 70n + 3n],
    ['negative bigint', -(2n ** 65n)],
    ['Date', new Date(Date.UTC(2025, 6, 17, 1, 6, 14, 618))],
    ['Date with microseconds', new PreciseDate(Date.UTC(2025, 6, 17, 1, 6, 14, 618), 679)],
    ['Date before 1970', new Date(Date.UTC(1901, 0, 1))],
    ['complex', new Complex(3, -4.5)],
    ['decimal', new Decimal('1234567890.123456789012345678901234567890')],
    ['bytes', new Uint8Array([0, 1, 2, 255, 128])],
  ];
}

export function containerValues(): Array<[string, unknown]> {
  return [
    ['Map with object keys', new Map<unknown, unknown>([[1, 'one'], ['1', 'string one'], [new Date(0), [1, 2]], [2n, null]])],
    ['Set', new Set([1, '1', 2n, null, undefined])],
    ['object with __type__ key', { __type__: 'invoice', total: 12.5, nested: { __type__: 'numpy_array', dtype: 'float32' } }],
    ['list holding "__type__"', ['__type__', { __type__: 'datetime' }]],
    ['undefined vs null fields', { a: undefined, b: null, c: [undefined, null] }],
    ['__proto__ key', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}')],
    ['mesh-like result', {
      mesh_statistics: { total_nodes: 10040, solidified_nodes: 0 },
      paths: arrayOf('float32', [4, 6]),
      ids: arrayOf('int64', [5]),
      last_update: new PreciseDate(Date.UTC(2025, 6, 17, 1, 5, 52, 436), 578),
      nested: [[[{ deep: new Set([new Map([['k', arrayOf('float64', [2])]])]) }]]],
    }],
    ['typed array (stored as 1-D array)', new Float64Array([1.5, -0, NaN])],
  ];
}
