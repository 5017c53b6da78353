/** The embedded household `omega mesh --demo` plans for (fixed numbers, so only --seed and --as-of change it). */
import type { PlanningInput } from '@omega/stochastic-mesh';
import type { PaymentFlexibility } from '@omega/synthetic-data';
import { addMonthsUtc, dayToDate } from './_dates.js';

/** The default "today" of the demos: an input, never the wall clock. */
export const DEMO_AS_OF = '2025-07-01';
export const DEMO_SEED = 11;

/** The milestone the demo pays in three parts, and its flexibility. */
export const DEMO_PAID_MILESTONE = 'wedding';
export const DEMO_FLEXIBILITY: PaymentFlexibility = { kind: 'deferrable-installments', maxDeferralMonths: 3, maxInstallments: 4, minUpfrontShare: 0.25 };

export function demoPlanningInput(options: { asOf: string; seed: number; paths: number; horizonYears: number }): PlanningInput {
  const start = dayToDate(options.asOf);
  return {
    clock: { now: () => start },
    initialWealth: 45_000,
    flows: [
      { id: 'net-income', kind: 'income', amount: 6_200, every: 'month', growth: 0.02 },
      { id: 'living-expenses', kind: 'expense', amount: 4_300, every: 'month', growth: 0.025 },
      { id: 'student-loan', kind: 'expense', amount: 350, every: 'month', end: addMonthsUtc(start, 60) },
    ],
    milestones: [
      { id: DEMO_PAID_MILESTONE, name: 'wedding', amount: 28_000, dueDate: addMonthsUtc(start, 14) },
      { id: 'car', name: 'car purchase', amount: 24_000, dueDate: addMonthsUtc(start, 30) },
      { id: 'home', name: 'home down payment', amount: 110_000, dueDate: addMonthsUtc(start, 60) },
    ].filter((m) => m.dueDate <= addMonthsUtc(start, Math.round(options.horizonYears * 12))),
    market: { mu: 0.06, sigma: 0.12 },
    horizonYears: options.horizonYears,
    paths: options.paths,
    seed: options.seed,
  };
}
