/** fast-check arbitraries for values storage must round-trip. */
import fc from 'fast-check';
import { NDArray, type DType } from '../../src/index.js';

const NUMERIC: DType[] = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'bfloat16', 'float32', 'float64', 'complex64', 'complex128'];
const WIDTH: Record<string, number> = { bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, float16: 2, bfloat16: 2, int32: 4, uint32: 4, float32: 4, int64: 8, uint64: 8, float64: 8, complex64: 8, complex128: 16 };

/** Any NDArray: random dtype, shape (up to 3-D, zero-sized dims included) and raw bytes (so NaN payloads too). */
export function ndarrayArbitrary(dtypes: readonly DType[] = [...NUMERIC, 'str']): fc.Arbitrary<NDArray> {
  return fc
    .record({
      dtype: fc.constantFrom(...dtypes),
      shape: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
      tensor: fc.boolean(),
      seed: fc.integer(),
    })
    .chain(({ dtype, shape, tensor }) => {
      const n = shape.reduce((a, b) => a * b, 1);
      if (dtype === 'str') return fc.array(fc.string(), { minLength: n, maxLength: n }).map((data) => new NDArray('str', shape, data, { tensor: false }));
      const w = WIDTH[dtype]!;
      return fc.uint8Array({ minLength: n * w, maxLength: n * w }).map((raw) => {
        if (dtype === 'bool') raw = raw.map((b) => b & 1);
        const copy = new Uint8Array(raw);
        const ctor = { int8: Int8Array, uint8: Uint8Array, bool: Uint8Array, int16: Int16Array, uint16: Uint16Array, float16: Uint16Array, bfloat16: Uint16Array, int32: Int32Array, uint32: Uint32Array, float32: Float32Array, int64: BigInt64Array, uint64: BigUint64Array, float64: Float64Array, complex64: Float32Array, complex128: Float64Array }[dtype as Exclude<DType, 'str'>];
        const lanes = dtype.startsWith('complex') ? 2 : 1;
        return new NDArray(dtype, shape, new ctor(copy.buffer, 0, n * lanes) as never, { tensor });
      });
    });
}

/** Nested values of every kind typed JSON supports. */
export function valueArbitrary(): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec<{ tree: unknown; leaf: unknown }>((tie) => ({
    leaf: fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
      fc.date({ noInvalidDate: true }),
      fc.uint8Array({ maxLength: 8 }),
      ndarrayArbitrary(),
    ),
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      fc.array(tie('tree'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.string(), fc.constant('__type__')), tie('tree'), { maxKeys: 4 }),
      fc.array(fc.tuple(tie('leaf'), tie('tree')), { maxLength: 3 }).map((entries) => new Map(entries)),
      fc.array(tie('leaf'), { maxLength: 3 }).map((items) => new Set(items)),
    ),
  }));
  return tree;
}
