/**
 * The json format's fast paths (one-pass writer, path-free decoder) must be invisible: the same text as
 * JSON.stringify(toJSONSafe(v)), the same values as fromJSONSafe, and the same errors with the same paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DLFriendlyStorage, NDArray, PreciseDate, formatIsoDateTime, fromJSONSafe, isStorageError, parseIsoDateTime, toJSONSafe } from '../src/index.js';
import { valueArbitrary } from './support/arbitraries.js';
import { assertBitEqual } from './support/bit-equal.js';
import { arraysByDtype, containerValues, scalarValues, specialArrays } from './support/sample-values.js';

const storage = new DLFriendlyStorage();
const samples: Array<[string, unknown]> = [...arraysByDtype(), ...specialArrays(), ...scalarValues(), ...containerValues()];

function records(n: number): Array<Record<string, unknown>> {
  let s = 11;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({
    id: i,
    name: `subject-${i}`,
    ts: i % 3 === 0 ? new PreciseDate(Date.UTC(2025, 0, 1) + i * 3_600_000, i % 1000) : new Date(Date.UTC(2025, 0, 1) + i * 3_600_000),
    values: Float64Array.from({ length: 16 }, () => rnd() * 1000),
    tags: ['a', `t${i % 7}`],
  }));
}

/** What an error says, minus the format name storage.decode adds to it. */
function facts(error: unknown): string {
  const e = error as { constructor: { name: string }; code?: string; path?: string; expected?: string; received?: string; message: string };
  return JSON.stringify([e.constructor.name, e.code, e.path, e.expected, e.received, e.message.replace(/format json, /, '')]);
}

async function errorOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(isStorageError(error)).toBe(true);
    return facts(error);
  }
  throw new Error('expected an error');
}

describe('typed JSON writer', () => {
  it('writes exactly what JSON.stringify of the marker tree writes (samples, records, nested)', async () => {
    const values: unknown[] = [...samples.map(([, v]) => v), records(50), { nested: samples.map(([, v]) => [v, { v }]) }];
    for (const v of values) {
      expect(await storage.encode(v, 'json')).toBe(JSON.stringify(toJSONSafe(v)));
      expect(await storage.encode(v, { format: 'json', listMaxElements: 100 })).toBe(JSON.stringify(toJSONSafe(v, { listMaxElements: 100 })));
    }
  });

  it('writes exactly what JSON.stringify of the marker tree writes (random values)', async () => {
    await fc.assert(fc.asyncProperty(valueArbitrary(), async (v) => {
      expect(await storage.encode(v, 'json')).toBe(JSON.stringify(toJSONSafe(v)));
    }), { seed: 20261127, numRuns: 300 });
  });

  it('escapes strings and keys as JSON.stringify does', async () => {
    const strings = ['plain', 'quote " and \\ backslash', 'ctl \u0000\u0001\u001f\u007f', 'lone \ud800 and pair \ud83d\ude00', 'Zoë ☃', 'x'.repeat(100) + '\n', '\u2028\u2029'];
    for (const s of strings) {
      const v = { [s]: s, list: [s], map: new Map([[s, s]]) };
      expect(await storage.encode(v, 'json')).toBe(JSON.stringify(toJSONSafe(v)));
    }
  });

  it('reports unsupported values with the same path as the tree encoder', async () => {
    const cyclic: Record<string, unknown> = { a: [1, { b: null }] };
    (cyclic.a as Array<Record<string, unknown>>)[1]!.b = cyclic;
    const viaMap = [new Map<unknown, unknown>([[1, null]])];
    viaMap[0]!.set(2, viaMap);
    let deep: unknown = 1;
    for (let i = 0; i < 1200; i++) deep = i % 2 ? [deep] : { a: deep };
    const cases: Array<[unknown, RegExp]> = [
      [{ mesh: { nodes: [0, 1, 2, { onPay() {} }] } }, /\$\.mesh\.nodes\[3\]\.onPay/],
      [cyclic, /cyclic reference.*\$\.a\[1\]\.b/],
      [viaMap, /cyclic reference.*\$\[0\]\.get\(1\)/],
      [deep, /nesting too deep/],
      [{ w: new WeakMap() }, /\$\.w/],
    ];
    for (const [value, pattern] of cases) {
      const message = await errorOf(() => storage.encode(value, 'json'));
      expect(message).toMatch(pattern);
      let treeMessage = '';
      try {
        toJSONSafe(value);
      } catch (error) {
        treeMessage = facts(error);
      }
      expect(message).toBe(treeMessage);
    }
  });
});

