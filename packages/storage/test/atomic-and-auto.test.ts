import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DLFriendlyStorage, FormatUnavailableError, NDArray, UnsupportedValueError, atomicWrite, isStorageError, load, save,
  StorageIOError,
} from '../src/index.js';
import { assertBitEqual } from './support/bit-equal.js';

const dir = () => mkdtempSync(join(tmpdir(), 'omega-storage-'));

describe('atomic writes', () => {
  it('replaces the file and keeps its mode', async () => {
    const d = dir();
    const file = join(d, 'a.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await atomicWrite(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(['a.json']);
  });

  it('writes byte chunks back to back, across the flush-while-writing chunk size, and empty content', async () => {
    const d = dir();
    const file = join(d, 'parts.bin');
    // 8 MiB is the flush chunk: one part below, one spanning several chunks with a ragged end, one empty, one byte.
    const parts = [3, 8 * 2 ** 20 * 2 + 12_345, 0, 1].map((n, k) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + k * 7) & 0xff));
    const total = parts.reduce((n, p) => n + p.length, 0);
    expect(await atomicWrite(file, parts)).toBe(total);
    expect(Buffer.compare(readFileSync(file), Buffer.concat(parts))).toBe(0);
    expect(await atomicWrite(file, new Uint8Array(0))).toBe(0);
    expect(statSync(file).size).toBe(0);
    expect(readdirSync(d)).toEqual(['parts.bin']);
  });

  it('saves with durable: false (no fsync) to the same bytes, and refuses a non-boolean durable', async () => {
    const d = dir();
    const value = { w: new NDArray('float64', [3], new Float64Array([1, -0, NaN])), note: 'x' };
    for (const format of ['json', 'npy', 'safetensors', 'hdf5'] as const) {
      const v = format === 'npy' ? value.w : format === 'safetensors' ? { w: value.w } : value;
      const fast = join(d, `fast.${format}`);
      const slow = join(d, `slow.${format}`);
      await save(v, fast, { format, durable: false });
      await save(v, slow, { format });
      assertBitEqual(await load(fast), await load(slow));
      if (format !== 'hdf5') expect(Buffer.compare(readFileSync(fast), readFileSync(slow))).toBe(0);
    }
    await expect(save(value, join(d, 'bad.json'), { durable: 'yes' as unknown as boolean })).rejects.toThrow(/durable must be a boolean/);
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('save writes exactly the bytes encode returns, for the formats that hand save their pieces', async () => {
    const d = dir();
    const big = new NDArray('float32', [70_000], Float32Array.from({ length: 70_000 }, (_, i) => Math.sin(i)));
    const cases: Array<[string, unknown, Record<string, unknown>]> = [
      ['npy', big, {}],
      ['safetensors', { w: big, b: new NDArray('int64', [2], new BigInt64Array([-1n, 2n ** 62n])) }, {}],
      ['npz', { w: big, e: new NDArray('int32', [0], new Int32Array(0)) }, {}],
      ['npz', { w: big }, { compress: true }],
      ['torch', { w: new NDArray('float32', [70_000], big.data, { tensor: true }), step: 3 }, {}],
      ['pickle', { w: big, label: 'x' }, { protocol: 3 }],
      ['pickle', { w: big }, { protocol: 2 }],
    ];
    for (const [format, value, extra] of cases) {
      const file = join(d, `out.${format}`);
      await save(value, file, { format, ...extra });
      const encoded = (await new DLFriendlyStorage().encode(value, { format, ...extra })) as Uint8Array;
      expect(Buffer.compare(readFileSync(file), Buffer.from(encoded)), `${format} ${JSON.stringify(extra)}`).toBe(0);
    }
  });

  it('leaves the old file intact and no temp file when the writer fails', async () => {
    const d = dir();
    const file = join(d, 'a.bin');
    writeFileSync(file, 'old');
    await expect(atomicWrite(file, async (temp) => {
      writeFileSync(temp, 'half');
      throw new Error('disk on fire');
    })).rejects.toThrow('disk on fire');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['a.bin']);
  });

  it('leaves the old file intact when the value cannot be encoded', async () => {
    const d = dir();
    const file = join(d, 'a.json');
    await save({ ok: 1 }, file);
    await expect(save({ bad: () => 1 }, file)).rejects.toBeInstanceOf(UnsupportedValueError);
    expect(await load(file)).toEqual({ ok: 1 });
    expect(readdirSync(d)).toEqual(['a.json']);
  });

  it('reports a missing directory as a typed IO error naming the file', async () => {
    const file = join(dir(), 'missing', 'x.json');
    const error = await save({ a: 1 }, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageIOError);
    expect((error as Error).message).toContain(file);
  });
});

