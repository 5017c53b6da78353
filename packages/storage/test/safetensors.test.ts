import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CorruptDataError, DLFriendlyStorage, NDArray, UnsupportedValueError, decodeSafetensors, encodeNpy, encodeSafetensors, openSafetensors, resolvePolicy, type DType,
} from '../src/index.js';
import { ndarrayArbitrary } from './support/arbitraries.js';
import { describeFormatConformance } from './support/conformance.js';
import { itLoadsEveryFixture } from './support/numpy-fixtures.js';
import { arrayOf, arraysByDtype, specialArrays } from './support/sample-values.js';

const ST_DTYPES: DType[] = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'bfloat16', 'float32', 'float64', 'complex64'];
const policy = resolvePolicy();
const tensors = Object.fromEntries([...arraysByDtype(), ...specialArrays()].filter(([, v]) => ST_DTYPES.includes(v.dtype) && !v.tensor));

const table: Array<[string, unknown]> = [
  ['every safetensors dtype, special values, 0-d and empty tensors', tensors],
  ['with __metadata__', { w: arrayOf('bfloat16', [2, 2]), __metadata__: { format: 'pt', note: 'Zoë ☃' } }],
  ['nothing', {}],
  ['only metadata', { __metadata__: {} }],
  ['awkward names', JSON.parse('{"__proto__": 2, "a.b/c": 3, "☃": 1}', (_k, v) => (typeof v === 'number' ? arrayOf('float32', [v]) : v))],
];

describeFormatConformance('safetensors', {
  table,
  sample: { b: arrayOf('int16', [3]), a: arrayOf('float64', [2]), __metadata__: { k: 'v' } },
  arbitrary: fc.dictionary(fc.string({ minLength: 1 }).filter((k) => k !== '__metadata__'), ndarrayArbitrary(ST_DTYPES).map((a) => new NDArray(a.dtype, a.shape, a.data)), { maxKeys: 4 }),
  numRuns: 100,
  foreign: [['npy bytes', encodeNpy(arrayOf('float32', [2]))], ['JSON text', '{"a":1}'], ['empty input', new Uint8Array(0)]],
});

describe('safetensors fixtures (both manifests)', () => {
  itLoadsEveryFixture('safetensors', {
    extra: (value, entry) => expect((value as Record<string, unknown>).__metadata__).toEqual(entry.metadata),
  });
});

/** A file from a header object (or raw header text) and a data section. */
function file(header: unknown, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const text = typeof header === 'string' ? header : JSON.stringify(header);
  const json = Buffer.from(text, 'utf8');
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('safetensors writer matches the reference library', () => {
  it('writes the reference’s own test vectors byte for byte', () => {
    const attn = new NDArray('float32', [1, 2, 3], new Float32Array([0, 1, 2, 3, 4, 5]));
    const expected = file('{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}', attn.bytes());
    expect(Buffer.from(encodeSafetensors({ 'attn.0': attn })).equals(Buffer.from(expected))).toBe(true);
    // Header padded with spaces to a multiple of 8.
    expect([...encodeSafetensors({})]).toEqual([8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32]);
    expect(Buffer.from(encodeSafetensors({ __metadata__: { framework: 'pt' } }).subarray(8)).toString()).toBe('{"__metadata__":{"framework":"pt"}}     ');
  });

  it('sorts tensors by dtype alignment (descending), then name, and aligns every tensor', () => {
    const value = { z8: arrayOf('int8', [3]), a16: arrayOf('bfloat16', [3]), b64: arrayOf('float64', [1]), a64: arrayOf('uint64', [1]), c: arrayOf('complex64', [1]), f: arrayOf('bool', [1]), h: arrayOf('float16', [1]) };
    const bytes = encodeSafetensors(value);
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + n)).toString()) as Record<string, { data_offsets: [number, number]; dtype: string }>;
    expect(Object.keys(header)).toEqual(['a64', 'b64', 'c', 'a16', 'h', 'z8', 'f']);
    for (const info of Object.values(header)) expect(info.data_offsets[0] % ({ U64: 8, F64: 8, C64: 8, BF16: 2, F16: 2 }[info.dtype] ?? 1)).toBe(0);
    const back = decodeSafetensors(bytes, policy);
    expect(((back.b64 as NDArray).data as Float64Array).buffer).toBe(bytes.buffer); // aligned → shares memory
  });

  it('names the path of anything safetensors cannot hold', async () => {
    const storage = new DLFriendlyStorage();
    await expect(storage.encode({ c: arrayOf('complex128', [1]) }, 'safetensors')).rejects.toThrow(/complex128.*\$\.c|\$\.c.*complex128/);
    await expect(storage.encode({ s: arrayOf('str', [1]) }, 'safetensors')).rejects.toThrow(UnsupportedValueError);
    await expect(storage.encode({ n: 1 }, 'safetensors')).rejects.toThrow(/\$\.n/);
    await expect(storage.encode({ nested: { w: arrayOf('float32', [1]) } }, 'safetensors')).rejects.toThrow(/\$\.nested/);
    await expect(storage.encode({ __metadata__: { v: 1 } }, 'safetensors')).rejects.toThrow(/__metadata__/);
    await expect(storage.encode(arrayOf('float32', [1]), 'safetensors')).rejects.toThrow(UnsupportedValueError);
  });
});

