import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { DLFriendlyStorage, NDArray, isStorageError, load, openHDF5, save, withHDF5, type StorageError } from '../src/index.js';
import { assertBitEqual } from './support/bit-equal.js';
import { arrayOf } from './support/sample-values.js';

const dir = mkdtempSync(join(tmpdir(), 'omega-hdf5-'));
const file = (name: string) => join(dir, name);

async function storageError(p: Promise<unknown>): Promise<StorageError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(isStorageError(error), String(error)).toBe(true);
  return error as StorageError;
}

/** Elements [start, stop) per dimension of a C-order array, computed independently of the reader. */
function expectedSlice(arr: NDArray, ranges: Array<[number, number]>): number[] {
  const out: number[] = [];
  const strides = arr.shape.map((_, d) => arr.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const walk = (d: number, base: number) => {
    const [a, b] = ranges[d] ?? [0, arr.shape[d]!];
    for (let i = a; i < b; i++) {
      if (d === arr.shape.length - 1) out.push((arr.data as Float64Array)[base + i]!);
      else walk(d + 1, base + i * strides[d]!);
    }
  };
  walk(0, 0);
  return out;
}

describe('hdf5: public API', () => {
  it('exports the hdf5 names', () => {
    expect(Object.keys(api).filter((k) => /hdf5/i.test(k)).sort()).toEqual(['hdf5Format', 'openHDF5', 'withHDF5']);
  });
});

describe('hdf5: data larger than one wasm call goes through in slices', () => {
  const arr = arrayOf('float64', [20, 30, 7]);

  it('writes and reads back with a 1000-byte slice limit (blocks inside dimension 1)', async () => {
    const path = file('sliced.h5');
    await save({ arr }, path, { format: 'hdf5', hdf5SliceBytes: 1000, hdf5CompressAboveBytes: 4096 });
    assertBitEqual(await load(path, { format: 'hdf5', hdf5SliceBytes: 1000 }), { arr });
    assertBitEqual(await load(path), { arr });
  });

  it('reads only the requested hyperslab, also when it spans several slices', async () => {
    const path = file('sliced.h5');
    await withHDF5(path, (f) => {
      const ds = f.get('arr');
      if (ds.kind !== 'dataset') throw new Error('expected a dataset');
      expect([ds.dtype, ...ds.shape]).toEqual(['float64', 20, 30, 7]);
      for (const ranges of [[[3, 9], [2, 25]], [[0, 20]], [[19, 20], [29, 30], [6, 7]], [[5, 5]]] as Array<Array<[number, number]>>) {
        const got = ds.slice(ranges) as NDArray;
        expect([...(got.data as Float64Array)]).toEqual(expectedSlice(arr, ranges));
      }
    }, { sliceBytes: 64 });
  });

  it('refuses out-of-bounds ranges and use after close with typed errors', async () => {
    const f = await openHDF5(file('sliced.h5'));
    const ds = f.get('/arr');
    if (ds.kind !== 'dataset') throw new Error('expected a dataset');
    expect(() => ds.slice([[0, 21]])).toThrow(/out of bounds/);
    expect(() => ds.slice([[0, 1], [0, 1], [0, 1], [0, 1]])).toThrow(/more slice ranges/);
    expect(() => f.get('nope')).toThrow(/no group or dataset/);
    f.close();
    expect(() => ds.read()).toThrow(/closed/);
  });
});

describe('hdf5: layout and exact round trips', () => {
  it('keeps keys HDF5 cannot use as names, long texts, lists of arrays and typed-JSON values', async () => {
    const value = {
      '': 1, '.': 2, 'a/b': 3, '%41': 4, _omega_kinds: 'user data', '__proto__x': [1, 'two', { three: 3 }],
      long: 'x'.repeat(100_000),
      map: new Map<unknown, unknown>(Array.from({ length: 3000 }, (_, i) => [i, `value ${i}`])),
      list: [arrayOf('int16', [4]), 'text', { inner: arrayOf('uint8', [3]) }, null],
      nothing: null, missing: undefined, when: new Date(Date.UTC(1901, 0, 1)), invalid: new Date(NaN),
      tensor: new NDArray('bfloat16', [2], new Uint16Array([0x3f80, 0x7fc1]), { tensor: true }),
      withNul: new NDArray('str', [2], ['a\u0000b', 'c']),
    };
    const path = file('layout.h5');
    await save(value, path, 'hdf5');
    assertBitEqual(await load(path), value);
    await withHDF5(path, (f) => {
      expect(f.keys()).toEqual(expect.arrayContaining(['list', 'long', 'map', 'tensor']));
      expect(Object.keys(f.attrs())).toEqual(expect.arrayContaining(['%', '%2E', 'a%2Fb', '%2541', '%5Fomega_kinds', 'when', 'withNul']));
      const list = f.get('list');
      expect(list.kind).toBe('group');
      expect(f.attrs()).toMatchObject({ when: '1901-01-01T00:00:00+00:00' });
    });
  });

  it('wraps a value that is not an object in a root entry', async () => {
    for (const value of [arrayOf('complex128', [3]), [arrayOf('int8', [2]), 5], 'text', 7n]) {
      const path = file('wrapped.h5');
      await save(value, path, 'hdf5');
      assertBitEqual(await load(path), value);
    }
  });

  it('compresses large datasets with gzip at compressionLevel', async () => {
    const smooth = new NDArray('float64', [100_000], Float64Array.from({ length: 100_000 }, (_, i) => Math.floor(i / 100)));
    const sizes: number[] = [];
    for (const level of [0, 6]) {
      const path = file(`level${level}.h5`);
      sizes.push((await new DLFriendlyStorage({ compressionLevel: level }).save({ smooth }, path, 'hdf5')).bytes);
      assertBitEqual(await load(path), { smooth });
    }
    expect(sizes[0]).toBeGreaterThan(800_000);
    expect(sizes[1]! * 20).toBeLessThan(sizes[0]!);
  });
});

describe('hdf5: auto', () => {
  it('chooses hdf5 above hdf5ThresholdBytes and loads it back by content', async () => {
    const storage = new DLFriendlyStorage({ hdf5ThresholdBytes: 1000 });
    const value = { a: arrayOf('float32', [300]), meta: { n: 1 } };
    const path = file('auto-result.bin');
    expect((await storage.save(value, path)).format).toBe('hdf5');
    expect([...readFileSync(path).subarray(0, 4)]).toEqual([0x89, 0x48, 0x44, 0x46]);
    assertBitEqual(await storage.load(path), value);
    expect((await storage.save({ a: arrayOf('float32', [100]) }, file('small.bin'))).format).not.toBe('hdf5');
  });
});

describe('hdf5: errors', () => {
  it('names the file for non-HDF5 and truncated input', async () => {
    const junk = file('junk.h5');
    writeFileSync(junk, 'not hdf5 at all');
    const e1 = await storageError(load(junk, 'hdf5'));
    expect(e1.message).toMatch(/not an HDF5 file.*junk\.h5/);
    const good = file('good.h5');
    await save({ a: arrayOf('int32', [1000]) }, good, 'hdf5');
    const cut = file('cut.h5');
    writeFileSync(cut, readFileSync(good).subarray(0, 3000));
    const e2 = await storageError(load(cut));
    expect([e2.code, e2.file]).toEqual(['CORRUPT_DATA', cut]);
    expect(e2.message).toMatch(/truncated/);
  });

  it('names the path of values it cannot store', async () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    const e1 = await storageError(save(cyclic, file('cyclic.h5'), 'hdf5'));
    expect([e1.code, e1.path]).toEqual(['UNSUPPORTED_VALUE', '$.self.back']);
    const e2 = await storageError(save({ deep: { list: [1, { fn: () => 1 }] } }, file('fn.h5'), 'hdf5'));
    expect([e2.code, e2.path]).toEqual(['UNSUPPORTED_VALUE', '$.deep.list[1].fn']);
  });

  it('applies the load policy', async () => {
    const path = file('policy.h5');
    await save({ a: arrayOf('int32', [1000]) }, path, 'hdf5');
    const e = await storageError(load(path, { format: 'hdf5', policy: { maxElements: 999 } }));
    expect([e.code, e.path]).toEqual(['LIMIT_EXCEEDED', '/a']);
    const e2 = await storageError(load(path, { policy: { maxInputBytes: 100 } }));
    expect(e2.code).toBe('LIMIT_EXCEEDED');
  });
});
