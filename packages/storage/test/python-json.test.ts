import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NDArray, save } from '../src/index.js';
import { arrayOf } from './support/sample-values.js';
import { runPython } from './support/python.js';

// Rebuilds every array the seed's way, np.array(data, dtype).reshape(shape), and our base64 form with np.frombuffer;
// prints, per key, dtype, shape and the sha256 of the C-order little-endian bytes.
const READER = `
import json, sys, hashlib, base64, zlib
import numpy as np
import struct
text = open(sys.argv[1]).read()
blobs, data = [], b''
if not text.lstrip().startswith('{'):
    raw = zlib.decompress(base64.b64decode(text))
    if raw.startswith(b'OMEGAZ1\\n'):
        (n,) = struct.unpack_from('<I', raw, 8)
        skeleton = json.loads(raw[12:12 + n].decode('utf-8'))
        doc, blobs, data = skeleton['value'], skeleton['blobs'], raw[12 + n:]
    else:
        doc = json.loads(raw.decode('utf-8'))
else:
    doc = json.loads(text)
out = {}
for key, node in doc.items():
    dt = np.dtype(node['dtype'])
    if node.get('encoding') == 'ref':
        off, length, width = blobs[node['ref']]
        planes = np.frombuffer(data[off:off + length], dtype=np.uint8).reshape(width, -1)
        arr = np.frombuffer(planes.T.copy().tobytes(), dtype=dt.newbyteorder('<')).reshape(node['shape'])
    elif node.get('encoding') == 'base64':
        arr = np.frombuffer(base64.b64decode(node['data']), dtype=dt.newbyteorder('<')).reshape(node['shape'])
    else:
        arr = np.array(node['data'], dtype=dt).reshape(node['shape'])
    out[key] = [str(arr.dtype), list(arr.shape), hashlib.sha256(np.ascontiguousarray(arr).astype(dt.newbyteorder('<')).tobytes()).hexdigest()]
print(json.dumps(out))
`;

const arrays: Record<string, NDArray> = {
  f32: arrayOf('float32', [2, 3]),
  f64: arrayOf('float64', [4]),
  i64: new NDArray('int64', [3], new BigInt64Array([1n, -2n, 2n ** 53n - 1n])),
  big_i64: new NDArray('int64', [2], new BigInt64Array([2n ** 62n + 1n, -(2n ** 63n)])),
  u8: arrayOf('uint8', [2, 2]),
  flags: arrayOf('bool', [5]),
  empty: new NDArray('float64', [0, 3], new Float64Array(0)),
  scalar: new NDArray('float32', [], new Float32Array([2.5])),
  large: arrayOf('float32', [20, 30]),
  nan_payload: new NDArray('float32', [1], new Float32Array(new Uint32Array([0x7fc01234]).buffer)),
};

function sha(arr: NDArray): string {
  return createHash('sha256').update(arr.bytes()).digest('hex');
}

describe('Python (numpy) reads what we write', () => {
  for (const [format, label, options] of [['json', 'json', {}], ['compressed', 'compressed (seed JSON body)', {}], ['compressed', 'compressed (array container body)', { shuffleMinBytes: 1 }]] as const) {
    it(`rebuilds every array from our ${label} file with equal bytes`, async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'omega-py-')), `arrays.${format}`);
      await save(arrays, file, { format, ...options });
      const result = JSON.parse(runPython(READER, [file])) as Record<string, [string, number[], string]>;
      for (const [key, arr] of Object.entries(arrays)) {
        const dtype = arr.dtype === 'bool' ? 'bool' : arr.dtype;
        expect(result[key], key).toEqual([dtype, [...arr.shape], sha(arr)]);
      }
    });
  }
});
