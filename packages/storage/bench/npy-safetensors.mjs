// node --expose-gc bench/npy-safetensors.mjs (after pnpm build): npy, npz and safetensors write/read of a big
// Float32Array against raw fs write/read of the same bytes, measured in the same run. OMEGA_BENCH_MB (default 100).
// `save` is atomic and durable (temp file + fsync + rename), so an atomicWrite of the raw bytes is a second baseline,
// and `save(…, { durable: false })` (atomic, no fsync — still more than fs.writeFileSync promises) is its own row.
// Writes are timed round-robin with their baselines: a write's cost depends on the kernel's writeback of the
// previous ones, so timing one case's repeats back to back would favour whichever ran on a quiet page cache.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, measureInterleaved, report } from '@omega/bench';
import { DLFriendlyStorage, atomicWrite } from '../dist/index.js';
import { MB, randomWalkFloat32, sameBytes } from './_data.mjs';

const storage = new DLFriendlyStorage();
const dir = mkdtempSync(join(tmpdir(), 'omega-bench-npy-'));

const arr = randomWalkFloat32(MB, 11);
const raw = arr.bytes();
const same = (a) => sameBytes(a, raw);

const rawFile = join(dir, 'raw.bin');
const atomicFile = join(dir, 'atomic.bin');
const rawCases = {
  'fs write raw': { run: () => writeFileSync(rawFile, raw), verify: () => same(new Uint8Array(readFileSync(rawFile))) },
  'atomicWrite raw': { run: () => atomicWrite(atomicFile, raw), verify: () => same(new Uint8Array(readFileSync(atomicFile))) },
};
writeFileSync(rawFile, raw);
const fsRead = await measure('fs read raw', () => readFileSync(rawFile), { verify: (b) => same(new Uint8Array(b)) });

const rows = [];
for (const [label, value, format, pick, target] of [
  ['npy', arr, 'npy', (v) => v.data, 0.8],
  ['safetensors', { w: arr }, 'safetensors', (v) => v.w.data, 0.8],
  ['npz stored', { w: arr }, 'npz', (v) => v.w.data, undefined],
]) {
  const file = join(dir, `${label.replace(/\W/g, '')}.bin`);
  const fastFile = `${file}.fast`;
  const verify = (path) => async () => same(pick(await storage.load(path, format)));
  const m = await measureInterleaved({
    ...rawCases,
    save: { run: () => storage.save(value, file, { format }), verify: verify(file) },
    fast: { run: () => storage.save(value, fastFile, { format, durable: false }), verify: verify(fastFile) },
  });
  const read = await measure(`${label} load`, () => storage.load(file, format), { verify: (v) => same(pick(v)) });
  const write = `${MB} MB Float32Array write`;
  rows.push({ case: write, ours: label, baseline: 'fs.writeFileSync raw bytes', oursMs: m.save.ms, baselineMs: m['fs write raw'].ms, target });
  rows.push({ case: write, ours: label, baseline: 'atomicWrite raw bytes (fsync + rename)', oursMs: m.save.ms, baselineMs: m['atomicWrite raw'].ms });
  rows.push({ case: write, ours: `${label} { durable: false }`, baseline: 'fs.writeFileSync raw bytes', oursMs: m.fast.ms, baselineMs: m['fs write raw'].ms, target });
  rows.push({ case: `${MB} MB Float32Array read`, ours: label, baseline: 'fs.readFileSync raw bytes', oursMs: read.ms, baselineMs: fsRead.ms, target });
}
report('storage-npy-safetensors', rows);
rmSync(dir, { recursive: true, force: true });
