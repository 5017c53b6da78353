/** Black–Scholes–Merton price of a European call or put with a continuous dividend yield. */
import { InvalidArgumentError } from '../errors.js';
import { normalCdf } from '../random/normal-distribution.js';

export interface BlackScholesInput {
  s0: number;
  strike: number;
  rate: number;
  dividend?: number;
  sigma: number;
  /** Time to expiry in years. */
  t: number;
  type: 'call' | 'put';
}

/** The checks every single-asset vanilla pricer makes (Black–Scholes, the binomial tree). */
export function checkVanillaInput(input: BlackScholesInput): void {
  const { s0, strike, rate, sigma, t, type } = input;
  const q = input.dividend ?? 0;
  if (!(s0 > 0) || !Number.isFinite(s0)) throw new InvalidArgumentError('s0', 'a finite number > 0', s0);
  if (!(strike > 0) || !Number.isFinite(strike)) throw new InvalidArgumentError('strike', 'a finite number > 0', strike);
  if (!Number.isFinite(rate)) throw new InvalidArgumentError('rate', 'a finite number', rate);
  if (!Number.isFinite(q)) throw new InvalidArgumentError('dividend', 'a finite number', q);
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new InvalidArgumentError('sigma', 'a finite number ≥ 0', sigma);
  if (!(t >= 0) || !Number.isFinite(t)) throw new InvalidArgumentError('t', 'a finite number ≥ 0', t);
  if (type !== 'call' && type !== 'put') throw new InvalidArgumentError('type', "'call' | 'put'", type);
}

export function blackScholes(input: BlackScholesInput): number {
  const { s0, strike, rate, sigma, t, type } = input;
  const q = input.dividend ?? 0;
  checkVanillaInput(input);
  const fwdS = s0 * Math.exp(-q * t);
  const pvK = strike * Math.exp(-rate * t);
  const sd = sigma * Math.sqrt(t);
  if (sd === 0) return type === 'call' ? Math.max(fwdS - pvK, 0) : Math.max(pvK - fwdS, 0);
  const d1 = (Math.log(fwdS / pvK) + 0.5 * sd * sd) / sd;
  const d2 = d1 - sd;
  return type === 'call' ? fwdS * normalCdf(d1) - pvK * normalCdf(d2) : pvK * normalCdf(-d2) - fwdS * normalCdf(-d1);
}
