/**
 * Seeded fuzzing of every decoder (issue 12). OMEGA_FUZZ_COUNT sets the number of inputs across all formats
 * (default 2400, sized for CI); OMEGA_FUZZ_SEED the run seed; OMEGA_FUZZ_SAVE_DIR keeps any finding's bytes.
 * The full run (≥ 100 000 inputs) and its result are recorded in the README.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/index.js';
import { buildTarget, FUZZ_FORMATS, type FuzzFormat } from './_fuzz-targets.js';
import { fuzzFormat, saveFindings } from './_fuzz-run.js';

const TOTAL = Number(process.env.OMEGA_FUZZ_COUNT ?? 2400);
const SEED = Number(process.env.OMEGA_FUZZ_SEED ?? 20261212);
const SAVE_DIR = process.env.OMEGA_FUZZ_SAVE_DIR;
/** OMEGA_FUZZ_FORMATS=json,npy limits a run to some formats (each keeps its share of OMEGA_FUZZ_COUNT). */
const ONLY = process.env.OMEGA_FUZZ_FORMATS?.split(',');
/** HDF5 decoding goes through a temp file and h5wasm (≈ 50× slower per input): it gets a smaller share. */
const WEIGHT: Record<FuzzFormat, number> = { json: 1, compressed: 1, npy: 1, npz: 1, safetensors: 1, pickle: 1, torch: 1, hdf5: 0.25 };
const WEIGHT_SUM = Object.values(WEIGHT).reduce((a, b) => a + b, 0);
const MAX_INPUT_MS = 1000;
const HDF5_DEADLINE_MS = 800;
const MAX_RSS_GROWTH = 1024 * 2 ** 20;

describe('fuzzing: only StorageError escapes, each input within a second, memory bounded', () => {
  it.each(FUZZ_FORMATS.map((f, i) => [f, i] as const).filter(([f]) => ONLY === undefined || ONLY.includes(f)))('%s', async (format, formatIndex) => {
    const count = Math.max(1, Math.round((TOTAL * WEIGHT[format]) / WEIGHT_SUM));
    const target = await buildTarget(format);
    // HDF5 decodes run in a worker with a deadline; here it is the per-input bound, so a looping input is stopped
    // (DecodeTimeoutError, CORRUPT_DATA) within the second the issue allows.
    const policy = format === 'hdf5' ? { ...DEFAULT_POLICY, hdf5DecodeTimeoutMs: HDF5_DEADLINE_MS } : DEFAULT_POLICY;
    const report = await fuzzFormat(target, count, SEED + formatIndex, policy);
    if (SAVE_DIR !== undefined) saveFindings(SAVE_DIR, report, SEED + formatIndex);
    if (process.env.OMEGA_FUZZ_VERBOSE !== undefined) console.log(JSON.stringify({ ...report, findings: report.findings.map((f) => ({ index: f.index, error: f.error })) }));
    expect(report.inputs).toBe(count);
    expect(report.findings.map((f) => `#${f.index}: ${f.error}`)).toEqual([]);
    expect(report.slowest.ms).toBeLessThan(MAX_INPUT_MS);
    expect(report.rssGrowth).toBeLessThan(MAX_RSS_GROWTH);
    // The mutator must exercise refusals, not only inputs that happen to decode.
    expect(Object.values(report.refusedByCode).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 3_600_000);
});
