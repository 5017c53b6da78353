import fc from 'fast-check';
import { NDArray, PreciseDate } from '../src/index.js';
import { ndarrayArbitrary } from './support/arbitraries.js';
import { describeFormatConformance } from './support/conformance.js';
import { arrayOf, arraysByDtype, containerValues, scalarValues, specialArrays } from './support/sample-values.js';

// Values pickle cannot hold exactly are left out, each for a documented reason (README "pickle"):
// undefined is written as None; small bigints come back as numbers; bfloat16 is written as float32;
// the tensor flag is not kept; a Set cannot hold a dict (unhashable in Python).
const excluded = new Set(['undefined', 'Map with object keys', 'Set', 'undefined vs null fields', 'mesh-like result', 'bfloat16 2x3', 'bfloat16 7x11x3', 'tensor', 'bfloat16 tensor']);
const all: Array<[string, unknown]> = [
  ...scalarValues(),
  ...containerValues(),
  ...arraysByDtype(),
  ...specialArrays(),
  ['Map with non-string keys', new Map<unknown, unknown>([[1, 'one'], ['1', 'string one'], [new Date(0), [1, 2]], [2n ** 64n, null], [null, true]])],
  ['Set of primitives', new Set([1, 'a', null, 2.5, 2n ** 80n])],
  ['list longer than one APPENDS batch', Array.from({ length: 2500 }, (_, i) => (i % 3 === 0 ? i : `v${i}`))],
  ['dict longer than one SETITEMS batch', Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i * 0.5]))],
  ['ints at every opcode boundary', [0, 255, 256, 65535, 65536, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 63n, -(2n ** 63n), 2n ** 2100n]],
  ['lone surrogate in a string', 'a\ud800b\udfffc'],
  ['bytes longer than 255', Uint8Array.from({ length: 600 }, (_, i) => (i * 7) & 0xff)],
  ['Date at year 1 and 9999', [new Date(Date.UTC(1, 0, 1) - 1900 * 0), new PreciseDate(Date.UTC(9999, 11, 31, 23, 59, 59, 999), 999)]],
  ['4-d array', arrayOf('float64', [2, 3, 2, 2])],
];
const table = all.filter(([label]) => !excluded.has(label));

const year1 = new Date(0);
year1.setUTCFullYear(1, 0, 1);
table.push(['Date in year 1', year1]);

const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).filter((b) => b > 2n ** 53n || b < -(2n ** 53n)),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
  fc.uint8Array({ maxLength: 8 }),
  ndarrayArbitrary(['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64', 'complex64', 'complex128', 'str'])
    .map((a) => new NDArray(a.dtype, a.shape, a.data)),
);
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('tree'), { maxKeys: 4 }),
    fc.uniqueArray(fc.string(), { maxLength: 4 }).map((xs) => new Set(xs)),
  ),
}));

const sample = { name: 'sample', when: new Date(0), a: arrayOf('float32', [2, 2]), big: arrayOf('int64', [70]), n: NaN, huge: 2n ** 70n, tags: new Set(['x']) };

describeFormatConformance('pickle', {
  table,
  sample,
  arbitrary: tree,
  foreign: [
    ['npy magic', new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0x76, 0])],
    ['HDF5 magic', new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['zip magic', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])],
    ['JSON text', new TextEncoder().encode('{"a":1}')],
    ['empty input', new Uint8Array(0)],
    ['text input', 'not bytes'],
  ],
});
