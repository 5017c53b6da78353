/** Person (@omega/synthetic-data) → PlanningInput of the planning mesh. */
import { addUtcMonths } from '../planning/utc-calendar.js';
import type { Person } from '@omega/synthetic-data';
import { InvalidArgumentError } from '../errors.js';
import type { CashFlowInput, MarketAssumptions, MilestoneInput, PaymentCapacity, PlanningInput, VisibilityOptions } from '../planning/planning-types.js';
import { amortizeDebt } from './amortize-debt.js';
import { personMarket } from './person-market.js';
import { toUtcDay } from './utc-day.js';

export interface PersonPlanningOptions {
  /** Plan start (`YYYY-MM-DD` or a Date, its UTC day). The mesh clock is fixed at this day. */
  asOf: string | Date;
  seed: number;
  /** Default 10. Milestones due after the horizon are left out. */
  horizonYears?: number;
  paths?: number;
  stepMonths?: number;
  /** Money unit of the mesh: 'dollars' (cents / 100, default) or 'cents'. */
  unit?: 'dollars' | 'cents';
  /** Default: `personMarket(person, includeRetirement)`. */
  market?: MarketAssumptions;
  /** Count retirement accounts in the initial wealth (default true). */
  includeRetirement?: boolean;
  /** Which milestones to include (default: every milestone due inside the horizon). */
  milestoneIds?: readonly string[];
  /** Annual growth of income and expenses (default 0: today's money). */
  growth?: { income?: number; expenses?: number };
  visibility?: VisibilityOptions;
  paymentCapacity?: PaymentCapacity;
}

/**
 * Map a person onto the mesh:
 * - initial wealth = checking + savings + investments (+ retirement);
 * - monthly flows from the month after `asOf`: net income, living expenses (`monthlyExpenses.totalCents`) and one
 *   expense per debt, its required payment, ending on the month the debt is paid off (`amortizeDebt`);
 * - milestones (id, type as name, amount, date) due after `asOf` and inside the horizon.
 * Debt balances and real estate are not part of mesh wealth; net worth = mesh wealth + real estate − debt left.
 */
export function planningInputFromPerson(person: Person, options: PersonPlanningOptions): PlanningInput {
  if (person === null || typeof person !== 'object') throw new InvalidArgumentError('person', 'a Person record', person);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('options', 'an object { asOf, seed }', options);
  const start = toUtcDay(options.asOf, 'options.asOf');
  const horizonYears = options.horizonYears ?? 10;
  if (!(horizonYears > 0) || !Number.isFinite(horizonYears)) throw new InvalidArgumentError('options.horizonYears', 'a finite number > 0', horizonYears);
  const stepMonths = options.stepMonths ?? 1;
  const unit = options.unit ?? 'dollars';
  if (unit !== 'dollars' && unit !== 'cents') throw new InvalidArgumentError('options.unit', "'dollars' | 'cents'", unit);
  const scale = unit === 'dollars' ? 0.01 : 1;
  const includeRetirement = options.includeRetirement ?? true;
  const a = person.assets;
  const initialCents = a.checkingCents + a.savingsCents + a.investmentsCents + (includeRetirement ? a.retirementCents : 0);
  if (!Number.isFinite(initialCents)) throw new InvalidArgumentError('person.assets', 'finite cents in every account', initialCents);
  const horizonMonths = Math.max(1, Math.round((horizonYears * 12) / stepMonths)) * stepMonths;
  const end = addUtcMonths(start, horizonMonths);
  const growthIncome = options.growth?.income ?? 0;
  const growthExpenses = options.growth?.expenses ?? 0;

  const flows: CashFlowInput[] = [
    { id: 'income', kind: 'income', amount: person.income.householdNetMonthlyCents * scale, every: 'month', growth: growthIncome },
    { id: 'living-expenses', kind: 'expense', amount: person.monthlyExpenses.totalCents * scale, every: 'month', growth: growthExpenses },
  ];
  person.debts.forEach((d, i) => {
    const schedule = amortizeDebt(d, horizonMonths, `person.debts[${i}]`);
    if (d.balanceCents === 0 || schedule.payoffMonth === 0) return;
    const flow: CashFlowInput = { id: `debt:${d.id}`, kind: 'expense', amount: d.minimumPaymentCents * scale, every: 'month' };
    if (schedule.payoffMonth !== null) {
      // The last payment may be smaller than the minimum: end one month before it and add it on its own.
      const last = schedule.payments[schedule.payoffMonth - 1]!;
      flow.end = addUtcMonths(start, schedule.payoffMonth - 1);
      if (last > 0) flows.push({ id: `debt:${d.id}:last`, kind: 'expense', amount: last * scale, every: 'year', start: addUtcMonths(start, schedule.payoffMonth), end: addUtcMonths(start, schedule.payoffMonth) });
    }
    flows.push(flow);
  });

  const wanted = options.milestoneIds ? new Set(options.milestoneIds) : undefined;
  const milestones: MilestoneInput[] = [];
  person.milestones.forEach((m, i) => {
    if (wanted && !wanted.has(m.id)) return;
    const due = toUtcDay(m.date, `person.milestones[${i}].date`);
    if (due <= start || due > end) return;
    milestones.push({ id: m.id, name: m.type, amount: m.amountCents * scale, dueDate: due });
  });

  const input: PlanningInput = {
    clock: { now: () => new Date(start.getTime()) },
    initialWealth: initialCents * scale,
    flows,
    milestones,
    market: options.market ?? personMarket(person, includeRetirement),
    horizonYears: horizonMonths / 12,
    stepMonths,
    seed: options.seed,
  };
  if (options.paths !== undefined) input.paths = options.paths;
  if (options.visibility !== undefined) input.visibility = options.visibility;
  if (options.paymentCapacity !== undefined) input.paymentCapacity = options.paymentCapacity;
  return input;
}
