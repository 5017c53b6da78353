/**
 * The safetensors Python package is not installed here, so a few lines of numpy + json do what its loader does:
 * parse the header, check the reference's layout rules, and decode each tensor — compared with ours bit for bit.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DLFriendlyStorage, NDArray } from '../src/index.js';
import { runPython } from './support/python.js';
import { arrayOf, nanWithPayload } from './support/sample-values.js';

const CHECK = `
import json, struct, sys, numpy as np
raw = open(sys.argv[1], 'rb').read()
n = struct.unpack('<Q', raw[:8])[0]
assert n % 8 == 0, 'header not padded to 8'
header = json.loads(raw[8:8 + n].decode('utf-8'))
meta = header.pop('__metadata__', None)
data = raw[8 + n:]
DT = {'BOOL': '?', 'U8': '<u1', 'I8': '<i1', 'I16': '<i2', 'U16': '<u2', 'F16': '<f2', 'BF16': '<u2', 'I32': '<i4',
      'U32': '<u4', 'F32': '<f4', 'C64': '<c8', 'F64': '<f8', 'I64': '<i8', 'U64': '<u8'}
ORDER = ['BOOL', 'U8', 'I8', 'I16', 'U16', 'F16', 'BF16', 'I32', 'U32', 'F32', 'C64', 'F64', 'I64', 'U64']
names = list(header)
assert names == sorted(names, key=lambda k: (-ORDER.index(header[k]['dtype']), k.encode())), 'not in reference order'
end = 0
out = {'metadata': meta, 'tensors': {}}
for k in names:
    t = header[k]
    b, e = t['data_offsets']
    assert b == end, 'offsets not contiguous'
    end = e
    a = np.frombuffer(data[b:e], dtype=DT[t['dtype']]).reshape(t['shape'])
    assert (8 + n + b) % a.dtype.itemsize == 0 or t['dtype'] == 'C64' and (8 + n + b) % 4 == 0, 'misaligned'
    out['tensors'][k] = {'dtype': t['dtype'], 'shape': list(a.shape), 'hex': a.tobytes().hex()}
assert end == len(data), 'data not covered exactly'
print(json.dumps(out))
`;

const ST: Record<string, string> = {
  bool: 'BOOL', uint8: 'U8', int8: 'I8', int16: 'I16', uint16: 'U16', float16: 'F16', bfloat16: 'BF16', int32: 'I32',
  uint32: 'U32', float32: 'F32', complex64: 'C64', float64: 'F64', int64: 'I64', uint64: 'U64',
};

describe('a numpy + json reader accepts what we write, bit for bit', () => {
  it('every dtype, NaN payloads, −0, 64-bit extremes, 0-d, empty and __metadata__', async () => {
    const f64 = new Float64Array([-0, nanWithPayload()[0]!, Infinity]);
    new Uint8Array(f64.buffer).set(new Uint8Array(nanWithPayload().buffer), 8);
    const value: Record<string, unknown> = {
      f64,
      i64: new NDArray('int64', [3], new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n])),
      u64: new NDArray('uint64', [2], new BigUint64Array([2n ** 64n - 1n, 0n])),
      flags: new NDArray('bool', [2, 2], new Uint8Array([1, 0, 0, 1])),
      half: new NDArray('float16', [4], new Uint16Array([0x7c00, 0x8000, 0x7e01, 0x3c00])),
      bf16: new NDArray('bfloat16', [3], new Uint16Array([0x3f80, 0xffc1, 0x8000])),
      c64: arrayOf('complex64', [2, 3]),
      scalar: new NDArray('float32', [], new Float32Array([-0])),
      empty: new NDArray('int16', [0, 4], new Int16Array(0)),
      'layer.0.weight': arrayOf('float32', [3, 5]),
      u8: arrayOf('uint8', [5]), i8: arrayOf('int8', [5]), u16: arrayOf('uint16', [3]), i16: arrayOf('int16', [3]),
      u32: arrayOf('uint32', [3]), i32: arrayOf('int32', [3]),
      __metadata__: { format: 'pt', note: 'Zoë ☃' },
    };
    const dir = await mkdtemp(`${tmpdir()}/st-python-`);
    try {
      await new DLFriendlyStorage().save(value, `${dir}/m.safetensors`, 'safetensors');
      const out = JSON.parse(runPython(CHECK, [`${dir}/m.safetensors`])) as { metadata: unknown; tensors: Record<string, { dtype: string; shape: number[]; hex: string }> };
      expect(out.metadata).toEqual(value.__metadata__);
      const arrays = Object.entries(value).filter(([k]) => k !== '__metadata__').map(([k, v]) => [k, v instanceof NDArray ? v : NDArray.from(v as Float64Array)] as const);
      expect(Object.keys(out.tensors).sort()).toEqual(arrays.map(([k]) => k).sort());
      for (const [k, a] of arrays) {
        expect(out.tensors[k], k).toEqual({ dtype: ST[a.dtype], shape: [...a.shape], hex: Buffer.from(a.bytes()).toString('hex') });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
