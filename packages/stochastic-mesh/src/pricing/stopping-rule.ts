/**
 * The generic exercise interface: anything that estimates the continuation value at an exercise date defines
 * a stopping rule ("exercise when the payoff is positive and at least the continuation value"). Simulating
 * fresh independent paths under any such rule gives a low-biased price estimate.
 */
import { simulateGbm } from '../gbm/simulate-gbm.js';
import type { BermudanProblem } from './bermudan-problem.js';

export interface StoppingRule {
  /**
   * Estimated value of continuing (discounted to exercise date `dateIndex`, 1-based into `problem.times`),
   * at the asset prices `prices`. Never called at the last date.
   */
  continuationValue(dateIndex: number, prices: Float64Array): number;
}

export interface Estimate {
  value: number;
  stdErr: number;
}

/** Discounted payoffs of `paths` fresh paths stopped by `rule` (one value per path). */
export function stoppedPayoffs(problem: BermudanProblem, rule: StoppingRule, paths: number, seed: number): Float64Array {
  const sim = simulateGbm({ ...problem.gbm, paths, seed, record: 'path' });
  const d = problem.assets;
  const m = problem.times.length - 1;
  const x = new Float64Array(d);
  const out = new Float64Array(paths);
  for (let p = 0; p < paths; p++) {
    for (let j = 1; j <= m; j++) {
      const base = (p * (m + 1) + j) * d;
      for (let a = 0; a < d; a++) x[a] = sim.values[base + a]!;
      const h = problem.payoff(x);
      if (h > 0 && (j === m || h >= rule.continuationValue(j, x))) {
        out[p] = Math.exp(-problem.rate * problem.times[j]!) * h;
        break;
      }
    }
  }
  return out;
}

export function sampleEstimate(values: ArrayLike<number>): Estimate {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i]!;
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i]! - mean) ** 2;
  return { value: mean, stdErr: n > 1 ? Math.sqrt(v / (n - 1) / n) : NaN };
}
