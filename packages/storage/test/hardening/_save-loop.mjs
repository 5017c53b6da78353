// Child process for the crash-safety and concurrency tests: saves one of two versions of a value over a path.
// Usage: node _save-loop.mjs <format>[:fast] <path> <mode> [writerId]   (':fast' saves with durable: false)
//   mode 'a' / 'b': save that version once and exit; 'loop': one warm-up save elsewhere, print 'ready <ms>', then
//   alternate b, a, b, … over the path until killed;
//   'writer:<n>': save version `writerId` once to `<path>.ref-<writerId>` (the reference), print 'ready', then
//   save it n times over the shared path (concurrency test).
// It imports the built package (dist): run `pnpm build` first.
import { NDArray, save } from '../../dist/index.js';

const [formatArg, path, mode, writerId = '0'] = process.argv.slice(2);
const [format, variant] = formatArg.split(':');
const options = { format, durable: variant !== 'fast' };

/** Deterministic contents: version k has its own size and values, so a torn or mixed file cannot pass as either. */
function version(k) {
  const n = 262144 + 4096 * k;
  const data = new Float32Array(n);
  let x = 2463534242 + k * 7919;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    data[i] = (x / 2 ** 32) * 1000 - 500;
  }
  const arr = new NDArray('float32', [n], data, format === 'torch' ? { tensor: true } : {});
  switch (format) {
    case 'npy': return arr;
    case 'npz':
    case 'safetensors': return { w: arr };
    case 'torch': return { w: arr, step: k };
    default: return { w: arr, step: k, label: `version ${k}` };
  }
}

if (mode === 'a' || mode === 'b') {
  await save(version(mode === 'a' ? 0 : 1), path, options);
} else if (mode === 'loop') {
  const values = [version(0), version(1)];
  // A warm-up save to another path loads lazy libraries (h5wasm) and measures one save, so the parent can spread
  // its kill moments over whole save cycles.
  const t0 = performance.now();
  await save(values[1], `${path}.warmup`, options);
  process.stdout.write(`ready ${Math.ceil(performance.now() - t0)}\n`);
  for (let i = 0; ; i++) {
    await save(values[(i + 1) % 2], path, options);
    process.stdout.write('s');
  }
} else if (mode.startsWith('writer:')) {
  const value = version(Number(writerId));
  const times = Number(mode.slice('writer:'.length));
  await save(value, `${path}.ref-${writerId}`, options);
  process.stdout.write('ready\n');
  for (let i = 0; i < times; i++) await save(value, path, options);
} else {
  throw new Error(`unknown mode ${mode}`);
}
