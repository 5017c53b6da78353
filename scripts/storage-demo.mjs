// The storage demo (until `omega demo` exists): saves a sample mesh-like result in every registered format that
// can hold it, loads each file back, checks it, and prints what it did and where.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { NDArray, PreciseDate, defaultRegistry, load, save, isStorageError } from '@omega/storage';

const out = resolve(process.env.OMEGA_DEMO_DIR ?? 'omega-demo-output');
mkdirSync(out, { recursive: true });

const steps = 12;
const paths = new Float64Array(4 * steps);
for (let p = 0; p < 4; p++) for (let t = 0; t < steps; t++) paths[p * steps + t] = 100 * Math.exp(0.01 * t * (p - 1.5));
const result = {
  mesh_statistics: { total_nodes: 10040, solidified_nodes: 12, horizon_years: 10 },
  paths: new NDArray('float64', [4, steps], paths),
  node_ids: new NDArray('int64', [4], new BigInt64Array([1n, 2n, 2n ** 60n, 2n ** 53n + 1n])),
  created: new PreciseDate(Date.UTC(2025, 6, 17, 1, 5, 52, 436), 578),
  milestones: [{ event_type: 'education', amount: 25000, probability: 0.9 }],
};
const candidates = [
  ['the whole result', result],
  ['its arrays', { paths: result.paths, node_ids: result.node_ids }],
  ['the paths array', result.paths],
];

const arraysEqual = (a, b) => a instanceof NDArray && b instanceof NDArray && a.dtype === b.dtype && a.shape.join() === b.shape.join() && Buffer.compare(Buffer.from(a.bytes()), Buffer.from(b.bytes())) === 0;

console.log(`Omega storage demo — writing to ${out}`);
for (const format of defaultRegistry.formats()) {
  let done = false;
  for (const [label, value] of candidates) {
    const file = resolve(out, `mesh-result.${format.extensions[0] ?? format.name}`);
    try {
      const saved = await save(value, file, { format: format.name });
      const back = await load(file);
      const ok = value instanceof NDArray ? arraysEqual(back, value) : arraysEqual(back.paths, result.paths);
      console.log(`  ${format.name.padEnd(12)} saved ${label} → ${saved.path} (${saved.bytes} bytes); reloaded: ${ok ? 'identical arrays' : 'MISMATCH'}`);
      if (!ok) process.exitCode = 1;
      done = true;
      break;
    } catch (error) {
      if (!isStorageError(error) || error.code !== 'UNSUPPORTED_VALUE') throw error;
    }
  }
  if (!done) console.log(`  ${format.name.padEnd(12)} cannot hold this result (skipped)`);
}
const auto = await save(result, resolve(out, 'mesh-result.auto'));
console.log(`  auto         chose ${auto.format} → ${auto.path}`);
