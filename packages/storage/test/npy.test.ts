import { describe, expect, it } from 'vitest';
import {
  CorruptDataError, DLFriendlyStorage, LimitExceededError, NDArray, UnsafeContentError, UnsupportedValueError,
  decodeNpy, encodeNpy, resolvePolicy, type DType,
} from '../src/index.js';
import { ndarrayArbitrary } from './support/arbitraries.js';
import { describeFormatConformance } from './support/conformance.js';
import { itLoadsEveryFixture } from './support/numpy-fixtures.js';
import { arrayOf, arraysByDtype, specialArrays } from './support/sample-values.js';

const NPY_DTYPES: DType[] = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float16', 'float32', 'float64', 'complex64', 'complex128', 'str'];
const policy = resolvePolicy();

/** npy holds one array of any dtype but bfloat16, and does not keep the tensor flag. */
const table: Array<[string, unknown]> = [...arraysByDtype(), ...specialArrays()].filter(([, v]) => v instanceof NDArray && v.dtype !== 'bfloat16' && !v.tensor);
const hdf5Magic = new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const zipMagic = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const pickleMagic = new Uint8Array([0x80, 0x04, 0x95, 0, 0, 0, 0, 0, 0, 0, 0x4e, 0x2e]);

describeFormatConformance('npy', {
  table,
  sample: arrayOf('complex64', [2, 3]),
  arbitrary: ndarrayArbitrary(NPY_DTYPES).map((a) => new NDArray(a.dtype, a.shape, a.data)),
  foreign: [['HDF5 magic', hdf5Magic], ['zip magic', zipMagic], ['pickle magic', pickleMagic], ['JSON text', '{"a":1}'], ['empty input', new Uint8Array(0)]],
});

describe('npy fixtures written by numpy (both manifests)', () => {
  itLoadsEveryFixture('npy', { eitherReason: /structured dtype \(fields t, id\)/ });
});

function withVersion(bytes: Uint8Array, version: number): Uint8Array {
  // v1 → v2/v3: the header length field grows from 2 to 4 bytes; rebuild the preamble around the same header text.
  const headerLength = bytes[8]! | (bytes[9]! << 8);
  const header = bytes.subarray(10, 10 + headerLength);
  const data = bytes.subarray(10 + headerLength);
  const out = new Uint8Array(12 + header.length + data.length);
  out.set(bytes.subarray(0, 6));
  out[6] = version;
  new DataView(out.buffer).setUint32(8, header.length, true);
  out.set(header, 12);
  out.set(data, 12 + header.length);
  return out;
}

function npyWithHeader(dict: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const text = `${dict}\n`;
  const out = new Uint8Array(10 + text.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, text.length, true);
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  out.set(data, 10 + text.length);
  return out;
}

