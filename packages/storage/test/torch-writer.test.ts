/** Our .pt writer: round trips through our reader, and the zip layout torch.load expects (torch itself is not installed here). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NDArray, UnsupportedValueError, encode } from '../src/index.js';
import { ZipReader } from '../src/formats/_zip.js';
import { unpickle } from '../src/formats/pickle/unpickler.js';
import { DEFAULT_POLICY } from '../src/limits.js';
import { describeFormatConformance } from './support/conformance.js';
import { runPython } from './support/python.js';
import { arrayOf } from './support/sample-values.js';

const asTensor = (a: NDArray) => new NDArray(a.dtype, a.shape, a.data, { tensor: true });
const dtypes = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'float16', 'bfloat16', 'float32', 'float64', 'complex64', 'complex128'] as const;

const table: Array<[string, unknown]> = [
  ...dtypes.map((d): [string, unknown] => [`${d} tensor 3x4`, asTensor(arrayOf(d, [3, 4]))]),
  ['0-d tensor', new NDArray('float32', [], new Float32Array([2.5]), { tensor: true })],
  ['empty tensor', new NDArray('float64', [0, 3], new Float64Array(0), { tensor: true })],
  ['state dict', { 'layer.weight': asTensor(arrayOf('float32', [4, 2])), 'layer.bias': asTensor(arrayOf('float32', [4])) }],
  ['checkpoint with scalars', { step: 1200, lr: 0.0003, name: 'omega', history: [0.9, 0.5, NaN, -0], flags: [true, false, null], big: 2n ** 70n, nested: { opt: { m: [asTensor(arrayOf('bfloat16', [5]))] } } }],
];
const sample = { w: asTensor(arrayOf('float32', [2, 3])), step: 3, ids: asTensor(arrayOf('int64', [4])) };

describeFormatConformance('torch', {
  table,
  sample,
  foreign: [
    ['npz-like zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])],
    ['plain pickle', new Uint8Array([0x80, 0x02, 0x4e, 0x2e])],
    ['empty input', new Uint8Array(0)],
  ],
});

describe('torch writer layout', () => {
  it('writes archive/data.pkl first, then the records torch.load reads, storages stored uncompressed', async () => {
    const shared = asTensor(arrayOf('float32', [2, 2]));
    const bytes = (await encode({ a: shared, b: shared, c: asTensor(arrayOf('int64', [3])) }, 'torch')) as Uint8Array;
    const zip = ZipReader.open(bytes, { policy: DEFAULT_POLICY, format: 'torch' });
    expect(zip.entries.map((e) => e.name)).toEqual([
      'archive/data.pkl', 'archive/.format_version', 'archive/.storage_alignment', 'archive/byteorder', 'archive/data/0', 'archive/data/1', 'archive/version',
    ]);
    expect(zip.entries.every((e) => e.method === 0)).toBe(true);
    // storages start on 64-byte boundaries, as PyTorch lays them out (padding in the local headers' extra field)
    expect(zip.entries.filter((e) => e.name.includes('/data/')).map((e) => e.dataOffset % 64)).toEqual([0, 0]);
    expect(new TextDecoder().decode(zip.read('archive/byteorder'))).toBe('little');
    expect(new TextDecoder().decode(zip.read('archive/version'))).toBe('3\n');
    // one storage per distinct array: the tensor used twice shares storage 0
    expect(zip.read('archive/data/0')).toEqual(shared.bytes());
    // data.pkl only names globals on torch's weights-only allowlist
    const pkl = zip.read('archive/data.pkl');
    const script = "import sys, pickletools\nfor op, arg, _ in pickletools.genops(open(sys.argv[1], 'rb').read()):\n    if op.name == 'GLOBAL': print(arg.replace(' ', '.'))";
    const file = join(mkdtempSync(join(tmpdir(), 'omega-torch-')), 'data.pkl');
    writeFileSync(file, pkl);
    const globals = runPython(script, [file]).trim().split('\n');
    expect(new Set(globals)).toEqual(new Set(['torch._utils._rebuild_tensor_v2', 'torch.FloatStorage', 'torch.LongStorage', 'collections.OrderedDict']));
    // the plain pickle reader (no torch allowlist, no storages) refuses it by name instead of guessing
    expect(() => unpickle(pkl)).toThrow(/torch\._utils\._rebuild_tensor_v2 is not allowed/);
  });

  it('refuses values a weights-only torch.load would refuse, naming the path', async () => {
    await expect(encode({ when: new Date(0) }, 'torch')).rejects.toThrow(UnsupportedValueError);
    await expect(encode({ s: new NDArray('str', [1], ['x']) }, 'torch')).rejects.toThrow(/\$\.s/);
    await expect(encode({ u: arrayOf('uint32', [2]) }, 'torch')).rejects.toThrow(/uint32/);
  });
});
