/**
 * Andersen–Broadie primal–dual upper bound for any stopping rule.
 *
 * Let Z_j be the payoff at exercise date j discounted to time 0, and L_j the value (discounted to 0) of following
 * the rule from date j on: L_j = Z_j where the rule exercises, else C_j = E_j[L_{j+1}]. The increments
 * L_{j+1} − C_j define a martingale M (M_0 = 0), and for every martingale V_0 ≤ E[max_j (Z_j − M_j)]. Since
 * E[C_0] is the rule's own (low-biased) price, the upper bound is  low + E[D]  with the duality gap
 *     D = max_j [ (Z_j − L_j) − Σ_{k<j, rule exercises at k} (Z_k − C_k) ]          (non-exercise terms telescope).
 * Each C_k is estimated on the outer path by nested inner paths started at the outer point and stopped by the same
 * rule; the inner noise has conditional mean zero, so M stays a martingale and the bound stays valid (it only
 * adds an upward bias that shrinks with more inner paths). D ≥ 0 on every path: its term at the first exercise
 * date is exactly 0.
 */
import { simulateGbm } from '../gbm/simulate-gbm.js';
import { deriveSeed } from '../random/derive-seed.js';
import { InvalidArgumentError } from '../errors.js';
import type { BermudanProblem } from './bermudan-problem.js';
import { sampleEstimate, type Estimate, type StoppingRule } from './stopping-rule.js';

export interface DualityOptions {
  /** Outer paths on which the martingale is built (the gap's sample size). */
  outerPaths: number;
  /** Inner paths per outer path and exercise date (antithetic pairs) estimating the continuation value. */
  innerPaths: number;
  seed: number;
}

export interface DualityGapResult {
  /** Mean of D over the outer paths, with its standard error. */
  gap: Estimate;
  /** D per outer path (all ≥ 0). */
  perPath: Float64Array;
}

function exercises(rule: StoppingRule, j: number, m: number, h: number, prices: Float64Array): boolean {
  return h > 0 && (j === m || h >= rule.continuationValue(j, prices));
}

export function dualityGap(problem: BermudanProblem, rule: StoppingRule, options: DualityOptions): DualityGapResult {
  const { outerPaths, innerPaths, seed } = options;
  if (!Number.isInteger(outerPaths) || outerPaths < 2) throw new InvalidArgumentError('dualityPaths', 'an integer ≥ 2', outerPaths);
  if (!Number.isInteger(innerPaths) || innerPaths < 2 || innerPaths % 2 !== 0) throw new InvalidArgumentError('innerPaths', 'an even integer ≥ 2 (antithetic pairs)', innerPaths);
  const d = problem.assets;
  const m = problem.times.length - 1;
  const discount = Float64Array.from(problem.times, (t) => Math.exp(-problem.rate * t));
  // Inner-path observation times from date j: t_{j+1} − t_j, …, t_m − t_j.
  const remaining: number[][] = [];
  for (let j = 0; j < m; j++) remaining.push(Array.from(problem.times.subarray(j + 1), (t) => t - problem.times[j]!));
  const y = new Float64Array(d);

  /** Ĉ_j at `start`: mean discounted payoff of inner paths from (t_j, start) stopped by the rule. */
  const continuation = (j: number, start: Float64Array, innerSeed: number): number => {
    const sim = simulateGbm({ ...problem.gbm, s0: Array.from(start), times: remaining[j]!, paths: innerPaths, seed: innerSeed, antithetic: true, record: 'path' });
    const steps = m - j;
    let total = 0;
    for (let i = 0; i < innerPaths; i++) {
      for (let s = 1; s <= steps; s++) {
        const base = (i * (steps + 1) + s) * d;
        for (let a = 0; a < d; a++) y[a] = sim.values[base + a]!;
        const h = problem.payoff(y);
        if (exercises(rule, j + s, m, h, y)) {
          total += discount[j + s]! * h;
          break;
        }
      }
    }
    return total / innerPaths;
  };

  const outer = simulateGbm({ ...problem.gbm, paths: outerPaths, seed: deriveSeed(seed, 0), record: 'path' });
  const x = new Float64Array(d);
  const perPath = new Float64Array(outerPaths);
  for (let p = 0; p < outerPaths; p++) {
    let exercisedExcess = 0; // Σ over earlier exercise dates of (Z_k − Ĉ_k)
    let best = -Infinity;
    for (let j = 1; j <= m; j++) {
      const base = (p * (m + 1) + j) * d;
      for (let a = 0; a < d; a++) x[a] = outer.values[base + a]!;
      const h = problem.payoff(x);
      const z = discount[j]! * h;
      const exercise = exercises(rule, j, m, h, x);
      if (j === m) {
        // L_m = Z_m (exercise if in the money, else both are 0).
        best = Math.max(best, -exercisedExcess);
        break;
      }
      const c = continuation(j, x, deriveSeed(seed, 1, p, j));
      best = Math.max(best, z - (exercise ? z : c) - exercisedExcess);
      if (exercise) exercisedExcess += z - c;
    }
    perPath[p] = best;
  }
  return { gap: sampleEstimate(perPath), perPath };
}
