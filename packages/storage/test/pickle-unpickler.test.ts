/** The safe unpickler against Python-written pickles of every protocol, and its typed errors on bad input. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorruptDataError, DLFriendlyStorage, LimitExceededError, NDArray, UnsafeContentError, isStorageError } from '../src/index.js';
import { PickledObject } from '../src/formats/pickle/py-values.js';
import { unpickle } from '../src/formats/pickle/unpickler.js';
import { FIXTURES } from './support/manifest.js';
import { runPython } from './support/python.js';

/** Python writes the same numpy/Python values with protocols 0–5 and reports their exact C-order LE bytes. */
const WRITE = `
import pickle, json, base64, datetime, collections
import numpy as np
a = np.arange(12, dtype='<f8').reshape(3, 4)
values = {
  'fortran': np.asfortranarray(a),
  'big_endian': np.arange(6, dtype='>i4').reshape(2, 3),
  'big_complex': np.array([1+2j, -0.0-3.5j], dtype='>c16'),
  'fortran_3d': np.asfortranarray(np.arange(24, dtype='<u2').reshape(2, 3, 4)),
  'zero_d': np.array(7.25, dtype='<f4'),
  'empty': np.zeros((0, 5), dtype='<i8'),
  'strings': np.array(['a', 'Zoë', ''], dtype='<U3'),
  'bools': np.array([True, False, True]),
  'half': np.array([1.0, -2.5, 65504.0], dtype='<f2'),
  'np_bool': np.bool_(True),
  'np_u64': np.uint64(2**64 - 1),
}
expected = {}
for k, v in values.items():
    arr = np.asarray(v)
    if arr.dtype.kind == 'U':
        expected[k] = {'dtype': 'str', 'shape': list(arr.shape), 'values': arr.ravel().tolist()}
    else:
        expected[k] = {'shape': list(arr.shape), 'hex': np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder('<')).tobytes().hex()}
py = {'t': (1, 'x', None), 'od': collections.OrderedDict([('b', 1), ('a', 2)]), 'keys': {1: 'a', (1, 2): 'b'}, 'fs': frozenset([3]),
      'ba': bytearray(b'\\x00\\xff'), 'big': -2**100, 'dt': datetime.datetime(2020, 2, 29, 23, 59, 59, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))}
out = {'expected': expected, 'pickles': {}}
for p in range(0, 6):
    out['pickles'][str(p)] = base64.b64encode(pickle.dumps({'np': values, 'py': py}, protocol=p)).decode()
print(json.dumps(out))
`;

const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

describe('pickles Python writes with protocols 0–5', () => {
  const generated = JSON.parse(runPython(WRITE)) as { expected: Record<string, { shape: number[]; hex?: string; values?: string[] }>; pickles: Record<string, string> };

  it.each(Object.keys(generated.pickles))('protocol %s', (p) => {
    const value = unpickle(Buffer.from(generated.pickles[p]!, 'base64')) as { np: Record<string, NDArray>; py: Record<string, unknown> };
    for (const [name, want] of Object.entries(generated.expected)) {
      const got = value.np[name]!;
      expect(got, name).toBeInstanceOf(NDArray);
      expect(got.shape, name).toEqual(want.shape);
      if (want.values !== undefined) expect(got.data, name).toEqual(want.values);
      else expect(hex(got.bytes()), name).toBe(want.hex);
    }
    expect(value.np.np_u64!.dtype).toBe('uint64');
    const py = value.py;
    expect(py.t).toEqual([1, 'x', null]);
    expect(Object.keys(py.od as object)).toEqual(['b', 'a']);
    expect(py.keys).toEqual(new Map<unknown, unknown>([[1, 'a'], [[1, 2], 'b']]));
    expect(py.fs).toEqual(new Set([3]));
    expect(py.ba).toEqual(new Uint8Array([0, 255]));
    expect(py.big).toBe(-(2n ** 100n));
    // 23:59:59.123456 at UTC-5 is 04:59:59.123456 UTC the next day
    const dt = py.dt as Date & { microsecond?: number };
    expect([dt.toISOString(), dt.microsecond]).toEqual(['2020-03-01T04:59:59.123Z', 456]);
  });
});

