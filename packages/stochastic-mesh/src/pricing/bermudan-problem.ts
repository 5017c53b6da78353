/** The validated description of a Bermudan option on correlated GBM assets under the risk-neutral measure. */
import { InvalidArgumentError } from '../errors.js';
import { prepareGbm, type GbmSpec } from '../gbm/gbm-spec.js';
import { resolvePayoff, type PayoffFunction, type PayoffName } from './payoffs.js';

export interface BermudanInput {
  s0: number | readonly number[];
  sigma: number | readonly number[];
  dividend?: number | readonly number[];
  correlation?: readonly (readonly number[])[];
  rate: number;
  /** Exercise dates (years, increasing, > 0). The last one is the expiry. */
  exerciseTimes: readonly number[];
  payoff: PayoffName | PayoffFunction;
  strike?: number;
}

export interface BermudanProblem {
  assets: number;
  rate: number;
  s0: Float64Array;
  sigma: Float64Array;
  dividend: Float64Array;
  correlation: readonly (readonly number[])[] | undefined;
  /** Exercise times with 0 prepended. */
  times: Float64Array;
  payoff: PayoffFunction;
  /** The GBM spec (minus paths/seed/record) that simulates the assets at the exercise dates. */
  gbm: Omit<GbmSpec, 'paths' | 'seed' | 'record'>;
}

const toArray = (v: number | readonly number[] | undefined, d: number, fallback: number): Float64Array =>
  v === undefined ? new Float64Array(d).fill(fallback) : typeof v === 'number' ? new Float64Array(d).fill(v) : Float64Array.from(v);

export function defineBermudan(input: BermudanInput): BermudanProblem {
  if (input === null || typeof input !== 'object') throw new InvalidArgumentError('input', 'an object', input);
  if (typeof input.rate !== 'number' || !Number.isFinite(input.rate)) throw new InvalidArgumentError('rate', 'a finite number', input.rate);
  const gbm: Omit<GbmSpec, 'paths' | 'seed' | 'record'> = {
    s0: input.s0, drift: input.rate, sigma: input.sigma, times: input.exerciseTimes,
    ...(input.dividend !== undefined ? { dividend: input.dividend } : {}),
    ...(input.correlation !== undefined ? { correlation: input.correlation } : {}),
  };
  // prepareGbm validates every field (shapes, positivity, correlation, times) with field-named errors.
  const prepared = prepareGbm({ ...gbm, paths: 1, seed: 0 });
  const d = prepared.assets;
  const sigma = toArray(input.sigma, d, 0);
  sigma.forEach((s, a) => {
    if (!(s > 0)) throw new InvalidArgumentError(`sigma[${a}]`, 'a number > 0 (the mesh needs a transition density)', s);
  });
  return {
    assets: d, rate: input.rate, s0: prepared.logS0.map(Math.exp), sigma, dividend: toArray(input.dividend, d, 0),
    correlation: input.correlation, times: prepared.times, payoff: resolvePayoff(input.payoff, input.strike, d), gbm,
  };
}
