/**
 * The GBM hot loop. Exact log stepping: ln S(t+Δt) = ln S(t) + (μ − δ − σ²/2)Δt + σ√Δt·(L z). One random
 * stream per path (per antithetic pair), so any split of the path range into chunks yields identical numbers.
 *
 * Deliberately long and stateful over flat Float64Arrays: no per-step allocation or closures, branches on the
 * record mode hoisted out of the step loop, and the correlated shocks computed once per stream (shared by the
 * antithetic pair). It is shared by the in-process engine and the worker threads.
 */
import { fillNormals, streamFor } from '../random/streams.js';
import type { PreparedGbm } from './gbm-spec.js';

/** Output buffers for paths [from, to). Index 0 of each buffer is path `from`. */
export interface GbmChunkOutput {
  /** record 'path': [path][time 0..steps][asset]; otherwise [path][asset] terminal values. */
  values: Float64Array;
  /** record 'terminal-min': running minimum over observation times (including t=0), [path][asset]. */
  minima?: Float64Array;
}

export function valuesPerPath(p: PreparedGbm): number {
  return p.record === 'path' ? (p.steps + 1) * p.assets : p.assets;
}

export function simulateGbmChunk(p: PreparedGbm, from: number, to: number, out: GbmChunkOutput): void {
  const d = p.assets;
  const steps = p.steps;
  const n = steps * d;
  const { driftDt, volSqrtDt, chol, logS0 } = p;
  const perPath = valuesPerPath(p);
  const values = out.values;
  const minima = out.minima;
  const mode = p.record === 'path' ? 0 : p.record === 'terminal' ? 1 : 2;
  const z = new Float64Array(n);
  // shock[k*d + a] = σ_a √Δt_k (L z_k)_a: the diffusion increment of the plus member.
  const shock = new Float64Array(n);
  const group = p.antithetic ? 2 : 1;
  const firstStream = Math.floor(from / group);
  const lastStream = Math.floor((to - 1) / group);
  const uncorrelated = isIdentity(chol, d);

  for (let stream = firstStream; stream <= lastStream; stream++) {
    fillNormals(streamFor(p.seed, stream), z, 0, n);
    if (uncorrelated) {
      for (let i = 0; i < n; i++) shock[i] = volSqrtDt[i]! * z[i]!;
    } else {
      for (let k = 0; k < steps; k++) {
        const zk = k * d;
        for (let a = 0; a < d; a++) {
          let acc = 0;
          const row = a * d;
          for (let c = 0; c <= a; c++) acc += chol[row + c]! * z[zk + c]!;
          shock[zk + a] = volSqrtDt[zk + a]! * acc;
        }
      }
    }
    for (let member = 0; member < group; member++) {
      const path = stream * group + member;
      if (path < from || path >= to) continue;
      const sign = member === 0 ? 1 : -1;
      const base = (path - from) * perPath;
      for (let a = 0; a < d; a++) {
        let l = logS0[a]!;
        if (mode === 0) {
          values[base + a] = Math.exp(l);
          for (let k = 0, i = a; k < steps; k++, i += d) {
            l += driftDt[i]! + sign * shock[i]!;
            values[base + i + d] = Math.exp(l);
          }
        } else if (mode === 1) {
          for (let i = a; i < n; i += d) l += driftDt[i]! + sign * shock[i]!;
          values[base + a] = Math.exp(l);
        } else {
          let lmin = l;
          for (let i = a; i < n; i += d) {
            l += driftDt[i]! + sign * shock[i]!;
            if (l < lmin) lmin = l;
          }
          values[base + a] = Math.exp(l);
          minima![base + a] = Math.exp(lmin);
        }
      }
    }
  }
}

function isIdentity(chol: Float64Array, d: number): boolean {
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (chol[i * d + j] !== (i === j ? 1 : 0)) return false;
  return true;
}
