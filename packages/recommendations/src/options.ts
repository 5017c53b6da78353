/** Validation of `recommend` options, with defaults. */
import { InvalidOptionError } from './errors.js';
import type { RecommendOptions } from './types.js';

export interface ResolvedOptions {
  months: number;
  seed: number;
  asOf: string;
  paths: number;
  horizonYears: number;
  perMonth: number;
  scenarios: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function intIn(field: string, v: unknown, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) throw new InvalidOptionError(field, `an integer in [${lo}, ${hi}]`, v);
  return v;
}

export function resolveOptions(options: RecommendOptions): ResolvedOptions {
  if (options === null || typeof options !== 'object') throw new InvalidOptionError('options', 'an object { months, seed, asOf }', options);
  const asOf = options.asOf;
  if (typeof asOf !== 'string' || !ISO_DAY.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf) {
    throw new InvalidOptionError('options.asOf', 'a calendar date YYYY-MM-DD', asOf);
  }
  return {
    months: intIn('options.months', options.months, 1, 120),
    seed: intIn('options.seed', options.seed, 0, Number.MAX_SAFE_INTEGER),
    asOf,
    paths: intIn('options.paths', options.paths ?? 400, 20, 100_000),
    horizonYears: intIn('options.horizonYears', options.horizonYears ?? 5, 1, 40),
    perMonth: intIn('options.perMonth', options.perMonth ?? 3, 1, 10),
    scenarios: intIn('options.scenarios', options.scenarios ?? 5, 2, 20),
  };
}
