/**
 * Longstaff–Schwartz least-squares Monte Carlo. Regression coefficients are fitted on training paths (in-the-
 * money paths only, realised discounted cash flows on a polynomial basis); the resulting stopping rule is then
 * applied to fresh independent paths, which makes the estimate biased low (no in-sample foresight).
 */
import { simulateGbm } from '../gbm/simulate-gbm.js';
import { solveSpd } from '../linalg/cholesky.js';
import type { BermudanProblem } from './bermudan-problem.js';
import type { StoppingRule } from './stopping-rule.js';

/**
 * Basis on normalised prices y = S / mean(S0): 1, the prices sorted in decreasing order and their squares, products of
 * the two largest, a cubic term in the largest, and the payoff itself (captures kinks of max/min payoffs).
 */
export function regressionBasis(problem: BermudanProblem): { size: number; fill(prices: Float64Array, out: Float64Array): void } {
  const d = problem.assets;
  let norm = 0;
  for (let a = 0; a < d; a++) norm += problem.s0[a]! / d;
  const sorted = new Float64Array(d);
  const size = 1 + 2 * d + (d >= 2 ? 1 : 0) + 1 + 1;
  return {
    size,
    fill(prices, out) {
      for (let a = 0; a < d; a++) sorted[a] = prices[a]! / norm;
      if (d > 1) sorted.sort().reverse();
      let i = 0;
      out[i++] = 1;
      for (let a = 0; a < d; a++) {
        out[i++] = sorted[a]!;
        out[i++] = sorted[a]! * sorted[a]!;
      }
      if (d >= 2) out[i++] = sorted[0]! * sorted[1]!;
      out[i++] = sorted[0]! ** 3;
      out[i++] = problem.payoff(prices) / norm;
    },
  };
}

export interface LsmRule extends StoppingRule {
  /** Coefficients per exercise date (index 1..m−1). */
  readonly coefficients: readonly (Float64Array | undefined)[];
}

export function fitLongstaffSchwartz(problem: BermudanProblem, trainingPaths: number, seed: number): LsmRule {
  const d = problem.assets;
  const m = problem.times.length - 1;
  const sim = simulateGbm({ ...problem.gbm, paths: trainingPaths, seed, record: 'path' });
  const basis = regressionBasis(problem);
  const nb = basis.size;
  const cash = new Float64Array(trainingPaths); // cash flow discounted to the current date
  const x = new Float64Array(d);
  const phi = new Float64Array(nb);
  const price = (p: number, j: number): Float64Array => {
    for (let a = 0; a < d; a++) x[a] = sim.values[(p * (m + 1) + j) * d + a]!;
    return x;
  };
  for (let p = 0; p < trainingPaths; p++) cash[p] = problem.payoff(price(p, m));
  const coefficients: (Float64Array | undefined)[] = new Array(m + 1).fill(undefined);
  const payoffNow = new Float64Array(trainingPaths);
  for (let j = m - 1; j >= 1; j--) {
    const disc = Math.exp(-problem.rate * (problem.times[j + 1]! - problem.times[j]!));
    const xtx = new Float64Array(nb * nb);
    const xty = new Float64Array(nb);
    let itm = 0;
    for (let p = 0; p < trainingPaths; p++) {
      cash[p] = cash[p]! * disc;
      const h = problem.payoff(price(p, j));
      payoffNow[p] = h;
      if (h <= 0) continue;
      itm++;
      basis.fill(x, phi);
      for (let r = 0; r < nb; r++) {
        xty[r] = xty[r]! + phi[r]! * cash[p]!;
        for (let c = 0; c <= r; c++) xtx[r * nb + c] = xtx[r * nb + c]! + phi[r]! * phi[c]!;
      }
    }
    if (itm <= nb) continue; // too few in-the-money paths to regress: never exercise early here
    for (let r = 0; r < nb; r++) for (let c = 0; c < r; c++) xtx[c * nb + r] = xtx[r * nb + c]!;
    const beta = solveSpd(xtx, xty, nb);
    coefficients[j] = beta;
    for (let p = 0; p < trainingPaths; p++) {
      const h = payoffNow[p]!;
      if (h <= 0) continue;
      basis.fill(price(p, j), phi);
      let cont = 0;
      for (let r = 0; r < nb; r++) cont += beta[r]! * phi[r]!;
      if (h >= cont) cash[p] = h;
    }
  }
  return {
    coefficients,
    continuationValue(dateIndex, prices) {
      const beta = coefficients[dateIndex];
      if (beta === undefined) return dateIndex >= m ? 0 : Infinity;
      basis.fill(prices, phi);
      let cont = 0;
      for (let r = 0; r < nb; r++) cont += beta[r]! * phi[r]!;
      return cont;
    },
  };
}
