import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  CorruptDataError, DLFriendlyStorage, LimitExceededError, NDArray, NpzReader, UnsupportedValueError, encodeNpy, encodeNpz, resolvePolicy, save,
} from '../src/index.js';
import { ZipReader } from '../src/formats/_zip.js';
import { describeFormatConformance } from './support/conformance.js';
import { runPython } from './support/python.js';
import { itLoadsEveryFixture } from './support/numpy-fixtures.js';
import { arrayOf, arraysByDtype, specialArrays } from './support/sample-values.js';

const policy = resolvePolicy();
const arrays = [...arraysByDtype(), ...specialArrays()].filter(([, v]) => v.dtype !== 'bfloat16' && !v.tensor);
const record = Object.fromEntries(arrays.map(([label, v]) => [label, v]));
const table: Array<[string, unknown]> = [
  ['every npy dtype, special values, 0-d and empty arrays', record],
  ['one array', { x: arrayOf('float32', [3]) }],
  ['no arrays', {}],
  ['awkward names', JSON.parse('{"__proto__": 1, "a/b": 2, "Zoë ☃": 3}', (_k, v) => (typeof v === 'number' ? arrayOf('int32', [v]) : v))],
];
const sample = { a: arrayOf('float64', [2, 2]), b: arrayOf('str', [2]) };
const foreign: Array<[string, Uint8Array | string]> = [
  ['npy bytes', encodeNpy(arrayOf('float32', [2]))],
  ['a zip of a non-npy member', zipSync({ 'data.pkl': new Uint8Array([0x80, 2, 0x4e, 0x2e]) })],
  ['empty input', new Uint8Array(0)],
];

describeFormatConformance('npz', { table, sample, foreign });

describe('npz compressed (savez_compressed)', () => {
  const storage = new DLFriendlyStorage();
  it('round-trips deflated members bit for bit', async () => {
    const bytes = (await storage.encode(record, { format: 'npz', compress: true })) as Uint8Array;
    const zip = ZipReader.open(bytes, { policy, format: 'npz' });
    expect(zip.entries.every((e) => e.method === 8)).toBe(true);
    const back = (await storage.decode(bytes, 'auto')) as Record<string, NDArray>;
    expect(Object.keys(back).sort()).toEqual(Object.keys(record).sort());
    for (const [k, v] of Object.entries(record)) expect(Buffer.from(back[k]!.dtype === 'str' ? JSON.stringify(back[k]!.data) : back[k]!.bytes()).equals(Buffer.from(v.dtype === 'str' ? JSON.stringify(v.data) : v.bytes()))).toBe(true);
  });

  it('stores by default, like numpy.savez', () => {
    const zip = ZipReader.open(encodeNpz({ a: arrayOf('int8', [9]) }), { policy, format: 'npz' });
    expect(zip.entries.map((e) => [e.name, e.method])).toEqual([['a.npy', 0]]);
  });
});

describe('npz fixtures written by numpy (both manifests)', () => {
  itLoadsEveryFixture('npz');
});

/** Patch a field of the (single) central directory entry of a one-member archive. */
function patchCentral(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let p = copy.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) === 0x02014b50) {
      view.setUint32(p + offset, value, true);
      return copy;
    }
  }
  throw new Error('no central directory entry');
}