function errorOf(bytes: number[] | Uint8Array, options = {}): unknown {
  try {
    unpickle(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), options);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('typed errors on malformed pickles', () => {
  const cases: Array<[string, number[], new (...a: never[]) => Error, RegExp]> = [
    ['unknown opcode', [0x80, 2, 0xff], CorruptDataError, /unknown pickle opcode.*0xff/],
    ['stack underflow', [0x80, 2, 0x85], CorruptDataError, /stack underflow/],
    ['STOP on an empty stack', [0x80, 2, 0x2e], CorruptDataError, /stack underflow/],
    ['memo miss', [0x80, 2, 0x68, 7, 0x2e], CorruptDataError, /memo slot.*slot 7/],
    ['no MARK for TUPLE', [0x80, 2, 0x4e, 0x74, 0x2e], CorruptDataError, /MARK/],
    ['unsupported protocol', [0x80, 9, 0x4e, 0x2e], CorruptDataError, /protocol/],
    ['no STOP', [0x80, 2, 0x4e], CorruptDataError, /truncated/],
    ['length past the end', [0x80, 4, 0x8e, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], CorruptDataError, /truncated/],
    ['frame past the end', [0x80, 4, 0x95, 100, 0, 0, 0, 0, 0, 0, 0, 0x4e, 0x2e], CorruptDataError, /frame/],
    ['SETITEM on a list', [0x80, 2, 0x5d, 0x4e, 0x4e, 0x73, 0x2e], CorruptDataError, /not a dict/],
    ['invalid UTF-8', [0x80, 2, 0x8c, 2, 0xc3, 0x28, 0x2e], CorruptDataError, /UTF-8/],
    ['REDUCE on a non-global', [0x80, 2, 0x4e, 0x29, 0x52, 0x2e], UnsafeContentError, /not an allowlisted global/],
    ['BUILD on a list', [0x80, 2, 0x5d, 0x4b, 1, 0x62, 0x2e], UnsafeContentError, /BUILD/],
    ['persistent id without a loader', [0x80, 2, 0x4e, 0x51, 0x2e], UnsafeContentError, /persistent id/],
    ['EXT1', [0x80, 2, 0x82, 1, 0x2e], UnsafeContentError, /extension/],
    ['NEXT_BUFFER', [0x80, 5, 0x97, 0x2e], CorruptDataError, /out-of-band/],
  ];
  it.each(cases)('%s', (_label, bytes, type, message) => {
    const error = errorOf(bytes);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect((error as CorruptDataError).offset).toBeTypeOf('number');
  });

  it('refuses globals by module.name in every spelling: GLOBAL, STACK_GLOBAL, INST', () => {
    const global = [0x80, 2, 0x63, ...Buffer.from('os\nsystem\n'), 0x2e];
    const stack = [0x80, 4, 0x8c, 10, ...Buffer.from('subprocess'), 0x8c, 5, ...Buffer.from('Popen'), 0x93, 0x2e];
    const inst = [0x28, 0x69, ...Buffer.from('builtins\nexec\n'), 0x2e];
    expect((errorOf(global) as Error).message).toMatch(/os\.system is not allowed/);
    expect((errorOf(stack) as Error).message).toMatch(/subprocess\.Popen is not allowed/);
    expect(errorOf(inst)).toBeInstanceOf(UnsafeContentError);
    expect((errorOf(inst) as Error).message).toMatch(/builtins\.exec/);
  });

  it('keeps globals named in allowedPickleGlobals as inert PickledObjects', async () => {
    const bytes = readFileSync(`${FIXTURES}python-current/pickle/pandas_frame.pkl`);
    const pandasGlobals = ['pandas.DataFrame', 'pandas.core.internals.managers.BlockManager', 'pandas._libs.internals._unpickle_block', 'pandas.core.indexes.base._new_Index', 'pandas.core.indexes.base.Index', 'pandas.core.indexes.range.RangeIndex', 'builtins.slice'];
    const storage = new DLFriendlyStorage({ policy: { allowedPickleGlobals: pandasGlobals } });
    const value = await storage.decode(bytes, 'pickle').catch((e: unknown) => e);
    if (isStorageError(value)) {
      // a global outside the list is still named
      expect(value.message).toMatch(/is not allowed/);
    } else {
      expect(value).toBeInstanceOf(PickledObject);
      expect((value as PickledObject).global).toBe('pandas.DataFrame');
    }
  });

  it('applies maxDepth to nesting and maxElements to arrays', () => {
    const deep = [0x80, 2, ...Array(50).fill(0x28), 0x2e];
    expect(errorOf(deep, { maxDepth: 10 })).toBeInstanceOf(LimitExceededError);
    const nested = [0x80, 2, ...Array(30).fill(0x5d), ...Array(29).fill(0x61), 0x2e]; // [[[…]]] 30 deep
    expect(errorOf(nested, { maxDepth: 10 })).toBeInstanceOf(LimitExceededError);
    expect(unpickle(Uint8Array.from(nested))).toBeInstanceOf(Array);
    const sample = readFileSync(`${FIXTURES}python-current/pickle/sample_p4.pkl`);
    expect(errorOf(sample, { maxElements: 10 })).toBeInstanceOf(LimitExceededError);
  });

  it('gives a StorageError (never a crash) for 1000 seeded random corruptions of a real pickle', () => {
    const base = readFileSync(`${FIXTURES}python-current/pickle/sample_p5.pkl`);
    let seed = 20261126;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed);
    let decoded = 0;
    for (let round = 0; round < 1000; round++) {
      const bytes = Uint8Array.from(base);
      const flips = 1 + (next() % 4);
      for (let f = 0; f < flips; f++) bytes[next() % bytes.length] = next() & 0xff;
      const error = errorOf(bytes);
      if (error === undefined) decoded++;
      else if (!isStorageError(error)) throw new Error(`round ${round}: ${String(error)}`);
    }
    expect(decoded).toBeLessThan(1000);
  });
});
