// node --expose-gc bench/hdf5.mjs (after pnpm build). HDF5 through h5wasm against raw fs and node:zlib, measured
// in the same run: uncompressed and gzip-6 write/read of a big Float32Array (OMEGA_BENCH_MB, default 100), and a
// 1 MiB slice out of a file larger than the 2 GiB wasm heap (OMEGA_BENCH_HDF5_BIG_GIB, default 3; 0 skips it and
// says so). The slice is read in a fresh child process so that its peak RSS is the reader's alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { measure, measureInterleaved, report } from '@omega/bench';
import { DEFAULT_POLICY, DLFriendlyStorage, NDArray, atomicWrite, openHDF5 } from '../dist/index.js';
import { readHDF5File } from '../dist/formats/hdf5/read-file.js';
import { MB, randomWalkFloat32, sameBytes } from './_data.mjs';

const BIG_COLS = 1024;
const bigValue = (i) => (i % 1_000_003) * 0.5;

if (process.argv[2] === '--slice-child') {
  // Child: open the big file, read 256 rows × 1024 float32 (1 MiB) from its middle, verify, report time and RSS.
  const t0 = process.hrtime.bigint();
  const f = await openHDF5(process.argv[3]);
  let ms;
  try {
    const ds = f.get('big');
    const row = Math.floor(ds.shape[0] / 2);
    const slice = ds.slice([[row, row + 256]]);
    ms = Number(process.hrtime.bigint() - t0) / 1e6;
    for (let i = 0; i < slice.data.length; i += 997) {
      if (slice.data[i] !== bigValue(row * BIG_COLS + i)) throw new Error(`slice element ${i} is wrong`);
    }
  } finally {
    f.close();
  }
  // VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the (large) parent across fork+exec.
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  console.log(JSON.stringify({ ms, maxRssMiB: Number(hwm?.[1]) / 1024 }));
  process.exit(0);
}

const BIG_GIB = Number(process.env.OMEGA_BENCH_HDF5_BIG_GIB ?? 3);
const storage = new DLFriendlyStorage();
const dir = mkdtempSync(join(tmpdir(), 'omega-bench-hdf5-'));

const arr = randomWalkFloat32(MB, 11);
const n = arr.size;
const data = arr.data;
const raw = arr.bytes();
const same = (a) => sameBytes(a, raw);

