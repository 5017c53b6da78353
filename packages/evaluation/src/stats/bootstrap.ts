/**
 * Percentile bootstrap over subjects. The statistic is recomputed on each resample of subject indices, so pooled
 * metrics (coverage, Brier) are resampled by subject (a cluster bootstrap), not by individual forecast.
 */
import { InvalidOptionError } from '../errors.js';
import { uniformSource } from '../seeds.js';
import { quantile } from './quantile.js';

export interface BootstrapOptions {
  seed: number;
  /** Which of the seed's streams to use (one per metric, so metrics do not share resamples by accident). */
  stream: number;
  resamples?: number;
  /** Confidence level, default 0.95. */
  level?: number;
}

export interface Interval {
  estimate: number | null;
  lo: number | null;
  hi: number | null;
}

export const DEFAULT_RESAMPLES = 1000;

/**
 * `statistic(indices)` gets the subject indices of a resample (with repetition) and returns a number or null
 * (undefined on that resample; such resamples are dropped). The point estimate uses all subjects.
 */
export function bootstrapInterval(n: number, statistic: (indices: Int32Array) => number | null, options: BootstrapOptions): Interval {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new InvalidOptionError('bad resample count', { field: 'resamples', expected: 'an integer ≥ 1', received: String(resamples) });
  if (!(level > 0 && level < 1)) throw new InvalidOptionError('bad confidence level', { field: 'level', expected: 'a number in (0, 1)', received: String(level) });
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const estimate = n === 0 ? null : statistic(all);
  if (estimate === null) return { estimate: null, lo: null, hi: null };
  const u = uniformSource(options.seed, options.stream);
  const values: number[] = [];
  const idx = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(u() * n);
    const v = statistic(idx);
    if (v !== null && !Number.isNaN(v)) values.push(v);
  }
  if (values.length === 0) return { estimate, lo: null, hi: null };
  const alpha = (1 - level) / 2;
  return { estimate, lo: quantile(values, alpha), hi: quantile(values, 1 - alpha) };
}

/** Mean of the defined (non-null) values at the given indices; null when none is defined. */
export function meanOf(values: readonly (number | null)[], indices: Int32Array): number | null {
  let s = 0;
  let k = 0;
  for (const i of indices) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    s += v;
    k++;
  }
  return k === 0 ? null : s / k;
}
