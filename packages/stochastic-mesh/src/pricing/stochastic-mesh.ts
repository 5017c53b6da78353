/**
 * Broadie–Glasserman stochastic mesh with average-density weights.
 *
 * Nodes: b independent GBM paths observed at the exercise dates (path i gives node i at every date). The weight
 * from node i at date j to node k at date j+1 is
 *     w_ik = f(X_i, X_k) / ( (1/b) Σ_l f(X_l, X_k) ),
 * f the GBM transition density over the step, so every weight column averages exactly 1. The mesh estimator
 * Q_j(i) = max(h(X_i), e^{−rΔt} (1/b) Σ_k w_ik Q_{j+1}(k)) is biased high; the same continuation formula,
 * evaluated at points of fresh independent paths, defines a stopping rule whose value is biased low.
 *
 * Densities are only needed up to factors that cancel in the ratio: with whitened coordinates
 * A_k = L⁻¹ diag(1/(σ√Δt)) (ln X_k − mΔt) and C_i = L⁻¹ diag(1/(σ√Δt)) ln X_i, ln f(X_i, X_k) = −|A_k − C_i|²/2 + c(X_k).
 */
import { invertLower, cholesky, correlationToArray } from '../linalg/cholesky.js';
import { simulateGbm } from '../gbm/simulate-gbm.js';
import type { BermudanProblem } from './bermudan-problem.js';
import type { StoppingRule } from './stopping-rule.js';

/** Per transition j → j+1 (j ≥ 1): what the continuation estimate at an arbitrary point needs. */
interface MeshStep {
  /** Whitened next-date coordinates A_k, [k][asset]. */
  next: Float64Array;
  /** ln of the average density of each next-date node (same additive constants as the exponent). */
  logAverageDensity: Float64Array;
  /** Q_{j+1}(k). */
  nextValue: Float64Array;
  /** 1 / (σ_a √Δt). */
  scale: Float64Array;
  discount: number;
}

export interface StochasticMesh extends StoppingRule {
  readonly nodesPerDate: number;
  /** The high-biased mesh estimate at time 0. */
  readonly highEstimate: number;
  /** Node prices, [date 1..m][node][asset] flattened with date index j−1. */
  readonly nodes: Float64Array;
  /** Mesh values Q_j at each node, [date][node]. */
  readonly values: Float64Array;
  /** The full weight matrix w_ik from date `dateIndex` to the next (b×b, row i = from-node). For tests and export. */
  weights(dateIndex: number): Float64Array;
}

