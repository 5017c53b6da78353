import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NDArray, PreciseDate, load, save } from '../src/index.js';
import { assertBitEqual } from './support/bit-equal.js';
import { runPython } from './support/python.js';
import { arrayOf } from './support/sample-values.js';

const dir = mkdtempSync(join(tmpdir(), 'omega-hdf5-py-'));
const sha = (a: NDArray) => createHash('sha256').update(a.bytes()).digest('hex');

// Describes every dataset (h5py dtype, shape, sha256 of C-order little-endian bytes, filters) and every attribute.
const DESCRIBE = `
import sys, json, hashlib, struct
try:
    import h5py, numpy as np
except ImportError as e:
    sys.exit('python3-h5py and python3-numpy are required for this test: ' + str(e))
out = {'datasets': {}, 'attrs': {}}
def attr_value(v):
    if isinstance(v, bytes): return v.decode('utf-8')
    if isinstance(v, (np.integer, int)): return str(int(v))
    if isinstance(v, (np.floating, float)): return repr(float(v))
    if isinstance(v, np.ndarray): return [attr_value(x) for x in v.tolist()]
    return v
def visit(name, obj):
    for k, v in obj.attrs.items():
        out['attrs'][name + '@' + k] = [type(v).__name__ if not hasattr(v, 'dtype') else str(v.dtype), attr_value(v)]
    if isinstance(obj, h5py.Dataset):
        d = {'dtype': str(obj.dtype), 'shape': list(obj.shape), 'compression': obj.compression, 'chunks': obj.chunks}
        if obj.dtype.kind == 'O':
            d['values'] = [s for s in obj.asstr()[...].reshape(-1).tolist()]
        else:
            arr = obj[...]
            d['sha256'] = hashlib.sha256(np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder('<')).tobytes()).hexdigest()
            flat = arr.reshape(-1)
            d['first'] = str(flat[0].item()) if flat.size else None
            if arr.dtype == np.float32 and flat.size: d['first_bits'] = hex(struct.unpack('<I', flat[:1].tobytes())[0])
        out['datasets'][name] = d
with h5py.File(sys.argv[1], 'r') as f:
    visit('/', f)
    f.visititems(lambda n, o: visit(n, o))
print(json.dumps(out))
`;

function nanPayloadFloat32(): NDArray {
  const a = new Float32Array([0, 1.5, -0, 3.4028234663852886e38]);
  new DataView(a.buffer).setUint32(0, 0x7fc0_1234, true);
  return new NDArray('float32', [4], a);
}

describe('h5py reads what we write', () => {
  const arrays = {
    bool: new NDArray('bool', [2, 3], Uint8Array.from([1, 0, 1, 1, 0, 0])),
    int8: arrayOf('int8', [2, 3]), int16: arrayOf('int16', [2, 3]), int32: arrayOf('int32', [2, 3]),
    int64: new NDArray('int64', [3], new BigInt64Array([2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n])),
    uint8: arrayOf('uint8', [2, 3]), uint16: arrayOf('uint16', [2, 3]), uint32: arrayOf('uint32', [2, 3]),
    uint64: new NDArray('uint64', [2], new BigUint64Array([2n ** 64n - 1n, 7n])),
    float16: arrayOf('float16', [2, 3]),
    float32: nanPayloadFloat32(), float64: arrayOf('float64', [7, 11, 3]),
    complex64: arrayOf('complex64', [2, 3]), complex128: arrayOf('complex128', [4]),
    str: new NDArray('str', [3], ['alpha', 'β', '']),
  };
  const value = {
    title: 'naïve ☃', count: 3, ratio: 0.25, flag: true, huge: 2n ** 60n, when: new PreciseDate(Date.UTC(2025, 6, 17, 1, 5, 52, 436), 578),
    arrays,
    nested: { deeper: { ids: arrayOf('int32', [5]), note: 'deep' } },
    big: arrayOf('float32', [300, 100]),
  };

  it('has every dtype, value, group and attribute h5py expects', async () => {
    const file = join(dir, 'ours.h5');
    await save(value, file, 'hdf5');
    const seen = JSON.parse(runPython(DESCRIBE, [file])) as { datasets: Record<string, Record<string, unknown>>; attrs: Record<string, [string, unknown]> };
    const numpyDtype: Record<string, string> = { bool: 'uint8', float16: 'uint16' };
    for (const [name, arr] of Object.entries(arrays)) {
      const d = seen.datasets[`arrays/${name}`]!;
      expect(d, name).toBeDefined();
      expect(d.shape, name).toEqual([...arr.shape]);
      if (name === 'str') {
        expect(d.dtype).toBe('object');
        expect(d.values).toEqual(arr.data);
        continue;
      }
      expect(d.dtype, name).toBe(numpyDtype[name] ?? name);
      expect(d.sha256, name).toBe(sha(arr));
    }
    expect(seen.datasets['arrays/int64']!.first).toBe(String(2n ** 53n + 1n));
    expect(seen.datasets['arrays/float32']!.first_bits).toBe('0x7fc01234');
    expect(seen.attrs['arrays/bool@_omega_dtype']).toEqual(['str', 'bool']);
    expect(seen.attrs['arrays/float16@_omega_dtype']).toEqual(['str', 'float16']);
    expect(seen.datasets['nested/deeper/ids']!.sha256).toBe(sha(value.nested.deeper.ids));
    expect(seen.attrs['nested/deeper@note']).toEqual(['str', 'deep']);
    expect(seen.attrs['/@title']).toEqual(['str', 'naïve ☃']);
    expect(seen.attrs['/@count']).toEqual(['int64', '3']);
    expect(seen.attrs['/@ratio']).toEqual(['float64', '0.25']);
    expect(seen.attrs['/@flag']).toEqual(['uint8', '1']);
    expect(seen.attrs['/@huge']).toEqual(['int64', String(2n ** 60n)]);
    expect(seen.attrs['/@when']).toEqual(['str', '2025-07-17T01:05:52.436578+00:00']);
    const big = seen.datasets.big!;
    expect([big.compression, big.sha256]).toEqual(['gzip', sha(value.big)]);
    expect(big.chunks).not.toBeNull();
    assertBitEqual(await load(file), value);
  });
});

