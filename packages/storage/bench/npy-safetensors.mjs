// node --expose-gc bench/npy-safetensors.mjs (after pnpm build): npy, npz and safetensors write/read of a big
// Float32Array against raw fs write/read of the same bytes, measured in the same run. OMEGA_BENCH_MB (default 100).
// `save` is atomic (temp file + fsync + rename), so an atomicWrite of the raw bytes is reported as a second baseline.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report } from '@omega/bench';
import { DLFriendlyStorage, NDArray, atomicWrite } from '../dist/index.js';
import { MB, randomWalkFloat32, sameBytes } from './_data.mjs';

const storage = new DLFriendlyStorage();
const dir = mkdtempSync(join(tmpdir(), 'omega-bench-npy-'));

const arr = randomWalkFloat32(MB, 11);
const n = arr.size;
const data = arr.data;
const raw = arr.bytes();
const same = (a) => sameBytes(a, raw);

const rawFile = join(dir, 'raw.bin');
const fsWrite = await measure('fs write raw', () => writeFileSync(rawFile, raw), { verify: () => same(new Uint8Array(readFileSync(rawFile))) });
const atomicRaw = await measure('atomicWrite raw', () => atomicWrite(rawFile, raw), { verify: () => same(new Uint8Array(readFileSync(rawFile))) });
const fsRead = await measure('fs read raw', () => readFileSync(rawFile), { verify: (b) => same(new Uint8Array(b)) });

const rows = [];
for (const [label, value, format, extra, pick, target] of [
  ['npy', arr, 'npy', {}, (v) => v.data, 0.8],
  ['safetensors', { w: arr }, 'safetensors', {}, (v) => v.w.data, 0.8],
  ['npz stored', { w: arr }, 'npz', {}, (v) => v.w.data, undefined],
]) {
  const file = join(dir, `${label.replace(/\W/g, '')}.bin`);
  const write = await measure(`${label} save`, () => storage.save(value, file, { format, ...extra }), {
    verify: async () => same(pick(await storage.load(file, format))),
  });
  const read = await measure(`${label} load`, () => storage.load(file, format), { verify: (v) => same(pick(v)) });
  rows.push({ case: `${MB} MB Float32Array write`, ours: label, baseline: 'fs.writeFileSync raw bytes', oursMs: write.ms, baselineMs: fsWrite.ms, target });
  rows.push({ case: `${MB} MB Float32Array write`, ours: label, baseline: 'atomicWrite raw bytes (fsync + rename)', oursMs: write.ms, baselineMs: atomicRaw.ms });
  rows.push({ case: `${MB} MB Float32Array read`, ours: label, baseline: 'fs.readFileSync raw bytes', oursMs: read.ms, baselineMs: fsRead.ms, target });
}
report('storage-npy-safetensors', rows);
rmSync(dir, { recursive: true, force: true });
