/** numpy (Debian's /usr/bin/python3) reads the npy/npz files we write, and we read the tricky ones it writes — bit for bit. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DLFriendlyStorage, NDArray, load } from '../src/index.js';
import { runPython } from './support/python.js';
import { arrayOf, nanWithPayload } from './support/sample-values.js';

const storage = new DLFriendlyStorage();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(`${tmpdir()}/npy-python-`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function f16(bits: number[]): NDArray {
  return new NDArray('float16', [bits.length], Uint16Array.from(bits));
}

/** Arrays whose exact bits numpy must see: NaN payloads, −0, 64-bit extremes, bool, float16, complex, strings. */
function interopArrays(): Record<string, NDArray> {
  const nan = nanWithPayload()[0]!;
  const f64 = new Float64Array([0, -0, nan, Infinity, -Infinity, 5e-324, Number.MAX_VALUE]);
  new Uint8Array(f64.buffer).set(new Uint8Array(nanWithPayload().buffer), 16);
  const f32 = new Float32Array(3);
  new DataView(f32.buffer).setUint32(0, 0x7fc0_1234, true);
  f32[1] = -0;
  f32[2] = 1.401298464324817e-45;
  const c128 = new Float64Array([1.5, -0, nan, 2 ** -1074]);
  new Uint8Array(c128.buffer).set(new Uint8Array(nanWithPayload().buffer), 16);
  return {
    f64_specials: new NDArray('float64', [7], f64),
    f32_specials: new NDArray('float32', [3], f32),
    i64_extremes: new NDArray('int64', [4], new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n, -(2n ** 53n) - 1n])),
    u64_extremes: new NDArray('uint64', [3], new BigUint64Array([0n, 2n ** 64n - 1n, 2n ** 53n + 1n])),
    bool: new NDArray('bool', [2, 3], new Uint8Array([1, 0, 0, 1, 1, 0])),
    f16_specials: f16([0x7c00, 0xfc00, 0x8000, 0x7e01, 0x0001, 0x7bff]),
    c64: arrayOf('complex64', [2, 2]),
    c128_specials: new NDArray('complex128', [2], c128),
    strings: new NDArray('str', [2, 2], ['alpha', 'β', '', 'Zoë ☃ 🎉 with a\u0000inner NUL']),
    scalar_0d: new NDArray('float32', [], new Float32Array([3.25])),
    empty: new NDArray('int32', [0, 3], new Int32Array(0)),
    i8: arrayOf('int8', [3, 4]), i16: arrayOf('int16', [5]), i32: arrayOf('int32', [2, 2, 2]),
    u8: arrayOf('uint8', [7]), u16: arrayOf('uint16', [3]), u32: arrayOf('uint32', [3]), f32: arrayOf('float32', [4, 5]),
  };
}

const DESCR: Record<string, string> = {
  bool: '|b1', int8: '|i1', uint8: '|u1', int16: '<i2', int32: '<i4', int64: '<i8', uint16: '<u2', uint32: '<u4', uint64: '<u8',
  float16: '<f2', float32: '<f4', float64: '<f8', complex64: '<c8', complex128: '<c16',
};

/** Prints one JSON line per array: name, dtype.str, shape, little-endian C-order bytes (hex) or the strings. */
const DUMP = `
import json, sys, numpy as np
def dump(name, a):
    out = {'name': name, 'dtype': a.dtype.str, 'shape': list(a.shape), 'c_contiguous': bool(a.flags.c_contiguous)}
    if a.dtype.kind == 'U':
        out['values'] = [str(x) for x in a.reshape(-1).tolist()]
    else:
        out['hex'] = np.ascontiguousarray(a).astype(a.dtype.newbyteorder('<')).tobytes().hex()
    print(json.dumps(out))
for path in sys.argv[1:]:
    if path.endswith('.npz'):
        with np.load(path, allow_pickle=False) as z:
            for k in z.files: dump(path.split('/')[-1] + ':' + k, z[k])
    else:
        dump(path.split('/')[-1][:-4], np.load(path, allow_pickle=False))
`;

interface Dumped { name: string; dtype: string; shape: number[]; hex?: string; values?: string[] }

