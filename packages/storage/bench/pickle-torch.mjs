// node --expose-gc bench/pickle-torch.mjs (after pnpm build): pickle and torch write/read of a big Float32Array
// against raw fs write/read of the same bytes, measured in the same run. OMEGA_BENCH_MB (default 100).
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report } from '@omega/bench';
import { DLFriendlyStorage, NDArray } from '../dist/index.js';

const MB = Number(process.env.OMEGA_BENCH_MB ?? 100);
const storage = new DLFriendlyStorage();
const dir = mkdtempSync(join(tmpdir(), 'omega-bench-pickle-'));

let s = 7;
const n = Math.floor((MB * 2 ** 20) / 4);
const data = new Float32Array(n);
let x = 100;
for (let i = 0; i < n; i++) data[i] = x += (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32 - 0.5;
const arr = new NDArray('float32', [n], data);
const tensor = new NDArray('float32', [n], data, { tensor: true });
const raw = arr.bytes();
const same = (a) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)) === 0;

const rawFile = join(dir, 'raw.bin');
const fsWrite = await measure('fs write raw', () => writeFileSync(rawFile, raw), { verify: () => same(new Uint8Array(readFileSync(rawFile))) });
const fsRead = await measure('fs read raw', () => readFileSync(rawFile), { verify: (b) => same(new Uint8Array(b)) });

const rows = [];
for (const [label, value, format, extra] of [
  ['pickle p2', { w: arr }, 'pickle', { protocol: 2 }],
  ['pickle p3', { w: arr }, 'pickle', { protocol: 3 }],
  ['torch .pt', { w: tensor }, 'torch', {}],
]) {
  const file = join(dir, `${label.replace(/\W/g, '')}.bin`);
  const write = await measure(`${label} save`, () => storage.save(value, file, { format, ...extra }), {
    verify: async () => same((await storage.load(file, format)).w.data),
  });
  const read = await measure(`${label} load`, () => storage.load(file, format), { verify: (v) => same(v.w.data) });
  rows.push({ case: `${MB} MB Float32Array write`, ours: label, baseline: 'fs.writeFileSync raw bytes', oursMs: write.ms, baselineMs: fsWrite.ms });
  rows.push({ case: `${MB} MB Float32Array read`, ours: label, baseline: 'fs.readFileSync raw bytes', oursMs: read.ms, baselineMs: fsRead.ms, target: label === 'torch .pt' ? undefined : 0.5 });
}
report('storage-pickle-torch', rows);
rmSync(dir, { recursive: true, force: true });
