/**
 * Real PyTorch (Debian's python3-torch, installed by .ci/run) loads the .pt checkpoints we write with
 * `torch.load(weights_only=True)` — every dtype bit for bit, shared storages shared, Python scalars exact.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DLFriendlyStorage, NDArray } from '../src/index.js';
import { runPython } from './support/python.js';
import { arrayOf, nanWithPayload } from './support/sample-values.js';

const storage = new DLFriendlyStorage();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'torch-python-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tensor = (a: NDArray) => new NDArray(a.dtype, a.shape, a.data, { tensor: true });

function specials(): Record<string, NDArray> {
  const f64 = new Float64Array([0, -0, Infinity, -Infinity, 5e-324, Number.MAX_VALUE, 0]);
  new Uint8Array(f64.buffer).set(new Uint8Array(nanWithPayload().buffer, 0, 8), 48);
  const f32 = new Float32Array(3);
  new DataView(f32.buffer).setUint32(0, 0x7fc0_1234, true);
  f32[1] = -0;
  f32[2] = 1.401298464324817e-45;
  return {
    f64_specials: new NDArray('float64', [7], f64),
    f32_specials: new NDArray('float32', [3], f32),
    i64_extremes: new NDArray('int64', [4], new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n, -(2n ** 53n) - 1n])),
    f16_specials: new NDArray('float16', [5], Uint16Array.from([0x7c00, 0xfc00, 0x8000, 0x7e01, 0x0001])),
    bf16_specials: new NDArray('bfloat16', [4], Uint16Array.from([0x7f80, 0x8000, 0x7fc1, 0x0001])),
  };
}

// For every tensor: dtype, shape and the sha256 of its C-order little-endian bytes (bfloat16 through an int16 view,
// since numpy has no bfloat16); for scalars, repr. Shared storages are reported by data_ptr equality.
const SCRIPT = `
import sys, hashlib, json, torch
ck = torch.load(sys.argv[1], weights_only=sys.argv[2] == 'weights-only')
out = {}
def visit(path, v):
    if isinstance(v, torch.Tensor):
        t = v.contiguous()
        if t.dtype == torch.bfloat16:
            t = t.view(torch.int16)
        out[path] = {'dtype': str(v.dtype).replace('torch.', ''), 'shape': list(v.shape), 'sha256': hashlib.sha256(t.numpy().tobytes()).hexdigest()}
    elif isinstance(v, dict):
        for k, x in v.items(): visit(path + '.' + str(k), x)
    elif isinstance(v, (list, tuple)):
        for i, x in enumerate(v): visit(path + '[' + str(i) + ']', x)
    else:
        out[path] = {'type': type(v).__name__, 'repr': repr(v)}
visit('$', ck)
if 'tied_a' in ck: out['shared'] = ck['tied_a'].data_ptr() == ck['tied_b'].data_ptr()
print(json.dumps(out))
`;

const TORCH_DTYPE: Record<string, string> = {
  bool: 'bool', int8: 'int8', int16: 'int16', int32: 'int32', int64: 'int64', uint8: 'uint8',
  float16: 'float16', bfloat16: 'bfloat16', float32: 'float32', float64: 'float64', complex64: 'complex64', complex128: 'complex128',
};

describe('torch.load(weights_only=True) reads our .pt files', () => {
  it('every dtype bit for bit, shared storages, nested containers and Python scalars', async () => {
    const tied = tensor(arrayOf('float32', [3, 2], 9));
    const byDtype = Object.fromEntries(Object.keys(TORCH_DTYPE).map((d, k) => [d, tensor(arrayOf(d as never, [2, 3], k + 2))]));
    const checkpoint = {
      ...byDtype,
      ...Object.fromEntries(Object.entries(specials()).map(([k, a]) => [k, tensor(a)])),
      scalar0d: new NDArray('float64', [], new Float64Array([-0]), { tensor: true }),
      empty: new NDArray('int32', [0, 4], new Int32Array(0), { tensor: true }),
      tied_a: tied,
      tied_b: tied,
      // No Python floats here: torch 1.13's weights-only unpickler lacks the BINFLOAT opcode (torch ≥ 2.0 has it),
      // so floats are checked in the next test.
      optimizer: { step: 1200, big: 2n ** 70n, name: 'adam', on: true, none: null, ids: [1, -2, 3] },
    };
    const file = join(dir, 'checkpoint.pt');
    await storage.save(checkpoint, file, 'torch');
    const seen = JSON.parse(runPython(SCRIPT, [file, 'weights-only'])) as Record<string, unknown>;

    const problems: string[] = [];
    const arrays = Object.entries(checkpoint).filter((e): e is [string, NDArray] => e[1] instanceof NDArray);
    for (const [name, a] of arrays) {
      const got = seen[`$.${name}`] as { dtype: string; shape: number[]; sha256: string } | undefined;
      const want = { dtype: TORCH_DTYPE[a.dtype], shape: [...a.shape], sha256: createHash('sha256').update(a.bytes()).digest('hex') };
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${name}: torch saw ${JSON.stringify(got)}, we wrote ${JSON.stringify(want)}`);
    }
    expect(problems).toEqual([]);
    expect(arrays.length).toBe(12 + 5 + 4);
    expect(seen.shared).toBe(true);
    expect(seen['$.optimizer.step']).toEqual({ type: 'int', repr: '1200' });
    expect(seen['$.optimizer.ids[1]']).toEqual({ type: 'int', repr: '-2' });
    expect(seen['$.optimizer.big']).toEqual({ type: 'int', repr: String(2n ** 70n) });
    expect(seen['$.optimizer.name']).toEqual({ type: 'str', repr: "'adam'" });
    expect(seen['$.optimizer.on']).toEqual({ type: 'bool', repr: 'True' });
    expect(seen['$.optimizer.none']).toEqual({ type: 'NoneType', repr: 'None' });
  }, 60_000);

  it('Python floats (NaN, −0, shortest repr) next to a tensor', async () => {
    const file = join(dir, 'floats.pt');
    await storage.save({ w: tensor(arrayOf('float32', [2])), lr: 0.0003, betas: [0.9, 0.999], odd: [-0, NaN, Infinity, 5e-324] }, file, 'torch');
    const seen = JSON.parse(runPython(SCRIPT, [file, 'full'])) as Record<string, unknown>;
    expect(seen['$.lr']).toEqual({ type: 'float', repr: '0.0003' });
    expect(seen['$.betas[1]']).toEqual({ type: 'float', repr: '0.999' });
    expect(['$.odd[0]', '$.odd[1]', '$.odd[2]', '$.odd[3]'].map((k) => (seen[k] as { repr: string }).repr)).toEqual(['-0.0', 'nan', 'inf', '5e-324']);
    expect((seen['$.w'] as { dtype: string }).dtype).toBe('float32');
  }, 60_000);
});