const WRITE = `
import sys
import h5py, numpy as np
rng = np.random.default_rng(7)
with h5py.File(sys.argv[1], 'w') as f:
    f.attrs['created'] = '2025-07-17T01:05:52.436578'
    f.attrs['ok'] = np.bool_(True)
    f.attrs['pi'] = np.float32(3.25)
    f.attrs['sizes'] = np.array([3, 4], dtype=np.int16)
    g = f.create_group('run/stats')
    g.create_dataset('mask', data=np.array([True, False, True]))
    g.create_dataset('z', data=(np.arange(6) + 1j * np.arange(6)[::-1]).astype(np.complex64).reshape(2, 3))
    g.create_dataset('half', data=np.array([0.5, -2.0, np.inf], dtype=np.float16))
    g.create_dataset('ids', data=np.array([2**62 + 5, -1], dtype=np.int64))
    g.create_dataset('names', data=['x', 'ÿ'], dtype=h5py.string_dtype())
    g.create_dataset('be', data=np.arange(4, dtype='>i4'))
    f.create_dataset('paths', data=rng.standard_normal((50, 40)).astype(np.float32), chunks=(10, 40), compression='gzip', compression_opts=4, shuffle=True)
    np.save(sys.argv[2], f['paths'][...])
`;

describe('we read what h5py writes', () => {
  it('loads bool, complex, float16, int64, strings, big-endian, gzip+shuffle and attributes', async () => {
    const file = join(dir, 'h5py.h5');
    const npy = join(dir, 'paths.npy');
    runPython(WRITE, [file, npy]);
    const v = (await load(file)) as Record<string, any>;
    expect(v.created).toBe('2025-07-17T01:05:52.436578');
    expect(v.ok).toBe(true);
    expect(v.pi).toBe(3.25);
    assertBitEqual(v.sizes, new NDArray('int16', [2], new Int16Array([3, 4])));
    const s = v.run.stats;
    assertBitEqual(s.mask, new NDArray('bool', [3], Uint8Array.from([1, 0, 1])));
    assertBitEqual(s.z, new NDArray('complex64', [2, 3], Float32Array.from([0, 5, 1, 4, 2, 3, 3, 2, 4, 1, 5, 0])));
    assertBitEqual(s.half, new NDArray('float16', [3], Uint16Array.from([0x3800, 0xc000, 0x7c00])));
    assertBitEqual(s.ids, new NDArray('int64', [2], BigInt64Array.from([2n ** 62n + 5n, -1n])));
    assertBitEqual(s.names, new NDArray('str', [2], ['x', 'ÿ']));
    assertBitEqual(s.be, new NDArray('int32', [4], Int32Array.from([0, 1, 2, 3])));
    // numpy's own copy of the gzip+shuffle dataset, saved as .npy next to it
    assertBitEqual(v.paths, await load(npy, 'npy'));
  });
});
