/**
 * `load`/`decode` of HDF5 run h5wasm in a worker thread with a deadline (src/formats/hdf5/worker-client.ts): a
 * file that makes the C library loop forever or abort costs one worker, never the caller's thread, and every value
 * crosses back exactly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Complex } from 'complex.js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CorruptDataError, DecodeTimeoutError, InvalidArgumentError, NDArray, PreciseDate, inspect, load, resolvePolicy, save,
} from '../src/index.js';
import { defaultDecodeTimeoutMs } from '../src/formats/hdf5/worker-client.js';
import { expectRefused } from './hardening/_hostile.js';

const HANG = fileURLToPath(new URL('./fixtures/regressions/hdf5-fuzz-hang.h5', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'omega-hdf5-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function goodFile(name: string, n: number): Promise<string> {
  const path = join(dir, name);
  await save({ w: new NDArray('float64', [n], Float64Array.from({ length: n }, (_, i) => i * 0.25)), n }, path, 'hdf5');
  return path;
}

function expectGood(value: unknown, n: number): void {
  const v = value as { w: NDArray; n: number };
  expect(v.n).toBe(n);
  expect(v.w).toBeInstanceOf(NDArray);
  expect([...(v.w.data as Float64Array)]).toEqual(Array.from({ length: n }, (_, i) => i * 0.25));
}

describe('HDF5 decode worker', () => {
  it('stops a file that makes HDF5 loop forever at the deadline, with a typed error naming file and deadline', async () => {
    expectGood(await load(await goodFile('before-hang.h5', 4)), 4); // worker started: its start-up is not timed below
    const t0 = performance.now();
    const error = await expectRefused('CORRUPT_DATA', () => load(HANG, { format: 'hdf5', policy: { hdf5DecodeTimeoutMs: 1500 } }));
    const elapsed = performance.now() - t0;
    expect(error).toBeInstanceOf(DecodeTimeoutError);
    expect(error).toBeInstanceOf(CorruptDataError);
    expect(error.file).toBe(HANG);
    expect(error.message).toContain('1500 ms');
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(1500 + 2500); // the deadline, plus slack for a loaded 2-core machine
    // The looping worker was terminated; the next load gets a fresh one.
    expectGood(await load(await goodFile('after-hang.h5', 5)), 5);
  }, 30_000);

  it('runs inspect (header walk, as `omega inspect` does) in the worker too, under the same deadline', async () => {
    const error = await expectRefused('CORRUPT_DATA', () => inspect(HANG, { format: 'hdf5', policy: { hdf5DecodeTimeoutMs: 1500 } }));
    expect(error).toBeInstanceOf(DecodeTimeoutError);
    expect(error.file).toBe(HANG);
    const { tree } = await inspect(await goodFile('inspected.h5', 6), { format: 'hdf5' });
    expect(tree.type).toBe('group');
    expect(tree.children?.find((c) => c.key === 'w')).toMatchObject({ type: 'dataset', dtype: 'float64', shape: [6], size: 48 });
  }, 30_000);

  it('classifies a file that makes the HDF5 library abort as CORRUPT_DATA, and recovers', async () => {
    // The hang file with a non-zero but far too large free-space object in its global heap: HDF5's parser then
    // stops looping and fails an internal assertion instead (abort()).
    const bytes = new Uint8Array(readFileSync(HANG));
    const gcol = Buffer.from(bytes).indexOf('GCOL');
    const freeAt = gcol + 16 + (16 + 8) + (16 + 8) + (16 + 16); // collection header, then objects "bool", "mesh", '["n","label"]'
    expect(Buffer.from(bytes.subarray(freeAt - 16, freeAt - 3)).toString('latin1')).toBe('["n","label"]');
    new DataView(bytes.buffer).setBigUint64(freeAt + 8, 3998n << 16n, true);
    const aborting = join(dir, 'aborting.h5');
    writeFileSync(aborting, bytes);
    const error = await expectRefused('CORRUPT_DATA', () => load(aborting, { format: 'hdf5', policy: { hdf5DecodeTimeoutMs: 10_000 } }));
    expect(error.file).toBe(aborting);
    expect(error.message).toMatch(/abort/);
    for (let i = 0; i < 3; i++) expectGood(await load(await goodFile(`after-abort-${i}.h5`, 3 + i)), 3 + i);
  }, 30_000);

  it('serves concurrent loads one by one, each with its own result, a hang among them', async () => {
    const files = await Promise.all([1, 2, 3, 4].map((n) => goodFile(`concurrent-${n}.h5`, n)));
    const results = await Promise.allSettled([
      load(files[0]!), load(files[1]!),
      load(HANG, { format: 'hdf5', policy: { hdf5DecodeTimeoutMs: 1000 } }),
      load(files[2]!), load(files[3]!),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    [0, 1, 3, 4].forEach((i, k) => expectGood((results[i] as PromiseFulfilledResult<unknown>).value, k + 1));
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(DecodeTimeoutError);
  }, 30_000);

  it('brings classes back exactly (NDArray, PreciseDate, Complex, Map, bigint, __proto__ keys)', async () => {
    const value: Record<string, unknown> = {
      f16: new NDArray('float16', [3], Uint16Array.from([0x7e01, 0x8000, 0x3c00])),
      i64: new NDArray('int64', [2], BigInt64Array.from([2n ** 62n + 1n, -5n]), { tensor: true }),
      c128: new NDArray('complex128', [1], Float64Array.from([1.5, -0])),
      flags: new NDArray('bool', [2, 1], Uint8Array.from([1, 0])),
      words: new NDArray('str', [2], ['α', '']),
      when: new PreciseDate(Date.UTC(2026, 10, 27, 1, 5, 52, 436), 578),
      plainDate: new Date(Date.UTC(2000, 0, 1)),
      z: new Complex(2, -3),
      big: 2n ** 60n,
      map: new Map<unknown, unknown>([[1, 'one'], ['k', [true, null]]]),
      list: [new NDArray('uint8', [2], Uint8Array.from([7, 8])), 'x'],
    };
    Object.defineProperty(value, '__proto__', { value: { polluted: 1 }, enumerable: true, writable: true, configurable: true });
    const path = join(dir, 'classes.h5');
    await save(value, path, 'hdf5');
    const back = (await load(path)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ polluted: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const key of ['f16', 'i64', 'c128', 'flags', 'words']) {
      const a = back[key] as NDArray;
      const b = value[key] as NDArray;
      expect(a, key).toBeInstanceOf(NDArray);
      expect([a.dtype, a.shape, a.tensor], key).toEqual([b.dtype, b.shape, b.tensor]);
      expect(a.dtype === 'str' ? a.data : [...a.bytes()], key).toEqual(b.dtype === 'str' ? b.data : [...b.bytes()]);
    }
    expect(Object.is((back.c128 as NDArray<Float64Array>).data[1], -0)).toBe(true);
    expect(back.when).toBeInstanceOf(PreciseDate);
    expect([(back.when as PreciseDate).getTime(), (back.when as PreciseDate).microsecond]).toEqual([Date.UTC(2026, 10, 27, 1, 5, 52, 436), 578]);
    expect(back.plainDate).toBeInstanceOf(Date);
    expect((back.plainDate as Date).getTime()).toBe(Date.UTC(2000, 0, 1));
    expect(back.z).toBeInstanceOf(Complex);
    expect([(back.z as Complex).re, (back.z as Complex).im]).toEqual([2, -3]);
    expect(back.big).toBe(2n ** 60n);
    expect(back.map).toEqual(value.map);
    expect((back.list as unknown[])[0]).toBeInstanceOf(NDArray);
    expect((back.list as unknown[])[1]).toBe('x');
  });

  it('gives a deadline that grows with the file size and validates the policy field', () => {
    expect(defaultDecodeTimeoutMs(0)).toBe(30_000);
    expect(defaultDecodeTimeoutMs(100 * 2 ** 20)).toBe(55_000);
    expect(defaultDecodeTimeoutMs(3 * 2 ** 30)).toBe(30_000 + 768_000);
    for (const bad of [0, -1, Number.NaN, '5' as unknown as number]) {
      expect(() => resolvePolicy({ hdf5DecodeTimeoutMs: bad }), String(bad)).toThrow(InvalidArgumentError);
    }
    expect(resolvePolicy({ hdf5DecodeTimeoutMs: Infinity }).hdf5DecodeTimeoutMs).toBe(Infinity);
    expect(resolvePolicy().hdf5DecodeTimeoutMs).toBeUndefined();
  });
});