describe('safetensors reader validations (as the reference library)', () => {
  const f32 = (b: number, e: number, shape = [(e - b) / 4]) => ({ dtype: 'F32', shape, data_offsets: [b, e] });
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['header length above 100,000,000', (() => { const b = file({}); new DataView(b.buffer).setBigUint64(0, 100_000_001n, true); return b; })(), /format cap/],
    ['header length beyond the file', (() => { const b = file({}); new DataView(b.buffer).setBigUint64(0, 9n, true); return b; })(), /past the end/],
    ['header not UTF-8', (() => { const b = file('{"ab":{}}'); b[11] = 0xff; return b; })(), /UTF-8/],
    ['header not starting with {', file(' {}'), /start with/],
    ['header not JSON', file('{"a":'), /not valid JSON/],
    ['duplicate names', file('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', new Uint8Array(4)), /twice/],
    ['overlapping tensors', file({ a: f32(0, 8), b: f32(4, 12) }, new Uint8Array(12)), /overlap/],
    ['a gap between tensors', file({ a: f32(0, 4), b: f32(8, 12) }, new Uint8Array(12)), /gap/],
    ['offsets past the end of the data', file({ a: f32(0, 8) }, new Uint8Array(4)), /cover/],
    ['trailing bytes after the last tensor', file({ a: f32(0, 4) }, new Uint8Array(8)), /cover/],
    ['byte length ≠ dtype × shape', file({ a: f32(0, 8, [3]) }, new Uint8Array(8)), /dtype × shape/],
    ['unknown dtype', file({ a: { dtype: 'F128', shape: [1], data_offsets: [0, 16] } }, new Uint8Array(16)), /unknown dtype/],
    ['negative dimension', file({ a: { dtype: 'U8', shape: [-1], data_offsets: [0, 0] } }), /shape/],
    ['metadata value not a string', file({ __metadata__: { v: 1 } }), /must be strings/],
    ['BOOL byte other than 0/1', file({ a: { dtype: 'BOOL', shape: [1], data_offsets: [0, 1] } }, new Uint8Array([2])), /0 and 1/],
  ];
  it.each(cases)('refuses %s with CorruptDataError', (_label, bytes, message) => {
    expect(() => decodeSafetensors(bytes, policy)).toThrow(CorruptDataError);
    expect(() => decodeSafetensors(bytes, policy)).toThrow(message);
  });

  it('refuses F8 tensors as unsupported, naming the tensor', () => {
    const bytes = file({ q: { dtype: 'F8_E4M3', shape: [2], data_offsets: [0, 2] } }, new Uint8Array(2));
    expect(() => decodeSafetensors(bytes, policy)).toThrow(UnsupportedValueError);
    expect(() => decodeSafetensors(bytes, policy)).toThrow(/F8_E4M3.*at q/);
  });

  it('accepts tensors listed in any order (offsets decide)', () => {
    const data = new Uint8Array(new Float32Array([1, 2, 3]).buffer);
    const back = decodeSafetensors(file({ b: f32(4, 12), a: f32(0, 4) }, data), policy);
    expect(Object.keys(back)).toEqual(['b', 'a']);
    expect([...((back.b as NDArray).data as Float32Array)]).toEqual([2, 3]);
  });
});

describe('openSafetensors: lazy per-tensor reads by byte range', () => {
  it('reads the header on open and each tensor on request', async () => {
    const dir = await mkdtemp(`${tmpdir()}/st-`);
    try {
      const storage = new DLFriendlyStorage();
      const value = { big: arrayOf('float32', [64, 8]), ids: arrayOf('int64', [5]), __metadata__: { format: 'pt' } };
      await storage.save(value, `${dir}/m.safetensors`, 'safetensors');
      const st = await openSafetensors(`${dir}/m.safetensors`);
      try {
        expect(st.names.sort()).toEqual(['big', 'ids']);
        expect(st.metadata).toEqual({ format: 'pt' });
        expect(st.info('ids')).toEqual({ dtype: 'I64', shape: [5], dataOffsets: [0, 40] });
        const ids = await st.read('ids');
        expect(Buffer.from(ids.bytes()).equals(Buffer.from(value.ids.bytes()))).toBe(true);
        await expect(st.read('nope')).rejects.toThrow(CorruptDataError);
      } finally {
        await st.close();
      }
      await expect(openSafetensors(`${dir}/missing.safetensors`)).rejects.toThrow(/cannot open/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