const rows = [];
try {
  const rawFile = join(dir, 'raw.bin');
  // Writes are timed round-robin with their baselines (see npy-safetensors.mjs): a write's cost depends on the
  // kernel's writeback of the previous ones.
  const plain = join(dir, 'plain.h5');
  const plainFast = join(dir, 'plain-fast.h5');
  const atomicFile = join(dir, 'atomic.bin');
  const verifyH5 = (path) => async () => same((await storage.load(path)).paths.data);
  const w = await measureInterleaved({
    fsWrite: { run: () => writeFileSync(rawFile, raw), verify: () => same(new Uint8Array(readFileSync(rawFile))) },
    atomicRaw: { run: () => atomicWrite(atomicFile, raw), verify: () => same(new Uint8Array(readFileSync(atomicFile))) },
    save: { run: () => storage.save({ paths: arr }, plain, { format: 'hdf5', compressionLevel: 0 }), verify: verifyH5(plain) },
    fast: { run: () => storage.save({ paths: arr }, plainFast, { format: 'hdf5', compressionLevel: 0, durable: false }), verify: verifyH5(plainFast) },
  });
  const fsRead = await measure('fs read raw', () => readFileSync(rawFile), { verify: (b) => same(new Uint8Array(b)) });
  const r0 = await measure('hdf5 load level 0', () => storage.load(plain), { verify: (v) => same(v.paths.data) });
  const write = `${MB} MB Float32Array write, uncompressed`;
  rows.push({ case: write, ours: 'hdf5 save (atomic, durable)', baseline: 'fs.writeFileSync', oursMs: w.save.ms, baselineMs: w.fsWrite.ms, target: 0.5 });
  rows.push({ case: write, ours: 'hdf5 save (atomic, durable)', baseline: 'atomicWrite of raw bytes', oursMs: w.save.ms, baselineMs: w.atomicRaw.ms });
  rows.push({ case: write, ours: 'hdf5 save { durable: false }', baseline: 'fs.writeFileSync', oursMs: w.fast.ms, baselineMs: w.fsWrite.ms, target: 0.5 });
  rows.push({ case: `${MB} MB Float32Array read, uncompressed`, ours: 'hdf5 load', baseline: 'fs.readFileSync', oursMs: r0.ms, baselineMs: fsRead.ms, target: 0.5 });

  // What the decode worker costs (load runs h5wasm in a worker thread with a deadline): the same read in this
  // thread, without the worker, as the baseline — for the 100 MB file and for a ~1 KB one.
  const inThread = (file) => readHDF5File(file, { policy: DEFAULT_POLICY, codecs: [], sliceBytes: 256 * 2 ** 20 });
  const rIn = await measure('hdf5 read in-thread level 0', () => inThread(plain), { verify: (v) => same(v.paths.data) });
  rows.push({ case: `${MB} MB Float32Array read, uncompressed`, ours: 'hdf5 load (decode worker)', baseline: 'same read in-thread, no worker', oursMs: r0.ms, baselineMs: rIn.ms });
  const small = join(dir, 'small.h5');
  const smallValue = { w: new NDArray('float32', [4, 8], new Float32Array(32).map((_, i) => i / 3)), step: 7, label: 'tiny' };
  await storage.save(smallValue, small, { format: 'hdf5' });
  const sameSmall = (v) => sameBytes(v.w.bytes(), smallValue.w.bytes()) && v.step === 7 && v.label === 'tiny';
  const sIn = await measure('hdf5 small read in-thread', () => inThread(small), { verify: sameSmall, repeats: 50 });
  const sW = await measure('hdf5 small load (worker)', () => storage.load(small), { verify: sameSmall, repeats: 50 });
  rows.push({ case: `${statSync(small).size} B file read`, ours: 'hdf5 load (decode worker)', baseline: 'same read in-thread, no worker', oursMs: sW.ms, baselineMs: sIn.ms });

  const level = 6;
  const gz = join(dir, 'gzip.h5');
  const w6 = await measure('hdf5 save gzip', () => storage.save({ paths: arr }, gz, { format: 'hdf5', compressionLevel: level }), {
    verify: async () => same((await storage.load(gz)).paths.data), repeats: 1,
  });
  const r6 = await measure('hdf5 load gzip', () => storage.load(gz), { verify: (v) => same(v.paths.data), repeats: 1 });
  const deflated = zlib.deflateSync(raw, { level });
  const zw = await measure('node:zlib deflate', () => zlib.deflateSync(raw, { level }), { verify: (o) => same(zlib.inflateSync(o)), repeats: 1 });
  const zr = await measure('node:zlib inflate', () => zlib.inflateSync(deflated), { verify: (o) => same(o), repeats: 1 });
  rows.push({ case: `${MB} MB Float32Array write, gzip ${level}`, ours: 'hdf5 save (1 MiB chunks)', baseline: 'node:zlib deflateSync', oursMs: w6.ms, baselineMs: zw.ms });
  rows.push({ case: `${MB} MB Float32Array read, gzip ${level}`, ours: 'hdf5 load', baseline: 'node:zlib inflateSync', oursMs: r6.ms, baselineMs: zr.ms });
  console.log(`  sizes: hdf5 gzip ${(statSync(gz).size / 2 ** 20).toFixed(1)} MiB, zlib ${(deflated.length / 2 ** 20).toFixed(1)} MiB, raw ${(raw.length / 2 ** 20).toFixed(1)} MiB`);
  report('storage-hdf5', rows);

  if (BIG_GIB > 0) {
    const rowsBig = Math.floor((BIG_GIB * 2 ** 30) / 4 / BIG_COLS);
    const big = new Float32Array(rowsBig * BIG_COLS);
    for (let i = 0; i < big.length; i++) big[i] = bigValue(i);
    const bigFile = join(dir, 'big.h5');
    const t0 = process.hrtime.bigint();
    await storage.save({ big: new NDArray('float32', [rowsBig, BIG_COLS], big) }, bigFile, { format: 'hdf5', compressionLevel: 0 });
    const writeMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const child = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--slice-child', bigFile], { encoding: 'utf8' }));
    console.log(`  big file: ${(statSync(bigFile).size / 2 ** 30).toFixed(2)} GiB written in ${(writeMs / 1000).toFixed(1)} s (sliced through the wasm heap)`);
    console.log(`  1 MiB slice from its middle (fresh process, open + read): ${child.ms.toFixed(1)} ms, peak RSS ${child.maxRssMiB.toFixed(0)} MiB (target < 512 MiB → ${child.maxRssMiB < 512 ? 'met' : 'NOT met'})`);
  } else {
    console.log('  big-file case SKIPPED (OMEGA_BENCH_HDF5_BIG_GIB=0)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
