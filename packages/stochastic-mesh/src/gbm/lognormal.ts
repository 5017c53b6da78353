/** Closed-form facts about a single GBM S_T = S0·exp((μ − σ²/2)T + σW_T): used to validate the engine. */
import { InvalidArgumentError } from '../errors.js';
import { normalCdf, normalQuantile } from '../random/normal-distribution.js';

export interface LognormalParams {
  s0: number;
  mu: number;
  sigma: number;
  t: number;
}

function check(p: LognormalParams): void {
  if (!(p.s0 > 0)) throw new InvalidArgumentError('s0', 'a number > 0', p.s0);
  if (!(p.sigma > 0)) throw new InvalidArgumentError('sigma', 'a number > 0', p.sigma);
  if (!(p.t > 0)) throw new InvalidArgumentError('t', 'a number > 0', p.t);
  if (!Number.isFinite(p.mu)) throw new InvalidArgumentError('mu', 'a finite number', p.mu);
}

export function lognormalMean(p: LognormalParams): number {
  check(p);
  return p.s0 * Math.exp(p.mu * p.t);
}

export function lognormalQuantile(p: LognormalParams, q: number): number {
  check(p);
  if (!(q > 0 && q < 1)) throw new InvalidArgumentError('q', 'a probability in (0, 1)', q);
  return p.s0 * Math.exp((p.mu - 0.5 * p.sigma ** 2) * p.t + p.sigma * Math.sqrt(p.t) * normalQuantile(q));
}

export function lognormalMedian(p: LognormalParams): number {
  return lognormalQuantile(p, 0.5);
}

/** P(S_T < level). */
export function lognormalCdf(p: LognormalParams, level: number): number {
  check(p);
  if (!(level > 0)) return 0;
  return normalCdf((Math.log(level / p.s0) - (p.mu - 0.5 * p.sigma ** 2) * p.t) / (p.sigma * Math.sqrt(p.t)));
}

/** Broadie–Glasserman–Kou continuity-correction constant β = −ζ(1/2)/√(2π). */
export const BGK_BETA = 0.5825971579390106;

/**
 * P(min_{0≤s≤T} S_s ≤ barrier) for a barrier below S0 (reflection principle with drift). With
 * `monitoringInterval` Δt the barrier is monitored discretely and approximated by the continuity correction
 * barrier·exp(−β σ √Δt) (Broadie, Glasserman & Kou 1997).
 */
export function barrierHitProbability(p: LognormalParams, barrier: number, monitoringInterval?: number): number {
  check(p);
  if (!(barrier > 0)) throw new InvalidArgumentError('barrier', 'a number > 0', barrier);
  if (barrier >= p.s0) return 1;
  let h = barrier;
  if (monitoringInterval !== undefined) {
    if (!(monitoringInterval > 0)) throw new InvalidArgumentError('monitoringInterval', 'a number > 0', monitoringInterval);
    h = barrier * Math.exp(-BGK_BETA * p.sigma * Math.sqrt(monitoringInterval));
  }
  const nu = p.mu - 0.5 * p.sigma ** 2;
  const b = Math.log(h / p.s0);
  const sd = p.sigma * Math.sqrt(p.t);
  return normalCdf((b - nu * p.t) / sd) + Math.exp((2 * nu * b) / p.sigma ** 2) * normalCdf((b + nu * p.t) / sd);
}
