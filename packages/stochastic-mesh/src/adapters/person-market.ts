/** The default market assumption for a person's financial wealth: a blend of cash and invested money. */
import type { Person } from '@omega/synthetic-data';
import type { MarketAssumptions } from '../planning/planning-types.js';

/**
 * Assumed annual return and volatility of the two kinds of money a Person record holds. These are modelling
 * assumptions (long-run nominal figures of the usual order: savings accounts ~2 %, a diversified 60/40 fund ~6 % with
 * ~11 % volatility), not published reference numbers; pass `market` to the adapter to use your own.
 */
export const PERSON_MARKET_ASSUMPTIONS = {
  cash: { mu: 0.02, sigma: 0.005 },
  invested: { mu: 0.06, sigma: 0.11 },
} as const;

/**
 * Blend by value: μ = c·μ_cash + (1 − c)·μ_inv, σ = c·σ_cash + (1 − c)·σ_inv (perfectly correlated, an upper
 * bound), with c the cash share of checking + savings + investments (+ retirement when included).
 */
export function personMarket(person: Person, includeRetirement = true): MarketAssumptions {
  const a = person.assets;
  const cash = a.checkingCents + a.savingsCents;
  const invested = a.investmentsCents + (includeRetirement ? a.retirementCents : 0);
  const total = cash + invested;
  const c = total > 0 ? cash / total : 1;
  const { cash: k, invested: v } = PERSON_MARKET_ASSUMPTIONS;
  return { mu: c * k.mu + (1 - c) * v.mu, sigma: c * k.sigma + (1 - c) * v.sigma };
}
