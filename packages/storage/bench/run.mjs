// pnpm bench (storage): verify each output, then time it; ratios against baselines measured in the same run.
// Sizes: OMEGA_BENCH_MB (default 100) for the big Float32Array; OMEGA_BENCH_RECORDS (default 10000).
import v8 from 'node:v8';
import zlib from 'node:zlib';
import { Packr } from 'msgpackr';
import superjson from 'superjson';
import { measure, measureInterleaved, report } from '@omega/bench';
import { DLFriendlyStorage, NDArray } from '../dist/index.js';

const MB = Number(process.env.OMEGA_BENCH_MB ?? 100);
const RECORDS = Number(process.env.OMEGA_BENCH_RECORDS ?? 10000);
const storage = new DLFriendlyStorage();

function seeded(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sameBytes(a, b) {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}

// A random walk: smooth like simulated paths.
function bigArray() {
  const n = Math.floor((MB * 2 ** 20) / 4);
  const rnd = seeded(7);
  const data = new Float32Array(n);
  let x = 100;
  for (let i = 0; i < n; i++) data[i] = x += rnd() - 0.5;
  return new NDArray('float32', [n / 1000 | 0, 1000].every(Boolean) && n % 1000 === 0 ? [n / 1000, 1000] : [n], data);
}

function nestedLists(arr) {
  const [rows, cols] = arr.shape.length === 2 ? arr.shape : [1, arr.shape[0]];
  const out = new Array(rows);
  for (let r = 0; r < rows; r++) out[r] = Array.from(arr.data.subarray(r * cols, (r + 1) * cols));
  return out;
}

async function typedArrayCase() {
  const arr = bigArray();
  const rows = [];
  const ours = await measure('ours json', async () => storage.decode(await storage.encode({ paths: arr }, 'json'), 'json'), {
    verify: (v) => sameBytes(v.paths.data, arr.data),
  });
  const seedWay = await measure('JSON nested lists', () => {
    const text = JSON.stringify({ __type__: 'numpy_array', dtype: 'float32', shape: arr.shape, data: nestedLists(arr) });
    const back = JSON.parse(text);
    return Float32Array.from(back.data.flat());
  }, { verify: (v) => sameBytes(v, arr.data), repeats: 1 });
  rows.push({ case: `${MB} MB Float32Array round trip`, ours: 'typed json', baseline: 'JSON.stringify nested lists (seed)', oursMs: ours.ms, baselineMs: seedWay.ms, target: 25 });

  // superjson has no typed-array support of its own: it goes through a plain number array (what users do).
  const sj = await measure('superjson', () => Float32Array.from(superjson.parse(superjson.stringify({ paths: Array.from(arr.data) })).paths), {
    verify: (v) => sameBytes(v, arr.data), repeats: 1,
  });
  rows.push({ case: `${MB} MB Float32Array round trip`, ours: 'typed json', baseline: 'superjson', oursMs: ours.ms, baselineMs: sj.ms, target: 30 });

  const v8m = await measure('v8.serialize', () => v8.deserialize(v8.serialize(arr.data)), { verify: (v) => sameBytes(v, arr.data) });
  rows.push({ case: `${MB} MB Float32Array round trip`, ours: 'typed json', baseline: 'v8.serialize', oursMs: ours.ms, baselineMs: v8m.ms });
  const packr = new Packr({ moreTypes: true });
  const mp = await measure('msgpackr', () => packr.unpack(packr.pack(arr.data)), { verify: (v) => sameBytes(v, arr.data) });
  rows.push({ case: `${MB} MB Float32Array round trip`, ours: 'typed json', baseline: 'msgpackr', oursMs: ours.ms, baselineMs: mp.ms });

  // compressed vs node:zlib alone on the raw bytes, same level (6): encode, and decode.
  const level = 6;
  const raw = arr.bytes();
  const comp = await measure('ours compressed encode', () => storage.encode({ paths: arr }, { format: 'compressed', compressionLevel: level }), {
    verify: async (text) => sameBytes((await storage.decode(text, 'compressed')).paths.data, arr.data), repeats: 1,
  });
  const z = await measure('node:zlib deflate raw', () => zlib.deflateSync(raw, { level }), {
    verify: (out) => sameBytes(zlib.inflateSync(out), raw), repeats: 1,
  });
  rows.push({ case: `${MB} MB Float32Array encode, level ${level}`, ours: 'compressed', baseline: 'node:zlib deflate of raw bytes', oursMs: comp.ms, baselineMs: z.ms, target: 0.9 });
  const text = await storage.encode({ paths: arr }, { format: 'compressed', compressionLevel: level });
  const deflated = zlib.deflateSync(raw, { level });
  const compDec = await measure('ours compressed decode', () => storage.decode(text, 'compressed'), { verify: (v) => sameBytes(v.paths.data, arr.data), repeats: 1 });
  const zDec = await measure('node:zlib inflate raw', () => zlib.inflateSync(deflated), { verify: (out) => sameBytes(out, raw), repeats: 1 });
  rows.push({ case: `${MB} MB Float32Array decode`, ours: 'compressed', baseline: 'node:zlib inflate of raw bytes', oursMs: compDec.ms, baselineMs: zDec.ms, target: 0.9 });
  console.log(`  sizes: compressed text ${(text.length / 2 ** 20).toFixed(1)} MiB; zlib of raw bytes ${(deflated.length / 2 ** 20).toFixed(1)} MiB; raw ${(raw.length / 2 ** 20).toFixed(1)} MiB`);
  return rows;
}

function records() {
  const rnd = seeded(11);
  return Array.from({ length: RECORDS }, (_, i) => ({
    id: i,
    name: `subject-${i}`,
    ts: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000),
    values: Float64Array.from({ length: 16 }, () => rnd() * 1000),
    tags: ['a', `t${i % 7}`],
  }));
}