describe('npz reading guards', () => {
  const zeros = new NDArray('uint8', [4 * 2 ** 20], new Uint8Array(4 * 2 ** 20));
  const bomb = encodeNpz({ z: zeros }, { compress: true });

  it('reads members lazily: names first, one member per read', () => {
    const reader = NpzReader.open(encodeNpz({ b: arrayOf('int16', [3]), a: arrayOf('float32', [2]) }, { compress: true }), policy);
    expect(reader.names).toEqual(['b', 'a']);
    expect(reader.read('a').dtype).toBe('float32');
    expect(() => reader.read('c')).toThrow(CorruptDataError);
  });

  it('refuses a member whose compression ratio exceeds the policy (zip bomb)', () => {
    expect(() => NpzReader.open(bomb, resolvePolicy({ maxDecompressionRatio: 100 })).read('z')).toThrow(LimitExceededError);
    expect(NpzReader.open(bomb, policy).read('z').size).toBe(zeros.size);
  });

  it('refuses a member larger than maxDecompressedBytes before inflating it', () => {
    expect(() => NpzReader.open(bomb, resolvePolicy({ maxDecompressedBytes: 2 ** 20 })).read('z')).toThrow(/maxDecompressedBytes/);
  });

  it('stops a member that inflates past its declared size', () => {
    const lying = patchCentral(bomb, 24, 1000); // uncompressed size field
    expect(() => NpzReader.open(lying, policy).read('z')).toThrow(/more than its declared size/);
  });

  it('checks the declared size and CRC-32 of every member', () => {
    const bytes = encodeNpz({ a: arrayOf('float64', [50]) }, { compress: true });
    const view = new DataView(bytes.buffer);
    let p = bytes.length - 22;
    while (view.getUint32(p, true) !== 0x02014b50) p--;
    const size = view.getUint32(p + 24, true);
    expect(() => NpzReader.open(patchCentral(bytes, 24, size + 8), policy).read('a')).toThrow(/different size than declared/);
    expect(() => NpzReader.open(patchCentral(bytes, 16, 0x12345678), policy).read('a')).toThrow(/CRC-32/);
  });

  it('refuses overlapping members and non-npy members', () => {
    const two = encodeNpz({ a: arrayOf('int8', [4]), b: arrayOf('int8', [4]) });
    const view = new DataView(two.buffer);
    const entries: number[] = [];
    for (let p = 0; p + 4 <= two.length; p++) if (view.getUint32(p, true) === 0x02014b50) entries.push(p);
    const overlapping = two.slice();
    new DataView(overlapping.buffer).setUint32(entries[1]! + 42, 0, true); // both local header offsets → 0
    expect(() => NpzReader.open(overlapping, policy)).toThrow(CorruptDataError);
    expect(() => NpzReader.open(zipSync({ 'notes.txt': new Uint8Array([104, 105]) }), policy)).toThrow(UnsupportedValueError);
  });

  it('names the path of a value npz cannot hold', async () => {
    const storage = new DLFriendlyStorage();
    await expect(storage.encode({ ok: arrayOf('int8', [1]), bad: 'text' }, 'npz')).rejects.toThrow(/\$\.bad/);
    await expect(storage.encode([arrayOf('int8', [1])], 'npz')).rejects.toThrow(UnsupportedValueError);
    await expect(storage.encode({ nested: { x: arrayOf('int8', [1]) } }, 'npz')).rejects.toThrow(/\$\.nested/);
  });

  it('writes the same bytes for the same arrays (fixed member timestamps)', () => {
    const value = { a: arrayOf('float32', [8]), b: arrayOf('int64', [3]) };
    expect(Buffer.from(encodeNpz(value, { compress: true })).equals(Buffer.from(encodeNpz(value, { compress: true })))).toBe(true);
  });
});

describe('npz zip container', () => {
  it("passes Python zipfile's own checks (CRC of every member, UTF-8 names, fixed 1980 timestamps)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'omega-npz-zip-')), 'a.npz');
    await save({ 'wärme': arrayOf('float64', [3, 4]), empty: arrayOf('int32', [0]), b: arrayOf('bool', [5]) }, file, { format: 'npz', compress: true });
    const script = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'print(json.dumps({"bad": z.testzip(), "names": [i.filename for i in z.infolist()], "dates": sorted({i.date_time for i in z.infolist()}), "methods": sorted({i.compress_type for i in z.infolist()})}))',
    ].join('\n');
    const seen = JSON.parse(runPython(script, [file])) as { bad: string | null; names: string[]; dates: number[][]; methods: number[] };
    expect(seen).toEqual({ bad: null, names: ['wärme.npy', 'empty.npy', 'b.npy'], dates: [[1980, 1, 1, 0, 0, 0]], methods: [8] });
  });
});
