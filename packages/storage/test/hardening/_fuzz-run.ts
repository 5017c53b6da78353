/**
 * Run a format's decoder over seeded mutated inputs and classify what happens. Only a StorageError may escape a
 * decoder; anything else is a finding. Per-input duration and the process's resident memory are recorded so the
 * caller can hold them to their bounds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY, defaultRegistry, isStorageError, type DecodeContext, type LoadPolicy } from '../../src/index.js';
import { itemSeed, Prng } from './_prng.js';
import type { FuzzTarget } from './_fuzz-targets.js';

export interface Finding {
  index: number;
  error: string;
  input: Uint8Array;
}

export interface FuzzReport {
  format: string;
  inputs: number;
  decoded: number;
  refusedByCode: Record<string, number>;
  findings: Finding[];
  slowest: { index: number; ms: number };
  /** Growth of resident memory over the run's starting point, in bytes (high-water mark). */
  rssGrowth: number;
  totalMs: number;
}

export async function fuzzFormat(target: FuzzTarget, count: number, runSeed: number, policy: LoadPolicy = DEFAULT_POLICY): Promise<FuzzReport> {
  const format = defaultRegistry.format(target.format);
  if (format === undefined) throw new Error(`format ${target.format} is not registered`);
  const ctx: DecodeContext = { registry: defaultRegistry, policy, options: {} };
  // One untimed decode first: lazy libraries (h5wasm's WebAssembly) load on first use, not per input.
  try {
    await format.decode(target.seeds[0]!, ctx);
  } catch {
    // some seeds are inputs a reader must refuse (fixtures marked expect: error)
  }
  const report: FuzzReport = { format: target.format, inputs: 0, decoded: 0, refusedByCode: {}, findings: [], slowest: { index: -1, ms: 0 }, rssGrowth: 0, totalMs: 0 };
  const rssStart = process.memoryUsage.rss();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const input = target.generate(new Prng(itemSeed(runSeed, i)));
    const t0 = performance.now();
    try {
      await format.decode(input, ctx);
      report.decoded++;
    } catch (error) {
      if (isStorageError(error)) report.refusedByCode[error.code] = (report.refusedByCode[error.code] ?? 0) + 1;
      else report.findings.push({ index: i, error: `${(error as Error)?.name}: ${(error as Error)?.message}`.slice(0, 300), input });
    }
    const ms = performance.now() - t0;
    if (ms > report.slowest.ms) report.slowest = { index: i, ms };
    report.inputs++;
    if ((i & 15) === 0) report.rssGrowth = Math.max(report.rssGrowth, process.memoryUsage.rss() - rssStart);
  }
  report.totalMs = performance.now() - started;
  return report;
}

/** Keep findings on disk (OMEGA_FUZZ_SAVE_DIR) so they can become regression fixtures. */
export function saveFindings(dir: string, report: FuzzReport, runSeed: number): void {
  if (report.findings.length === 0) return;
  mkdirSync(dir, { recursive: true });
  for (const f of report.findings) {
    writeFileSync(join(dir, `${report.format}-seed${runSeed}-${f.index}.bin`), f.input);
    writeFileSync(join(dir, `${report.format}-seed${runSeed}-${f.index}.txt`), `${f.error}\n`);
  }
}
