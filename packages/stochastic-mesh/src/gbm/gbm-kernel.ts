/**
 * The GBM hot loop. Exact log stepping: ln S(t+Δt) = ln S(t) + (μ − δ − σ²/2)Δt + σ√Δt·(L z). One random
 * stream per path (per antithetic pair), so any split of the path range into chunks yields identical numbers.
 *
 * This is deliberately one long stateful function over flat Float64Arrays (no per-step allocation, no closures
 * in the inner loop); it is shared by the in-process engine and the worker threads.
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
  const { driftDt, volSqrtDt, chol, logS0 } = p;
  const perPath = valuesPerPath(p);
  const values = out.values;
  const minima = out.minima;
  const recordPath = p.record === 'path';
  const recordMin = p.record === 'terminal-min' && minima !== undefined;
  const z = new Float64Array(steps * d);
  const e = new Float64Array(d);
  const lx = new Float64Array(2 * d); // log prices of the pair: [0, d) plus member, [d, 2d) minus member
  const lmin = new Float64Array(2 * d);
  const group = p.antithetic ? 2 : 1;
  const firstStream = Math.floor(from / group);
  const lastStream = Math.floor((to - 1) / group);
  const identity = d === 1 && chol[0] === 1;

  for (let stream = firstStream; stream <= lastStream; stream++) {
    fillNormals(streamFor(p.seed, stream), z, 0, steps * d);
    const p0 = stream * group;
    const doPlus = p0 >= from && p0 < to;
    const doMinus = group === 2 && p0 + 1 >= from && p0 + 1 < to;
    for (let a = 0; a < d; a++) {
      lx[a] = logS0[a]!;
      lx[d + a] = logS0[a]!;
      lmin[a] = logS0[a]!;
      lmin[d + a] = logS0[a]!;
    }
    const basePlus = (p0 - from) * perPath;
    const baseMinus = basePlus + perPath;
    if (recordPath) {
      for (let a = 0; a < d; a++) {
        const s = Math.exp(logS0[a]!);
        if (doPlus) values[basePlus + a] = s;
        if (doMinus) values[baseMinus + a] = s;
      }
    }
    for (let k = 0; k < steps; k++) {
      const zk = k * d;
      if (identity) {
        e[0] = z[zk]!;
      } else {
        for (let a = 0; a < d; a++) {
          let acc = 0;
          const row = a * d;
          for (let c = 0; c <= a; c++) acc += chol[row + c]! * z[zk + c]!;
          e[a] = acc;
        }
      }
      for (let a = 0; a < d; a++) {
        const m = driftDt[zk + a]!;
        const v = volSqrtDt[zk + a]! * e[a]!;
        const up = lx[a]! + m + v;
        const dn = lx[d + a]! + m - v;
        lx[a] = up;
        lx[d + a] = dn;
        if (recordMin) {
          if (up < lmin[a]!) lmin[a] = up;
          if (dn < lmin[d + a]!) lmin[d + a] = dn;
        }
        if (recordPath) {
          const off = (k + 1) * d + a;
          if (doPlus) values[basePlus + off] = Math.exp(up);
          if (doMinus) values[baseMinus + off] = Math.exp(dn);
        }
      }
    }
    if (!recordPath) {
      for (let a = 0; a < d; a++) {
        if (doPlus) values[basePlus + a] = Math.exp(lx[a]!);
        if (doMinus) values[baseMinus + a] = Math.exp(lx[d + a]!);
        if (recordMin) {
          if (doPlus) minima![basePlus + a] = Math.exp(lmin[a]!);
          if (doMinus) minima![baseMinus + a] = Math.exp(lmin[d + a]!);
        }
      }
    }
  }
}
