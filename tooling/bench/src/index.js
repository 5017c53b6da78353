// Tiny benchmark harness: every case verifies its output once, then is timed; ratios are computed against
// baselines measured in the same run, and results are written as JSON (bench-results/<suite>.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Untimed runs after the verified first one, so short cases are timed once the JIT has settled (a 100 ms case ran
 * 1.5–2× slower on its second run than from its fourth on). Cases of half a second or more need none.
 */
function defaultWarmup(firstMs) {
  return firstMs < 500 ? 2 : 0;
}

/**
 * Time `run` `repeats` times after checking `verify(result)` on a first, untimed call and `warmup` more untimed
 * calls (default: 2 when the first call took under 0.5 s, else 0). Returns median ms.
 */
export async function measure(label, run, { verify, repeats = 3, warmup } = {}) {
  const t0 = process.hrtime.bigint();
  const first = await run();
  const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (verify) {
    const ok = await verify(first);
    if (ok === false) throw new Error(`benchmark case ${label}: output failed verification`);
  }
  for (let i = 0; i < (warmup ?? defaultWarmup(firstMs)); i++) await run();
  const times = [];
  for (let i = 0; i < repeats; i++) {
    globalThis.gc?.();
    const t0 = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { label, ms: median(times), runs: times.length };
}

/**
 * Time several cases round-robin (a, b, c, a, b, c, …) after verifying each once, so that cases whose cost depends
 * on machine state — file writes racing the kernel's writeback of earlier writes, a shared host's speed drifting
 * between one case's runs and the next's — see the same conditions. Warm-up as in `measure`, per case.
 * `cases`: { label: { run, verify? } }. Returns { label: { label, ms, runs } } with median ms.
 */
export async function measureInterleaved(cases, { repeats = 5, warmup } = {}) {
  const entries = Object.entries(cases);
  const warmups = {};
  for (const [label, { run, verify }] of entries) {
    const t0 = process.hrtime.bigint();
    const first = await run();
    warmups[label] = warmup ?? defaultWarmup(Number(process.hrtime.bigint() - t0) / 1e6);
    if (verify && (await verify(first)) === false) throw new Error(`benchmark case ${label}: output failed verification`);
  }
  for (const [label, { run }] of entries) for (let i = 0; i < warmups[label]; i++) await run();
  const times = Object.fromEntries(entries.map(([label]) => [label, []]));
  for (let i = 0; i < repeats; i++) {
    for (const [label, { run }] of entries) {
      globalThis.gc?.();
      const t0 = process.hrtime.bigint();
      await run();
      times[label].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return Object.fromEntries(entries.map(([label]) => [label, { label, ms: median(times[label]), runs: repeats }]));
}

export function machine() {
  return `${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Print a table and write the JSON record. `rows`: {case, ours, baseline, oursMs, baselineMs, target?} */
export function report(suite, rows, { dir = 'bench-results' } = {}) {
  const lines = [`${suite} — ${new Date().toISOString().slice(0, 10)} — ${machine()}`];
  for (const r of rows) {
    const ratio = r.baselineMs / r.oursMs;
    r.ratio = Number(ratio.toFixed(2));
    r.meets = r.target === undefined ? undefined : ratio >= r.target;
    const target = r.target === undefined ? '' : ` (target ≥ ${r.target}× → ${r.meets ? 'met' : 'NOT met'})`;
    lines.push(`  ${r.case}: ${r.ours} ${r.oursMs.toFixed(1)} ms vs ${r.baseline} ${r.baselineMs.toFixed(1)} ms → ${ratio.toFixed(2)}×${target}`);
  }
  console.log(lines.join('\n'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${suite}.json`), JSON.stringify({ suite, date: new Date().toISOString(), machine: machine(), rows }, null, 2));
  return rows;
}