describe('auto', () => {
  const arrays = { paths: new NDArray('float32', [2, 2], new Float32Array([1, 2, 3, 4])) };

  it('follows the seed rule: no arrays → json, arrays → compressed', async () => {
    const d = dir();
    expect((await save({ a: 1 }, join(d, 'x.out'))).format).toBe('json');
    expect((await save(arrays, join(d, 'y.out'))).format).toBe('compressed');
  });

  it('loads by content whatever the file is called (compressed text saved as .json)', async () => {
    const d = dir();
    const file = join(d, 'results.json');
    await save(arrays, file, 'compressed');
    assertBitEqual(await load(file), arrays);
    const renamed = join(d, 'results.bin');
    await save({ a: [1, 2] }, renamed, 'json');
    expect(await load(renamed)).toEqual({ a: [1, 2] });
  });

  it('refuses clearly above the HDF5 threshold when HDF5 is not registered', async () => {
    const { createRegistry, builtinFormats } = await import('../src/index.js');
    const storage = new DLFriendlyStorage({ hdf5ThresholdBytes: 8, registry: createRegistry({ formats: builtinFormats.filter((f) => f.name !== 'hdf5') }) });
    const error = await storage.save(arrays, join(dir(), 'big.out')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormatUnavailableError);
    expect((error as Error).message).toMatch(/16 bytes of array data.*hdf5/);
  });

  it('chooses a configured format', async () => {
    const storage = new DLFriendlyStorage({ auto: { withArrays: 'json' } });
    expect((await storage.save(arrays, join(dir(), 'x'))).format).toBe('json');
  });
});

describe('errors name where the problem is', () => {
  it('names the path inside the value for an unsupported value', async () => {
    const value = { mesh: { nodes: [{}, {}, {}, { onPay: () => 0 }] } };
    const error = await save(value, join(dir(), 'x.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedValueError);
    expect((error as UnsupportedValueError).path).toBe('$.mesh.nodes[3].onPay');
  });

  it('names a cycle', async () => {
    const a: Record<string, unknown> = { list: [] };
    (a.list as unknown[]).push(a);
    const error = await save(a, join(dir(), 'x.json')).catch((e: unknown) => e);
    expect((error as UnsupportedValueError).path).toBe('$.list[0]');
    expect((error as Error).message).toMatch(/cyclic/);
  });

  it('names symbols and class instances', async () => {
    class Widget {}
    await expect(save({ s: Symbol('x') }, join(dir(), 'x.json'))).rejects.toThrow(/\$\.s/);
    await expect(save({ w: new Widget() }, join(dir(), 'x.json'))).rejects.toThrow(/Widget.*\$\.w/);
  });

  it('names file and format for corrupt input', async () => {
    const file = join(dir(), 'bad.json');
    writeFileSync(file, '{"a": [1, 2,');
    const error = await load(file).catch((e: unknown) => e);
    expect(isStorageError(error)).toBe(true);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('format json');
  });

  it('refuses an unknown marker payload only when the marker is ours and malformed', async () => {
    const storage = new DLFriendlyStorage();
    await expect(storage.decode('{"x":{"__type__":"numpy_array","dtype":"float32","shape":[2,2],"data":[[1,2],[3]]}}', 'json')).rejects.toThrow(/\$\.x\.data\[1\]/);
    expect(await storage.decode('{"x":{"__type__":"invoice","n":1}}', 'json')).toEqual({ x: { __type__: 'invoice', n: 1 } });
  });
});

describe('custom codecs', () => {
  class Point {
    constructor(readonly x: number, readonly y: number) {}
  }
  it('round-trips a registered class, user codec first', async () => {
    const { createRegistry, builtinFormats } = await import('../src/index.js');
    const registry = createRegistry({ formats: builtinFormats });
    registry.registerCodec<Point>({ name: 'Point', isApplicable: (v): v is Point => v instanceof Point, serialize: (p) => [p.x, p.y], deserialize: (s) => new Point(...(s as [number, number])) });
    const storage = new DLFriendlyStorage({ registry });
    const back = (await storage.decode(await storage.encode({ p: new Point(1, -0) }, 'json'), 'json')) as { p: Point };
    expect(back.p).toBeInstanceOf(Point);
    expect(Object.is(back.p.y, -0)).toBe(true);
    const refused = new DLFriendlyStorage({ registry, policy: { allowedCustomTypes: [] } });
    await expect(refused.decode(await storage.encode({ p: new Point(1, 2) }, 'json'), 'json')).rejects.toThrow(/Point.*not allowed/);
  });
});
