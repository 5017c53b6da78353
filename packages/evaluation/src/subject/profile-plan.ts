/**
 * The subject's planning-mesh input through @omega/stochastic-mesh's `planningInputFromPerson` (the adapter the
 * recommendation engine uses too), in dollars, and the market of a cash / invested mix after recommendations
 * move money between them (the adapter's own blend, `PERSON_MARKET_ASSUMPTIONS`).
 */
import { PERSON_MARKET_ASSUMPTIONS, planningInputFromPerson, type MarketAssumptions, type PlanningInput } from '@omega/stochastic-mesh';
import type { Person } from '@omega/synthetic-data';
import { addMonthsToDay } from './dates.js';

export interface ProfilePlan {
  input: PlanningInput;
  /** Dollars of cash (checking + savings) and of invested money (investments + retirement) in the initial wealth. */
  cash: number;
  invested: number;
  milestonesInHorizon: number;
  milestonesTotal: number;
  horizonEnd: string;
}

/** Same blend as the adapter's `personMarket`: by value, perfectly correlated (an upper bound on volatility). */
export function blendMarket(cash: number, invested: number): MarketAssumptions {
  const total = cash + invested;
  const c = total > 0 ? Math.min(1, Math.max(0, cash / total)) : 1;
  const { cash: k, invested: v } = PERSON_MARKET_ASSUMPTIONS;
  return { mu: c * k.mu + (1 - c) * v.mu, sigma: c * k.sigma + (1 - c) * v.sigma };
}

export function planFromProfile(person: Person, asOf: string, horizonYears: number, paths: number, seed: number): ProfilePlan {
  const input = planningInputFromPerson(person, { asOf, seed, horizonYears, paths, stepMonths: 1 });
  const horizonEnd = addMonthsToDay(asOf, Math.round(horizonYears * 12));
  const a = person.assets;
  return {
    input,
    cash: (a.checkingCents + a.savingsCents) / 100,
    invested: (a.investmentsCents + a.retirementCents) / 100,
    milestonesInHorizon: person.milestones.filter((m) => m.date > asOf && m.date <= horizonEnd).length,
    milestonesTotal: person.milestones.length,
    horizonEnd,
  };
}