describe('typed JSON path-free decoder', () => {
  it('returns what fromJSONSafe returns, bit for bit (samples, records, random values)', async () => {
    const check = async (v: unknown) => {
      const text = (await storage.encode(v, 'json')) as string;
      assertBitEqual(await storage.decode(text, 'json'), fromJSONSafe(JSON.parse(text)));
    };
    for (const [, v] of samples) await check({ v });
    await check(records(200));
    await fc.assert(fc.asyncProperty(valueArbitrary(), check), { seed: 7, numRuns: 300 });
  });

  it('gives each decoded array its own ArrayBuffer of exactly its size', async () => {
    const back = (await storage.decode(await storage.encode(records(100), 'json'), 'json')) as Array<{ values: NDArray }>;
    const buffers = new Set(back.map((r) => (r.values.data as Float64Array).buffer));
    expect(buffers.size).toBe(100);
    for (const r of back) expect((r.values.data as Float64Array).buffer.byteLength).toBe(128);
  });

  it('throws the path-keeping decoder’s error for corrupt markers, wherever they sit', async () => {
    const good = (await storage.encode({ list: [1, { d: new Date(0), a: new Float64Array(20) }] }, 'json')) as string;
    const bad = [
      good.replace('"iso":"1970', '"iso":"19x0'),
      good.replace('"shape":[20]', '"shape":[21]'),
      good.replace('"shape":[20]', '"shape":[-1]'),
      good.replace('"dtype":"float64"', '"dtype":"float99"'),
      good.replace('"encoding":"base64"', '"encoding":"hex"'),
      good.replace('{"d":', '{"x":{"__type__":"bigint","value":"1.5"},"d":'),
    ];
    const expected = [/\$\.list\[1\]\.d\.iso/, /\$\.list\[1\]\.a\.data/, /\$\.list\[1\]\.a\.shape/, /\$\.list\[1\]\.a\.dtype/, /\$\.list\[1\]\.a\.encoding/, /\$\.list\[1\]\.x\.value/];
    for (let i = 0; i < bad.length; i++) {
      expect(bad[i]).not.toBe(good);
      const message = await errorOf(() => storage.decode(bad[i]!, 'json'));
      expect(message).toMatch(expected[i]!);
      let direct = '';
      try {
        fromJSONSafe(JSON.parse(bad[i]!));
      } catch (error) {
        direct = facts(error);
      }
      expect(message).toBe(direct);
    }
  });

  it('still reads integers beyond 2^53 exactly after the fast path gives up', async () => {
    const v = (await storage.decode('[{"id": 9007199254740993, "t": {"__type__": "datetime", "iso": "2025-01-01T00:00:00+00:00"}}]', 'json')) as Array<{ id: bigint; t: Date }>;
    expect(v[0]!.id).toBe(9007199254740993n);
    expect(v[0]!.t.getTime()).toBe(Date.UTC(2025, 0, 1));
  });
});

describe('ISO date-time parsing (fast shape vs general)', () => {
  it('agrees with the general parser on the shapes Python and we write', () => {
    const cases: Array<[string, number, number]> = [
      ['2025-07-17T01:06:14.618679+00:00', Date.UTC(2025, 6, 17, 1, 6, 14, 618), 679],
      ['2025-07-17T01:06:14+00:00', Date.UTC(2025, 6, 17, 1, 6, 14), 0],
      ['2025-07-17T01:06:14.6Z', Date.UTC(2025, 6, 17, 1, 6, 14, 600), 0],
      ['2025-07-17T01:06:14', Date.UTC(2025, 6, 17, 1, 6, 14), 0],
      ['2025-07-17T03:06:14+02:00', Date.UTC(2025, 6, 17, 1, 6, 14), 0],
      ['0101-01-01T00:00:00', Date.UTC(101, 0, 1), 0],
    ];
    for (const [iso, ms, micro] of cases) {
      const d = parseIsoDateTime(iso);
      expect(d.getTime()).toBe(ms);
      expect(d instanceof PreciseDate ? d.microsecond : 0).toBe(micro);
    }
    expect(() => parseIsoDateTime('2025-07-17T01:06:1x')).toThrow(/malformed ISO date-time/);
  });

  it('round-trips formatIsoDateTime for every day from year 1 to 9999 and beyond (extended years), at seeded times', () => {
    let x = 12345;
    const next = () => ((x = (x * 1103515245 + 12345) >>> 0), x);
    const problems: string[] = [];
    for (let day = -719162 - 3000; day < 2932897 + 3000; day += 7) {
      const t = day * 86_400_000 + (next() % 86_400_000);
      const d = next() % 4 === 0 ? new PreciseDate(t, next() % 1000) : new Date(t);
      const iso = formatIsoDateTime(d);
      const back = parseIsoDateTime(iso);
      const micro = (v: Date) => (v instanceof PreciseDate ? v.microsecond : 0);
      if (back.getTime() !== d.getTime() || micro(back) !== micro(d)) problems.push(`${iso} → ${back.toISOString()}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('refuses dates Python would refuse instead of rolling them over (30 February, 24:00, leap seconds)', () => {
    for (const iso of ['2023-02-29T00:00:00+00:00', '1900-02-29T12:00:00Z', '2023-04-31T00:00:00', '2023-01-31T24:00:00Z', '2016-12-31T23:59:60Z', '2023-13-01T00:00:00', '2023-00-10T00:00:00']) {
      expect(() => parseIsoDateTime(iso), iso).toThrow(/date-time field out of range/);
    }
    expect(parseIsoDateTime('2024-02-29T23:59:59.999999+00:00').getTime()).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
    expect(parseIsoDateTime('2000-02-29T00:00:00Z').getTime()).toBe(Date.UTC(2000, 1, 29));
  });
});
