// node --expose-gc bench/pickle-torch.mjs (after pnpm build): pickle and torch write/read of a big Float32Array
// against raw fs write/read of the same bytes, measured in the same run. OMEGA_BENCH_MB (default 100).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, measureInterleaved, report } from '@omega/bench';
import { DLFriendlyStorage, NDArray } from '../dist/index.js';
import { MB, randomWalkFloat32, sameBytes } from './_data.mjs';

const storage = new DLFriendlyStorage();
const dir = mkdtempSync(join(tmpdir(), 'omega-bench-pickle-'));

const arr = randomWalkFloat32(MB, 7);
const n = arr.size;
const data = arr.data;
const tensor = new NDArray('float32', [n], data, { tensor: true });
const raw = arr.bytes();
const same = (a) => sameBytes(a, raw);

const rawFile = join(dir, 'raw.bin');
const cases = [
  ['pickle p2', { w: arr }, 'pickle', { protocol: 2 }],
  ['pickle p3', { w: arr }, 'pickle', { protocol: 3 }],
  ['torch .pt', { w: tensor }, 'torch', {}],
].map(([label, value, format, extra]) => ({ label, value, format, extra, file: join(dir, `${label.replace(/\W/g, '')}.bin`) }));
// Writes are timed round-robin with the raw write (see npy-safetensors.mjs); reads one case after another.
const writes = await measureInterleaved({
  raw: { run: () => writeFileSync(rawFile, raw), verify: () => same(new Uint8Array(readFileSync(rawFile))) },
  ...Object.fromEntries(cases.map((c) => [c.label, {
    run: () => storage.save(c.value, c.file, { format: c.format, ...c.extra }),
    verify: async () => same((await storage.load(c.file, c.format)).w.data),
  }])),
});
const fsRead = await measure('fs read raw', () => readFileSync(rawFile), { verify: (b) => same(new Uint8Array(b)) });

const rows = [];
for (const c of cases) {
  const read = await measure(`${c.label} load`, () => storage.load(c.file, c.format), { verify: (v) => same(v.w.data) });
  rows.push({ case: `${MB} MB Float32Array write`, ours: c.label, baseline: 'fs.writeFileSync raw bytes', oursMs: writes[c.label].ms, baselineMs: writes.raw.ms });
  rows.push({ case: `${MB} MB Float32Array read`, ours: c.label, baseline: 'fs.readFileSync raw bytes', oursMs: read.ms, baselineMs: fsRead.ms, target: c.label === 'torch .pt' ? undefined : 0.5 });
}
// What numpy users hand us: pickle.dump of the same array by Debian's numpy at Python's default protocol and at 5.
const rawPath = join(dir, 'array.f32');
writeFileSync(rawPath, raw);
for (const protocol of ['default', '5']) {
  const file = join(dir, `numpy-${protocol}.pkl`);
  const script = 'import sys, pickle, numpy as np\n'
    + 'a = np.fromfile(sys.argv[1], dtype="<f4")\n'
    + 'p = pickle.DEFAULT_PROTOCOL if sys.argv[3] == "default" else int(sys.argv[3])\n'
    + 'pickle.dump({"w": a}, open(sys.argv[2], "wb"), protocol=p)\n'
    + 'print(p)';
  const used = execFileSync('/usr/bin/python3', ['-c', script, rawPath, file, protocol], { encoding: 'utf8' }).trim();
  const label = `numpy pickle p${used}${protocol === 'default' ? ' (Python default)' : ''}`;
  const read = await measure(`${label} load`, () => storage.load(file, 'pickle'), { verify: (v) => same(v.w.data) });
  rows.push({ case: `${MB} MB Float32Array read`, ours: label, baseline: 'fs.readFileSync raw bytes', oursMs: read.ms, baselineMs: fsRead.ms, target: 0.5 });
}
report('storage-pickle-torch', rows);
rmSync(dir, { recursive: true, force: true });