function parseDump(text: string): Map<string, Dumped> {
  return new Map(text.trim().split('\n').map((line) => {
    const d = JSON.parse(line) as Dumped;
    return [d.name, d];
  }));
}

function expectSame(d: Dumped | undefined, array: NDArray, label: string): void {
  expect(d, label).toBeDefined();
  expect(d!.shape, label).toEqual([...array.shape]);
  if (array.dtype === 'str') {
    expect(d!.dtype.startsWith('<U'), label).toBe(true);
    expect(d!.values, label).toEqual(array.data);
  } else {
    expect(d!.dtype, label).toBe(DESCR[array.dtype]);
    expect(d!.hex, label).toBe(Buffer.from(array.bytes()).toString('hex'));
  }
}

describe('numpy reads what we write', () => {
  const arrays = interopArrays();

  it('loads every .npy bit for bit', async () => {
    const paths: string[] = [];
    for (const [name, array] of Object.entries(arrays)) {
      await storage.save(array, `${dir}/${name}.npy`, 'npy');
      paths.push(`${dir}/${name}.npy`);
    }
    const dumped = parseDump(runPython(DUMP, paths));
    for (const [name, array] of Object.entries(arrays)) expectSame(dumped.get(name), array, name);
  });

  it('loads stored and deflated .npz bit for bit', async () => {
    await storage.save(arrays, `${dir}/plain.npz`, 'npz');
    await storage.save(arrays, `${dir}/deflated.npz`, { format: 'npz', compress: true });
    const dumped = parseDump(runPython(DUMP, [`${dir}/plain.npz`, `${dir}/deflated.npz`]));
    for (const file of ['plain.npz', 'deflated.npz']) {
      for (const [name, array] of Object.entries(arrays)) expectSame(dumped.get(`${file}:${name}`), array, `${file}:${name}`);
    }
  });
});

describe('we read what numpy writes: byte order, Fortran order, v2/v3 headers, strings', () => {
  const WRITE = `
import sys, json, numpy as np
from numpy.lib import format as fmt
d = sys.argv[1]
cases = {
  'be_fortran_c128': np.asfortranarray((np.arange(24).reshape(2, 3, 4) * (1 + 2j)).astype('>c16')),
  'be_fortran_str': np.asfortranarray(np.array([['α', '🎉x', 'q'], ['', 'long string', 'z']], dtype='>U11')),
  'be_f2': np.array([np.nan, -0.0, np.inf, 65504, 6e-8], dtype='>f2'),
  'bool_0d': np.array(True),
  'fortran_i8_empty': np.asfortranarray(np.zeros((3, 0, 2), dtype='>i8')),
  'fortran_u2': np.asfortranarray(np.arange(60, dtype='<u2').reshape(3, 4, 5)),
  'v2_i8': np.array([-2**63, 2**63 - 1], dtype='<i8'),
  'v3_u8': np.array([0, 2**64 - 1, 2**53 + 1], dtype='>u8'),
}
for name, a in cases.items():
    version = (2, 0) if name.startswith('v2') else (3, 0) if name.startswith('v3') else None
    with open(f'{d}/{name}.npy', 'wb') as fh:
        fmt.write_array(fh, a, version=version)
    out = {'name': name, 'shape': list(a.shape), 'kind': a.dtype.kind}
    if a.dtype.kind == 'U': out['values'] = [str(x) for x in np.ascontiguousarray(a).reshape(-1).tolist()]
    else: out['hex'] = np.ascontiguousarray(a).astype(a.dtype.newbyteorder('<')).tobytes().hex()
    print(json.dumps(out))
`;

  it('loads each file to the C-order little-endian bytes numpy reports', async () => {
    const expected = runPython(WRITE, [dir]).trim().split('\n').map((l) => JSON.parse(l) as Dumped & { kind: string });
    expect(expected.length).toBe(8);
    for (const e of expected) {
      const array = (await load(`${dir}/${e.name}.npy`)) as NDArray;
      expect(array.shape, e.name).toEqual(e.shape);
      if (e.kind === 'U') expect(array.data, e.name).toEqual(e.values);
      else expect(Buffer.from(array.bytes()).toString('hex'), e.name).toBe(e.hex);
    }
  });
});
