/** Input validation for the GBM engine: turns a user spec into flat per-step coefficient arrays. */
import { InvalidArgumentError } from '../errors.js';
import { assertSeed } from '../random/streams.js';
import { cholesky, correlationToArray } from '../linalg/cholesky.js';

export type GbmRecord = 'path' | 'terminal' | 'terminal-min';

export interface GbmSpec {
  /** Initial prices, one per asset (a number means one asset). */
  s0: number | readonly number[];
  /** Drift μ per asset (use the risk-free rate for risk-neutral pricing). */
  drift: number | readonly number[];
  sigma: number | readonly number[];
  /** Continuous dividend yield δ per asset (drift becomes μ − δ). */
  dividend?: number | readonly number[];
  correlation?: readonly (readonly number[])[];
  /** Observation times after 0, strictly increasing (years). Alternatively give `horizon` and `steps`. */
  times?: readonly number[];
  horizon?: number;
  steps?: number;
  paths: number;
  seed: number;
  /** Pair path 2k with path 2k+1 driven by the negated normals. */
  antithetic?: boolean;
  /** What to keep: every observation ('path'), the terminal value, or the terminal value and the running minimum over the observation dates. */
  record?: GbmRecord;
}

/** The validated, flattened form the hot loop and the workers consume (plain data: it crosses worker boundaries). */
export interface PreparedGbm {
  assets: number;
  steps: number;
  paths: number;
  seed: number;
  antithetic: boolean;
  record: GbmRecord;
  times: Float64Array; // length steps + 1, times[0] = 0
  logS0: Float64Array; // per asset
  /** (μ − δ − σ²/2)·Δt_k, row-major [step][asset]. */
  driftDt: Float64Array;
  /** σ·√Δt_k, row-major [step][asset]. */
  volSqrtDt: Float64Array;
  /** Lower Cholesky factor of the correlation, row-major, d×d. */
  chol: Float64Array;
}

function perAsset(value: number | readonly number[] | undefined, n: number, field: string, fallback: number | undefined, check: (v: number) => boolean, expected: string): Float64Array {
  const out = new Float64Array(n);
  if (value === undefined) {
    if (fallback === undefined) throw new InvalidArgumentError(field, expected, value);
    out.fill(fallback);
    return out;
  }
  if (typeof value === 'number') {
    if (!check(value)) throw new InvalidArgumentError(field, expected, value);
    out.fill(value);
    return out;
  }
  if (!Array.isArray(value) || value.length !== n) throw new InvalidArgumentError(field, `${expected} or an array of ${n}`, value);
  for (let i = 0; i < n; i++) {
    const v = value[i];
    if (typeof v !== 'number' || !check(v)) throw new InvalidArgumentError(`${field}[${i}]`, expected, v);
    out[i] = v;
  }
  return out;
}

export function resolveTimes(spec: { times?: readonly number[]; horizon?: number; steps?: number }): Float64Array {
  if (spec.times !== undefined) {
    if (!Array.isArray(spec.times) || spec.times.length === 0) throw new InvalidArgumentError('times', 'a non-empty array of increasing positive times', spec.times);
    const out = new Float64Array(spec.times.length + 1);
    let prev = 0;
    spec.times.forEach((t, i) => {
      if (typeof t !== 'number' || !(t > prev) || !Number.isFinite(t)) throw new InvalidArgumentError(`times[${i}]`, `a finite number > ${prev}`, t);
      out[i + 1] = t;
      prev = t;
    });
    return out;
  }
  const { horizon, steps } = spec;
  if (typeof horizon !== 'number' || !(horizon > 0) || !Number.isFinite(horizon)) throw new InvalidArgumentError('horizon', 'a finite number > 0 (or give times)', horizon);
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) throw new InvalidArgumentError('steps', 'an integer ≥ 1', steps);
  const out = new Float64Array(steps + 1);
  for (let k = 1; k <= steps; k++) out[k] = (horizon * k) / steps;
  return out;
}

export function prepareGbm(spec: GbmSpec): PreparedGbm {
  if (spec === null || typeof spec !== 'object') throw new InvalidArgumentError('spec', 'an object', spec);
  const d = typeof spec.s0 === 'number' ? 1 : Array.isArray(spec.s0) ? spec.s0.length : 0;
  if (d < 1) throw new InvalidArgumentError('s0', 'a positive number or a non-empty array', spec.s0);
  const s0 = perAsset(spec.s0, d, 's0', undefined, (v) => v > 0 && Number.isFinite(v), 'a finite number > 0');
  const mu = perAsset(spec.drift, d, 'drift', undefined, Number.isFinite, 'a finite number');
  const sigma = perAsset(spec.sigma, d, 'sigma', undefined, (v) => v >= 0 && Number.isFinite(v), 'a finite number ≥ 0');
  const delta = perAsset(spec.dividend, d, 'dividend', 0, Number.isFinite, 'a finite number');
  const chol = cholesky(correlationToArray(spec.correlation, d), d);
  const times = resolveTimes(spec);
  if (typeof spec.paths !== 'number' || !Number.isInteger(spec.paths) || spec.paths < 1) throw new InvalidArgumentError('paths', 'an integer ≥ 1', spec.paths);
  assertSeed(spec.seed);
  const record = spec.record ?? 'path';
  if (record !== 'path' && record !== 'terminal' && record !== 'terminal-min') throw new InvalidArgumentError('record', "'path' | 'terminal' | 'terminal-min'", record);
  const steps = times.length - 1;
  const driftDt = new Float64Array(steps * d);
  const volSqrtDt = new Float64Array(steps * d);
  for (let k = 0; k < steps; k++) {
    const dt = times[k + 1]! - times[k]!;
    for (let a = 0; a < d; a++) {
      const s = sigma[a]!;
      driftDt[k * d + a] = (mu[a]! - delta[a]! - 0.5 * s * s) * dt;
      volSqrtDt[k * d + a] = s * Math.sqrt(dt);
    }
  }
  return {
    assets: d, steps, paths: spec.paths, seed: spec.seed, antithetic: spec.antithetic ?? false, record, times,
    logS0: s0.map(Math.log), driftDt, volSqrtDt, chol,
  };
}
