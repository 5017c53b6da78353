/** The public pricing entry: Bermudan options by stochastic mesh (high + low estimators) or Longstaff–Schwartz. */
import { InvalidArgumentError } from '../errors.js';
import { assertSeed } from '../random/streams.js';
import { deriveSeed } from '../random/derive-seed.js';
import { defineBermudan, type BermudanInput } from './bermudan-problem.js';
import { buildStochasticMesh } from './stochastic-mesh.js';
import { fitLongstaffSchwartz } from './longstaff-schwartz.js';
import { sampleEstimate, stoppedPayoffs, type Estimate } from './stopping-rule.js';
import { dualityGap } from './duality-upper-bound.js';

export interface PriceBermudanInput extends BermudanInput {
  method: 'mesh' | 'lsm';
  /** Mesh: nodes per exercise date b (default 500). */
  nodesPerDate?: number;
  /** Paths of the low (path) estimator in total (default 20 000); for LSM also the training paths. */
  paths?: number;
  /** Mesh: independent meshes (default 4, at least 2 so the high estimator has a standard error). */
  replications?: number;
  /**
   * LSM: outer paths of the Andersen–Broadie duality upper bound (default 0 = no upper bound; 1000–2000 is a
   * good working value). When > 0 the result carries `high` = low + duality gap and `dualityGap`.
   */
  dualityPaths?: number;
  /** LSM duality: inner paths per outer path and exercise date (even, antithetic pairs; default 500). */
  innerPaths?: number;
  seed: number;
}

export interface BermudanPrice {
  /**
   * High-biased estimate with its standard error. Mesh: mean over replications. LSM with `dualityPaths`: the
   * Andersen–Broadie upper bound low + gap (SE combines the independent low and gap samples).
   */
  high?: Estimate;
  /** Low-biased estimate from fresh paths stopped by the fitted rule. */
  low: Estimate;
  /** LSM with `dualityPaths`: the estimated duality gap E[D] ≥ 0 (how far the LSM rule may be from optimal). */
  dualityGap?: Estimate;
}

function positiveInt(v: unknown, field: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new InvalidArgumentError(field, `an integer ≥ ${min}`, v);
  return v;
}

export function priceBermudan(input: PriceBermudanInput): BermudanPrice {
  const problem = defineBermudan(input);
  assertSeed(input.seed);
  const paths = positiveInt(input.paths ?? 20_000, 'paths', 2);
  if (input.method === 'lsm') {
    const dualityPaths = input.dualityPaths ?? 0;
    if (dualityPaths !== 0) positiveInt(dualityPaths, 'dualityPaths', 2);
    const rule = fitLongstaffSchwartz(problem, paths, deriveSeed(input.seed, 1));
    const low = sampleEstimate(stoppedPayoffs(problem, rule, paths, deriveSeed(input.seed, 2)));
    if (dualityPaths === 0) return { low };
    const innerPaths = input.innerPaths ?? 500;
    const { gap } = dualityGap(problem, rule, { outerPaths: dualityPaths, innerPaths, seed: deriveSeed(input.seed, 3) });
    const high = { value: low.value + gap.value, stdErr: Math.sqrt(low.stdErr ** 2 + gap.stdErr ** 2) };
    return { high, low, dualityGap: gap };
  }
  if (input.method !== 'mesh') throw new InvalidArgumentError('method', "'mesh' | 'lsm'", input.method);
  for (const field of ['dualityPaths', 'innerPaths'] as const) {
    if (input[field] !== undefined) throw new InvalidArgumentError(field, "to be used with method 'lsm' only", input[field]);
  }
  const b = positiveInt(input.nodesPerDate ?? 500, 'nodesPerDate', 2);
  const reps = positiveInt(input.replications ?? 4, 'replications', 2);
  const highs = new Float64Array(reps);
  const lowMeans = new Float64Array(reps);
  let conditionalVariance = 0;
  const perRep = Math.max(2, Math.floor(paths / reps));
  for (let r = 0; r < reps; r++) {
    const mesh = buildStochasticMesh(problem, b, deriveSeed(input.seed, 10, r));
    highs[r] = mesh.highEstimate;
    const low = sampleEstimate(stoppedPayoffs(problem, mesh, perRep, deriveSeed(input.seed, 20, r)));
    lowMeans[r] = low.value;
    conditionalVariance += low.stdErr ** 2;
  }
  const high = sampleEstimate(highs);
  const lowAcross = sampleEstimate(lowMeans);
  // Path noise given the meshes, or the spread between meshes if that is larger (it also carries mesh noise).
  const lowStdErr = Math.max(Math.sqrt(conditionalVariance) / reps, lowAcross.stdErr);
  return { high, low: { value: lowAcross.value, stdErr: lowStdErr } };
}
