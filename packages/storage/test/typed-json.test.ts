import { describe, expect, it } from 'vitest';
import { DLFriendlyStorage, NDArray, PreciseDate, fromJSONSafe, toJSONSafe } from '../src/index.js';

const storage = new DLFriendlyStorage();

describe('typed JSON details', () => {
  it('writes small finite arrays as nested lists and large ones as base64', () => {
    const small = toJSONSafe(new NDArray('float64', [2, 2], new Float64Array([1, 2, 3, 4]))) as Record<string, unknown>;
    expect(small).toEqual({ __type__: 'numpy_array', dtype: 'float64', shape: [2, 2], data: [[1, 2], [3, 4]] });
    const large = toJSONSafe(new NDArray('float64', [100], new Float64Array(100))) as Record<string, unknown>;
    expect(large.encoding).toBe('base64');
    const withNaN = toJSONSafe(new NDArray('float64', [2], new Float64Array([1, NaN]))) as Record<string, unknown>;
    expect(withNaN.encoding).toBe('base64');
  });

  it('keeps the shape of empty arrays and ints as ints', async () => {
    const back = (await storage.decode('{"__type__":"numpy_array","dtype":"float64","shape":[0,3],"data":[]}', 'json')) as NDArray;
    expect(back.shape).toEqual([0, 3]);
    const ints = (await storage.decode('{"__type__":"numpy_array","dtype":"int64","shape":[2],"data":[9007199254740993, -1]}', 'json')) as NDArray;
    expect([...(ints.data as BigInt64Array)]).toEqual([9007199254740993n, -1n]);
  });

  it('reads Python’s bare NaN/Infinity tokens, big integers and \\u escapes', async () => {
    const v = (await storage.decode('{"a": NaN, "b": -Infinity, "c": Infinity, "d": 1180591620717411303424, "e": "Zo\\u00eb \\u2603"}', 'json')) as Record<string, unknown>;
    expect(v.a).toBeNaN();
    expect(v.b).toBe(-Infinity);
    expect(v.c).toBe(Infinity);
    expect(v.d).toBe(2n ** 70n);
    expect(v.e).toBe('Zoë ☃');
  });

  it('splices large payloads in after stringifying and reads them back bit for bit', async () => {
    const big = new NDArray('float64', [300, 100], Float64Array.from({ length: 30_000 }, (_, i) => Math.sin(i) * 1e6));
    const text = (await storage.encode({ a: big, b: big, label: 'x' }, { format: 'json', pretty: true })) as string;
    expect(text).not.toMatch(/omega-deferred-payload/);
    const back = (await storage.decode(text, 'json')) as { a: NDArray; b: NDArray; label: string };
    expect(Buffer.from(back.a.bytes()).equals(Buffer.from(big.bytes()))).toBe(true);
    expect(Buffer.from(back.b.bytes()).equals(Buffer.from(big.bytes()))).toBe(true);
    expect(back.label).toBe('x');
  });

  it('re-parses exactly when JSON.parse rounded an integer, wherever it sits', async () => {
    const v = (await storage.decode('{"ids": [1, 9007199254740993], "m": {"__type__": "map", "entries": [[18446744073709551615, "max"]]}}', 'json')) as { ids: unknown[]; m: Map<unknown, string> };
    expect(v.ids).toEqual([1, 9007199254740993n]);
    expect([...v.m.keys()]).toEqual([18446744073709551615n]);
    expect(await storage.decode('-9007199254740993', 'json')).toBe(-9007199254740993n);
    expect(await storage.decode('[1e300, 2.5]', 'json')).toEqual([1e300, 2.5]);
  });

  it('keeps Python microseconds and writes them back', () => {
    const d = fromJSONSafe({ __type__: 'datetime', iso: '2025-07-17T01:06:14.618679' }) as PreciseDate;
    expect(d).toBeInstanceOf(PreciseDate);
    expect(d.toISOString()).toBe('2025-07-17T01:06:14.618Z');
    expect(d.microsecond).toBe(679);
    expect(toJSONSafe(d)).toEqual({ __type__: 'datetime', iso: '2025-07-17T01:06:14.618679+00:00' });
    const offset = fromJSONSafe({ __type__: 'datetime', iso: '2025-07-17T03:00:00+02:00' }) as Date;
    expect(offset.toISOString()).toBe('2025-07-17T01:00:00.000Z');
  });

  it('reads the seed’s torch_tensor dtype names', () => {
    const t = fromJSONSafe({ __type__: 'torch_tensor', dtype: 'torch.float32', shape: [2], data: [1.5, 2] }) as NDArray;
    expect(t.tensor).toBe(true);
    expect(t.dtype).toBe('float32');
    expect(toJSONSafe(t)).toEqual({ __type__: 'torch_tensor', dtype: 'torch.float32', shape: [2], data: [1.5, 2] });
  });

  it('refuses base64 payloads of the wrong length', async () => {
    await expect(storage.decode('{"__type__":"numpy_array","dtype":"float32","shape":[2],"encoding":"base64","data":"AAAA"}', 'json')).rejects.toThrow(/wrong length/);
  });

  it('refuses nesting beyond the policy depth', async () => {
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    await expect(storage.decode(deep, 'json')).rejects.toThrow(/nesting too deep/);
    const shallow = new DLFriendlyStorage({ policy: { maxDepth: 5000 } });
    await expect(shallow.decode(deep, 'json')).resolves.toBeDefined();
  });

  it('does not let a __proto__ key pollute prototypes', async () => {
    const v = (await storage.decode('{"__proto__": {"polluted": 1}}', 'json')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
});
