/** Built-in exercise payoffs and the generic payoff signature. */
import { InvalidArgumentError } from '../errors.js';

/** Immediate exercise value given the asset prices at an exercise date (read `prices[0..d)`; do not keep the array). */
export type PayoffFunction = (prices: Float64Array) => number;
export type PayoffName = 'put' | 'call' | 'max-call' | 'geometric-mean-call';

export function resolvePayoff(payoff: PayoffName | PayoffFunction, strike: number | undefined, assets: number): PayoffFunction {
  if (typeof payoff === 'function') return payoff;
  if (typeof strike !== 'number' || !Number.isFinite(strike)) throw new InvalidArgumentError('strike', `a finite number (required by payoff '${String(payoff)}')`, strike);
  const k = strike;
  switch (payoff) {
    case 'put':
    case 'call':
      if (assets !== 1) throw new InvalidArgumentError('payoff', `'${payoff}' on exactly one asset (got ${assets}); use a function for baskets`, payoff);
      return payoff === 'put' ? (x) => Math.max(k - x[0]!, 0) : (x) => Math.max(x[0]! - k, 0);
    case 'max-call':
      return (x) => {
        let m = -Infinity;
        for (let a = 0; a < assets; a++) if (x[a]! > m) m = x[a]!;
        return Math.max(m - k, 0);
      };
    case 'geometric-mean-call':
      return (x) => {
        let s = 0;
        for (let a = 0; a < assets; a++) s += Math.log(x[a]!);
        return Math.max(Math.exp(s / assets) - k, 0);
      };
    default:
      throw new InvalidArgumentError('payoff', "'put' | 'call' | 'max-call' | 'geometric-mean-call' | (prices) => number", payoff);
  }
}
