/**
 * `runEvaluation`: evaluate subjects 0 … n−1 of a seed, in-process (workers = 1) or on worker threads, and write
 * the output folder. Results are placed by subject index and every random number is keyed by (seed, index), so
 * the folder's bytes are the same for any worker count.
 */
import { resolve } from 'node:path';
import { aggregate, type Aggregate, type RunSettings } from '../aggregate.js';
import { describeValue, InvalidOptionError, isEvaluationError, SubjectFailedError } from '../errors.js';
import { DEFAULT_RESAMPLES } from '../stats/bootstrap.js';
import { isValidDay } from '../subject/dates.js';
import { OMEGA_RECOMMENDER } from '../subject/recommender.js';
import type { SubjectResult } from '../subject/subject-result.js';
import { runBatch, type BatchResult, type BatchTask } from './batch.js';
import { WorkerPool } from './worker-pool.js';
import { writeOutputs, type OutputFiles } from './write-outputs.js';

export interface EvaluationProgress {
  done: number;
  total: number;
}

export interface RunEvaluationOptions {
  /** Number of subjects (indices 0 … subjects − 1). */
  subjects: number;
  seed: number;
  /** `YYYY-MM-DD`: the subjects' "today"; every date in the outputs comes from it (never from the clock). */
  asOf: string;
  /** Worker threads (default 1 = in this thread). */
  workers?: number;
  /** Output folder (created; files go directly into it). Default `evaluation_results_<asOf>` in the cwd. */
  out?: string;
  onProgress?: (progress: EvaluationProgress) => void;
  /** Months of recommendations asked of the engine (default 3). */
  months?: number;
  /** Mesh paths the engine uses for its own scoring (default 50; the engine accepts ≥ 20). */
  recommenderPaths?: number;
  /** Planning horizon in years (default 10). */
  horizonYears?: number;
  /** Prediction-mesh paths (default 200). */
  paths?: number;
  /** Outcome paths per milestone on independent streams (default 2). */
  outcomeDraws?: number;
  /** Bootstrap resamples (default 1000). */
  bootstrapResamples?: number;
}

export interface EvaluationRun {
  out: string;
  files: OutputFiles;
  aggregate: Aggregate;
}

export const DEFAULTS = { workers: 1, months: 3, horizonYears: 10, paths: 200, outcomeDraws: 2, recommenderPaths: 50 } as const;

function int(field: string, v: unknown, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new InvalidOptionError('out of range', { field, expected: `an integer in [${lo}, ${hi}]`, received: describeValue(v) });
  return v;
}

export function resolveSettings(o: RunEvaluationOptions): RunSettings & { workers: number; out: string } {
  if (o === null || typeof o !== 'object') throw new InvalidOptionError('missing options', { field: 'options', expected: 'an object { subjects, seed, asOf, … }', received: describeValue(o) });
  if (!isValidDay(o.asOf)) throw new InvalidOptionError('asOf is required (dates never come from the clock)', { field: 'options.asOf', expected: 'a calendar date YYYY-MM-DD', received: describeValue(o.asOf) });
  if (o.out !== undefined && (typeof o.out !== 'string' || o.out === '')) throw new InvalidOptionError('bad output folder', { field: 'options.out', expected: 'a non-empty path', received: describeValue(o.out) });
  return {
    subjects: int('options.subjects', o.subjects, 1, 1_000_000),
    seed: int('options.seed', o.seed, 0, Number.MAX_SAFE_INTEGER),
    asOf: o.asOf,
    workers: int('options.workers', o.workers ?? DEFAULTS.workers, 1, 64),
    months: int('options.months', o.months ?? DEFAULTS.months, 1, 120),
    horizonYears: int('options.horizonYears', o.horizonYears ?? DEFAULTS.horizonYears, 1, 40),
    paths: int('options.paths', o.paths ?? DEFAULTS.paths, 2, 100_000),
    outcomeDraws: int('options.outcomeDraws', o.outcomeDraws ?? DEFAULTS.outcomeDraws, 2, 10_000),
    recommenderPaths: int('options.recommenderPaths', o.recommenderPaths ?? DEFAULTS.recommenderPaths, 20, 100_000),
    bootstrapResamples: int('options.bootstrapResamples', o.bootstrapResamples ?? DEFAULT_RESAMPLES, 1, 1_000_000),
    out: resolve(o.out ?? `evaluation_results_${o.asOf}`),
  };
}

function batches(n: number, workers: number): { first: number; count: number }[] {
  // Several batches per worker keep both busy to the end; small enough batches keep progress reports frequent.
  const size = Math.max(1, Math.min(25, Math.ceil(n / (workers * 4))));
  const out: { first: number; count: number }[] = [];
  for (let first = 0; first < n; first += size) out.push({ first, count: Math.min(size, n - first) });
  return out;
}

/** The worker script, relative to this file: the same URL resolves from src/run (tests) and dist/run. */
const WORKER_URL = new URL('../../dist/run/evaluation-worker.js', import.meta.url);

export async function evaluateAll(settings: RunSettings & { workers: number }, onProgress?: (p: EvaluationProgress) => void): Promise<SubjectResult[]> {
  const total = settings.subjects;
  const subjectSettings = { seed: settings.seed, asOf: settings.asOf, months: settings.months, horizonYears: settings.horizonYears, paths: settings.paths, outcomeDraws: settings.outcomeDraws, recommenderPaths: settings.recommenderPaths };
  const results = new Array<SubjectResult>(total);
  let done = 0;
  const accept = (b: BatchResult) => {
    for (const r of b.results) results[r.index] = r;
    done += b.results.length;
    onProgress?.({ done, total });
  };
  const tasks: BatchTask[] = batches(total, settings.workers).map((b) => ({ settings: subjectSettings, ...b }));
  if (settings.workers === 1) {
    for (const t of tasks) {
      accept(runBatch(t));
      await new Promise<void>((r) => setImmediate(r)); // let progress output and other work through
    }
  } else {
    const pool = new WorkerPool<BatchTask, BatchResult>(WORKER_URL, Math.min(settings.workers, tasks.length));
    try {
      await Promise.all(tasks.map((t) => pool.run(t).then(accept)));
    } catch (error) {
      if (isEvaluationError(error)) throw error;
      const e = error as Error & { field?: string };
      const prefix = e.field === undefined ? '' : `${e.field}: `;
      throw new SubjectFailedError(e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message, { field: e.field });
    } finally {
      await pool.close();
    }
  }
  return results;
}

export async function runEvaluation(options: RunEvaluationOptions): Promise<EvaluationRun> {
  const settings = resolveSettings(options);
  const results = await evaluateAll(settings, options.onProgress);
  const { workers: _w, out, ...runSettings } = settings;
  const agg = aggregate(results, runSettings, OMEGA_RECOMMENDER.name);
  const files = await writeOutputs(out, results, agg);
  return { out, files, aggregate: agg };
}