export function buildStochasticMesh(problem: BermudanProblem, nodesPerDate: number, seed: number): StochasticMesh {
  const b = nodesPerDate;
  const d = problem.assets;
  const m = problem.times.length - 1;
  const sim = simulateGbm({ ...problem.gbm, paths: b, seed, record: 'path' });
  const nodes = new Float64Array(m * b * d);
  for (let i = 0; i < b; i++) {
    for (let j = 1; j <= m; j++) {
      for (let a = 0; a < d; a++) nodes[((j - 1) * b + i) * d + a] = sim.values[(i * (m + 1) + j) * d + a]!;
    }
  }
  const linv = invertLower(cholesky(correlationToArray(problem.correlation, d), d), d);
  const drift = new Float64Array(d);
  for (let a = 0; a < d; a++) drift[a] = problem.rate - problem.dividend[a]! - 0.5 * problem.sigma[a]! ** 2;

  const values = new Float64Array(m * b);
  const x = new Float64Array(d);
  for (let i = 0; i < b; i++) {
    for (let a = 0; a < d; a++) x[a] = nodes[((m - 1) * b + i) * d + a]!;
    values[(m - 1) * b + i] = problem.payoff(x);
  }

  const steps: MeshStep[] = new Array(m);
  const expo = new Float64Array(b * b);
  const from = new Float64Array(b * d);
  const tmp = new Float64Array(d);
  for (let j = m - 1; j >= 1; j--) {
    const dt = problem.times[j + 1]! - problem.times[j]!;
    const scale = new Float64Array(d);
    for (let a = 0; a < d; a++) scale[a] = 1 / (problem.sigma[a]! * Math.sqrt(dt));
    const next = new Float64Array(b * d);
    whiten(nodes, j * b, b, d, scale, linv, drift, dt, next, tmp);
    whiten(nodes, (j - 1) * b, b, d, scale, linv, undefined, dt, from, tmp);
    // Exponents and column maxima (to keep exp() in range), then column averages of the densities.
    const colMax = new Float64Array(b).fill(-Infinity);
    for (let i = 0; i < b; i++) {
      for (let k = 0; k < b; k++) {
        let q = 0;
        for (let a = 0; a < d; a++) {
          const diff = next[k * d + a]! - from[i * d + a]!;
          q += diff * diff;
        }
        const e = -0.5 * q;
        expo[i * b + k] = e;
        if (e > colMax[k]!) colMax[k] = e;
      }
    }
    const colSum = new Float64Array(b);
    for (let i = 0; i < b; i++) {
      for (let k = 0; k < b; k++) {
        const f = Math.exp(expo[i * b + k]! - colMax[k]!);
        expo[i * b + k] = f;
        colSum[k] = colSum[k]! + f;
      }
    }
    const logAverageDensity = new Float64Array(b);
    for (let k = 0; k < b; k++) logAverageDensity[k] = colMax[k]! + Math.log(colSum[k]! / b);
    const nextValue = values.slice(j * b, (j + 1) * b);
    const discount = Math.exp(-problem.rate * dt);
    // Q_j(i) = max(h, disc (1/b) Σ_k w_ik Q_{j+1}(k)), w_ik = f_ik / (colSum_k / b).
    const scaledNext = new Float64Array(b);
    for (let k = 0; k < b; k++) scaledNext[k] = nextValue[k]! / (colSum[k]! / b);
    for (let i = 0; i < b; i++) {
      let acc = 0;
      for (let k = 0; k < b; k++) acc += expo[i * b + k]! * scaledNext[k]!;
      const cont = (discount * acc) / b;
      for (let a = 0; a < d; a++) x[a] = nodes[((j - 1) * b + i) * d + a]!;
      values[(j - 1) * b + i] = Math.max(problem.payoff(x), cont);
    }
    steps[j] = { next, logAverageDensity, nextValue, scale, discount };
  }
  // Date 0: every path starts at S0, so all weights from the root equal 1.
  let acc = 0;
  for (let k = 0; k < b; k++) acc += values[k]!;
  const highEstimate = Math.exp(-problem.rate * problem.times[1]!) * (acc / b);

  const point = new Float64Array(d);
  return {
    nodesPerDate: b,
    highEstimate,
    nodes,
    values,
    continuationValue(dateIndex: number, prices: Float64Array): number {
      const step = steps[dateIndex];
      if (step === undefined) return 0;
      for (let a = 0; a < d; a++) tmp[a] = Math.log(prices[a]!) * step.scale[a]!;
      for (let a = 0; a < d; a++) {
        let s = 0;
        for (let c = 0; c <= a; c++) s += linv[a * d + c]! * tmp[c]!;
        point[a] = s;
      }
      // Self-normalised weights (the constant 1 as a control variate): the row average of the weights at an
      // off-mesh point is only 1 in expectation, and its noise otherwise multiplies the continuation estimate.
      // Any continuation estimate yields a valid stopping rule, so the path estimator stays biased low.
      let sum = 0;
      let weightSum = 0;
      for (let k = 0; k < b; k++) {
        let q = 0;
        for (let a = 0; a < d; a++) {
          const diff = step.next[k * d + a]! - point[a]!;
          q += diff * diff;
        }
        const w = Math.exp(-0.5 * q - step.logAverageDensity[k]!);
        sum += w * step.nextValue[k]!;
        weightSum += w;
      }
      return weightSum > 0 ? (step.discount * sum) / weightSum : 0;
    },
    weights(dateIndex: number): Float64Array {
      const step = steps[dateIndex];
      const w = new Float64Array(b * b);
      if (step === undefined) return w;
      const src = new Float64Array(b * d);
      whiten(nodes, (dateIndex - 1) * b, b, d, step.scale, linv, undefined, 0, src, tmp);
      for (let i = 0; i < b; i++) {
        for (let k = 0; k < b; k++) {
          let q = 0;
          for (let a = 0; a < d; a++) {
            const diff = step.next[k * d + a]! - src[i * d + a]!;
            q += diff * diff;
          }
          w[i * b + k] = Math.exp(-0.5 * q - step.logAverageDensity[k]!);
        }
      }
      return w;
    },
  };
}

/** out[k] = L⁻¹ · diag(scale) · (ln X_k − drift·Δt) for the b nodes starting at node offset `first`. */
function whiten(nodes: Float64Array, first: number, b: number, d: number, scale: Float64Array, linv: Float64Array,
  drift: Float64Array | undefined, dt: number, out: Float64Array, tmp: Float64Array): void {
  for (let k = 0; k < b; k++) {
    for (let a = 0; a < d; a++) tmp[a] = (Math.log(nodes[(first + k) * d + a]!) - (drift ? drift[a]! * dt : 0)) * scale[a]!;
    for (let a = 0; a < d; a++) {
      let s = 0;
      for (let c = 0; c <= a; c++) s += linv[a * d + c]! * tmp[c]!;
      out[k * d + a] = s;
    }
  }
}