describe('npy specifics', () => {
  it('writes a v1 header that ends on a 64-byte boundary, with numpy’s dict text', () => {
    const bytes = encodeNpy(new NDArray('float32', [2, 3], new Float32Array(6)));
    const headerLength = bytes[8]! | (bytes[9]! << 8);
    expect(bytes[6]).toBe(1);
    expect((10 + headerLength) % 64).toBe(0);
    const text = Buffer.from(bytes.subarray(10, 10 + headerLength)).toString('latin1');
    expect(text).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3\), \} *\n$/);
    expect(Buffer.from(encodeNpy(new NDArray('int8', [5], new Int8Array(5))).subarray(10, 80)).toString('latin1')).toContain("'shape': (5,)");
    expect(Buffer.from(encodeNpy(new NDArray('float64', [], new Float64Array(1))).subarray(10, 80)).toString('latin1')).toContain("'shape': ()");
  });

  it('switches to v2 when the header outgrows 64 KiB, and reads it back', () => {
    const shape = new Array<number>(30000).fill(1);
    const array = new NDArray('uint16', shape, new Uint16Array([0xbeef]));
    const bytes = encodeNpy(array);
    expect(bytes[6]).toBe(2);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    expect((12 + headerLength) % 64).toBe(0);
    const back = decodeNpy(bytes, { policy });
    expect(back.shape.length).toBe(30000);
    expect([...(back.data as Uint16Array)]).toEqual([0xbeef]);
  });

  it('reads v2 and v3 (UTF-8) headers', () => {
    const array = arrayOf('float64', [3, 2]);
    for (const version of [2, 3]) {
      const back = decodeNpy(withVersion(encodeNpy(array), version), { policy });
      expect(Buffer.from(back.bytes()).equals(Buffer.from(array.bytes()))).toBe(true);
    }
  });

  it('decodes without copying when the data is aligned, and copies when it is not', () => {
    const bytes = encodeNpy(arrayOf('float64', [4, 4]));
    const shared = decodeNpy(bytes, { policy });
    expect((shared.data as Float64Array).buffer).toBe(bytes.buffer);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    const copied = decodeNpy(shifted, { policy });
    expect((copied.data as Float64Array).buffer).not.toBe(shifted.buffer);
    expect(Buffer.from(copied.bytes()).equals(Buffer.from(shared.bytes()))).toBe(true);
  });

  it('converts big-endian Fortran-order data to little-endian C order', () => {
    // A 2x3 int16 array [[1,2,3],[4,5,6]] stored column-major, big-endian: 1 4 2 5 3 6.
    const data = new Uint8Array([0, 1, 0, 4, 0, 2, 0, 5, 0, 3, 0, 6]);
    const back = decodeNpy(npyWithHeader("{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3), }", data), { policy });
    expect(back.shape).toEqual([2, 3]);
    expect([...(back.data as Int16Array)]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps inner NULs of <U strings and strips the padding, like numpy', () => {
    const data = new Uint8Array(3 * 4);
    new DataView(data.buffer).setUint32(0, 0x61, true); // "a\0" then padding
    new DataView(data.buffer).setUint32(8, 0x1f389, true);
    const back = decodeNpy(npyWithHeader("{'descr': '<U3', 'fortran_order': False, 'shape': (), }", data), { policy });
    expect(back.data).toEqual(['a\u0000🎉']);
  });

  it('refuses object arrays as unsafe and says why', () => {
    const bytes = npyWithHeader("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", new Uint8Array(16));
    expect(() => decodeNpy(bytes, { policy })).toThrow(UnsafeContentError);
    expect(() => decodeNpy(bytes, { policy })).toThrow(/pickled Python objects/);
  });

  it('refuses dtypes without an NDArray form by name', () => {
    for (const descr of ['|S5', '<M8[ns]', '<f16', '|V4']) {
      const bytes = npyWithHeader(`{'descr': '${descr}', 'fortran_order': False, 'shape': (0,), }`);
      expect(() => decodeNpy(bytes, { policy })).toThrow(UnsupportedValueError);
      expect(() => decodeNpy(bytes, { policy })).toThrow(descr);
    }
  });

  it('evaluates nothing: a header that is not a plain literal is corrupt', () => {
    for (const dict of ["{'descr': __import__('os').system('x'), 'fortran_order': False, 'shape': (1,), }", "{'descr': '<f4', 'shape': (1,), }", "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"]) {
      expect(() => decodeNpy(npyWithHeader(dict, new Uint8Array(4)), { policy })).toThrow(CorruptDataError);
    }
  });

  it('applies maxElements before reading data', () => {
    const bytes = npyWithHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }");
    expect(() => decodeNpy(bytes, { policy: resolvePolicy({ maxElements: 1000 }) })).toThrow(LimitExceededError);
  });

  it('names the path of anything npy cannot hold', async () => {
    const storage = new DLFriendlyStorage();
    await expect(storage.encode({ a: 1 }, 'npy')).rejects.toThrow(UnsupportedValueError);
    await expect(storage.encode(new NDArray('bfloat16', [1], new Uint16Array(1)), 'npy')).rejects.toThrow(/bfloat16/);
    await expect(storage.encode(new NDArray('str', [1], ['x\u0000']), 'npy')).rejects.toThrow(/\$\.data\[0\]/);
  });

  it('loads what save wrote through saveFile, by sniffing', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(`${tmpdir()}/npy-`);
    try {
      const storage = new DLFriendlyStorage();
      const array = arrayOf('uint64', [3, 5]);
      const result = await storage.save(array, `${dir}/a.bin`, 'npy');
      expect(result.format).toBe('npy');
      const back = (await storage.load(`${dir}/a.bin`)) as NDArray;
      expect(Buffer.from(back.bytes()).equals(Buffer.from(array.bytes()))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('public API of the numpy-family formats', () => {
  it('exports exactly these names from the barrel', async () => {
    const api = await import('../src/index.js');
    const ours = ['NpzReader', 'SafetensorsFile', 'decodeNpy', 'decodeSafetensors', 'encodeNpy', 'encodeNpz', 'encodeSafetensors', 'npyFormat', 'npzFormat', 'openSafetensors', 'safetensorsFormat'];
    expect(Object.keys(api).filter((k) => ours.includes(k)).sort()).toEqual(ours);
    expect(api.builtinFormats.map((f) => f.name)).toEqual(expect.arrayContaining(['npy', 'npz', 'safetensors']));
  });
});