function recordsEqual(back, recs) {
  return back.length === recs.length && back.every((r, i) => {
    const e = recs[i];
    const values = r.values instanceof NDArray ? r.values.data : r.values;
    return r.id === e.id && r.name === e.name && r.ts.getTime() === e.ts.getTime() && sameBytes(Float64Array.from(values), e.values) && r.tags.join() === e.tags.join();
  });
}

async function recordsCase() {
  const recs = records();
  const replacer = (_k, v) => (v instanceof Float64Array ? { f64: Array.from(v) } : v);
  const reviver = (k, v) => (k === 'ts' ? new Date(v) : v && v.f64 ? Float64Array.from(v.f64) : v);
  const packr = new Packr({ moreTypes: true });
  const verify = (v) => recordsEqual(v, recs);
  // Round-robin: each case's runs are spread over the same stretch of time as the others' (this shared host's speed
  // drifts by tens of percent over minutes), 9 rounds after the warm-up.
  const m = await measureInterleaved({
    ours: { run: async () => storage.decode(await storage.encode(recs, 'json'), 'json'), verify },
    superjson: { run: () => superjson.parse(superjson.stringify(recs.map((r) => ({ ...r, values: Array.from(r.values) })))), verify },
    replacer: { run: () => JSON.parse(JSON.stringify(recs, replacer), reviver), verify },
    v8: { run: () => v8.deserialize(v8.serialize(recs)), verify },
    msgpackr: { run: () => packr.unpack(packr.pack(recs)), verify },
  }, { repeats: 9 });
  const c = `${RECORDS} mixed records round trip`;
  const rows = [
    { case: c, ours: 'typed json', baseline: 'superjson', oursMs: m.ours.ms, baselineMs: m.superjson.ms, target: 5 },
    { case: c, ours: 'typed json', baseline: 'JSON.stringify + replacer/reviver', oursMs: m.ours.ms, baselineMs: m.replacer.ms },
    { case: c, ours: 'typed json', baseline: 'v8.serialize', oursMs: m.ours.ms, baselineMs: m.v8.ms },
    { case: c, ours: 'typed json', baseline: 'msgpackr', oursMs: m.ours.ms, baselineMs: m.msgpackr.ms },
  ];
  return rows;
}

async function zlibEngines() {
  const arr = new Float32Array(((16 * 2 ** 20) / 4) | 0);
  const rnd = seeded(3);
  let x = 0;
  for (let i = 0; i < arr.length; i++) arr[i] = x += rnd() - 0.5;
  const value = { paths: new NDArray('float32', [arr.length], arr) };
  const node = await measure('compressed via node:zlib', () => storage.encode(value, { format: 'compressed', zlibEngine: 'node' }), {
    verify: async (t) => sameBytes((await storage.decode(t, 'compressed')).paths.data, arr),
  });
  const pk = await measure('compressed via pako', () => storage.encode(value, { format: 'compressed', zlibEngine: 'pako' }), {
    verify: async (t) => sameBytes((await storage.decode(t, 'compressed')).paths.data, arr),
  });
  return [{ case: '16 MB Float32Array compressed encode', ours: 'node:zlib engine (default)', baseline: 'pako engine', oursMs: node.ms, baselineMs: pk.ms }];
}

const rows = [...(await recordsCase()), ...(await zlibEngines()), ...(await typedArrayCase())];
report('storage', rows);
