/** The public pricing entry: Bermudan options by stochastic mesh (high + low estimators) or Longstaff–Schwartz. */
import { InvalidArgumentError } from '../errors.js';
import { assertSeed } from '../random/streams.js';
import { deriveSeed } from '../random/derive-seed.js';
import { defineBermudan, type BermudanInput } from './bermudan-problem.js';
import { buildStochasticMesh } from './stochastic-mesh.js';
import { fitLongstaffSchwartz } from './longstaff-schwartz.js';
import { sampleEstimate, stoppedPayoffs, type Estimate } from './stopping-rule.js';

export interface PriceBermudanInput extends BermudanInput {
  method: 'mesh' | 'lsm';
  /** Mesh: nodes per exercise date b (default 500). */
  nodesPerDate?: number;
  /** Paths of the low (path) estimator in total (default 20 000); for LSM also the training paths. */
  paths?: number;
  /** Mesh: independent meshes (default 4, at least 2 so the high estimator has a standard error). */
  replications?: number;
  seed: number;
}

export interface BermudanPrice {
  /** Mesh only: high-biased estimate (mean over replications) with its standard error. */
  high?: Estimate;
  /** Low-biased estimate from fresh paths stopped by the fitted rule. */
  low: Estimate;
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
    const rule = fitLongstaffSchwartz(problem, paths, deriveSeed(input.seed, 1));
    return { low: sampleEstimate(stoppedPayoffs(problem, rule, paths, deriveSeed(input.seed, 2))) };
  }
  if (input.method !== 'mesh') throw new InvalidArgumentError('method', "'mesh' | 'lsm'", input.method);
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
