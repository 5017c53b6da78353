/**
 * Cox–Ross–Rubinstein binomial tree for one asset: European, American, or Bermudan (early exercise only at given
 * dates, each snapped to the nearest tree step). A deterministic reference for the Monte Carlo methods.
 */
import { InvalidArgumentError } from '../errors.js';
import { checkVanillaInput, type BlackScholesInput } from './black-scholes.js';

export interface BinomialInput extends BlackScholesInput {
  /** 'european', 'american', or the Bermudan exercise times (years in (0, t]). */
  exercise: 'european' | 'american' | readonly number[];
  steps?: number;
}

export function binomialPrice(input: BinomialInput): number {
  const { s0, strike, rate, sigma, t, type } = input;
  const q = input.dividend ?? 0;
  const n = input.steps ?? 2000;
  checkVanillaInput(input);
  // A tree also needs volatility and time to step through.
  if (!(sigma > 0)) throw new InvalidArgumentError('sigma', 'a number > 0', sigma);
  if (!(t > 0)) throw new InvalidArgumentError('t', 'a number > 0', t);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('steps', 'an integer ≥ 1', n);
  const dt = t / n;
  const u = Math.exp(sigma * Math.sqrt(dt));
  const d = 1 / u;
  const p = (Math.exp((rate - q) * dt) - d) / (u - d);
  if (!(p > 0 && p < 1)) throw new InvalidArgumentError('steps', 'enough steps for a risk-neutral probability in (0, 1)', n);
  const disc = Math.exp(-rate * dt);
  const canExercise = new Uint8Array(n + 1);
  if (input.exercise === 'american') canExercise.fill(1);
  else if (Array.isArray(input.exercise)) {
    input.exercise.forEach((te, i) => {
      if (!(te > 0 && te <= t)) throw new InvalidArgumentError(`exercise[${i}]`, `a time in (0, ${t}]`, te);
      canExercise[Math.round(te / dt)] = 1;
    });
  } else if (input.exercise !== 'european') throw new InvalidArgumentError('exercise', "'european' | 'american' | number[]", input.exercise);
  const payoff = (s: number) => (type === 'call' ? Math.max(s - strike, 0) : Math.max(strike - s, 0));
  const v = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) v[i] = payoff(s0 * u ** (n - 2 * i));
  for (let step = n - 1; step >= 0; step--) {
    for (let i = 0; i <= step; i++) {
      const cont = disc * (p * v[i]! + (1 - p) * v[i + 1]!);
      v[i] = canExercise[step] ? Math.max(cont, payoff(s0 * u ** (step - 2 * i))) : cont;
    }
  }
  return v[0]!;
}
