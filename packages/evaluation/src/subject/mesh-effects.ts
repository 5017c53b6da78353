/**
 * How the evaluation turns feasible recommendations into planning-mesh inputs. Transfers say where money goes:
 * between cash (checking, savings) and invested accounts (stocks, bonds) — which changes the market mix — or out
 * of the modelled wealth (to a debt, an expense). The kind adds what transfers cannot say: payments no longer
 * due any more (the shortened debt schedule), a lasting spending cut, a payment plan, a milestone partly paid early.
 */
import { DEFAULT_ACCOUNT_IDS as A } from '@omega/accounting';
import { amortizeDebt, type CashFlowInput, type PaymentPart } from '@omega/stochastic-mesh';
import type { Debt, Person } from '@omega/synthetic-data';
import { addMonthsToDay, parseDay } from './dates.js';
import type { RecommendationView } from './recommendation-view.js';

type Bucket = 'cash' | 'invested' | 'outside';

function bucketOf(account: string): Bucket {
  if (account === A.checking || account === A.savings) return 'cash';
  if (account === A.stocks || account === A.bonds) return 'invested';
  return 'outside';
}

/** Most monthly installments the evaluation spreads a milestone over. */
export const MAX_PLAN_INSTALLMENTS = 12;

export interface MeshChanges {
  /** Dollars added to (negative: taken from) the starting wealth. */
  initialWealthDelta: number;
  /** Dollars moved from cash into invested money (negative: the other way), or leaving the modelled wealth. */
  cashDelta: number;
  investedDelta: number;
  flows: CashFlowInput[];
  /** Payment plans to adopt in the mesh, with the index of the recommendation that asks for each. */
  plans: { milestoneId: string; parts: PaymentPart[]; rec: number }[];
}

/**
 * The evaluation's reading of "reschedule this milestone" from its payment flexibility: the allowed installments
 * (upfront share on the date, the rest monthly, at most 12), else the longest allowed deferral; null when the
 * payment is fixed or the plan would leave the horizon.
 */
export function milestonePlan(person: Person, milestoneId: string, horizonEnd: string): PaymentPart[] | null {
  const m = person.milestones.find((x) => x.id === milestoneId);
  if (m === undefined || m.date > horizonEnd) return null;
  const f = m.paymentFlexibility;
  if (f.maxInstallments > 1 && f.minUpfrontShare < 1) {
    let k = Math.min(f.maxInstallments - 1, MAX_PLAN_INSTALLMENTS);
    while (k > 0 && addMonthsToDay(m.date, k) > horizonEnd) k--;
    if (k > 0) {
      const up = Math.max(0, f.minUpfrontShare);
      const parts: PaymentPart[] = [];
      if (up > 0) parts.push({ when: parseDay(m.date, 'milestone.date'), fraction: up });
      const each = (1 - up) / k;
      for (let i = 1; i < k; i++) parts.push({ when: parseDay(addMonthsToDay(m.date, i), 'installment'), fraction: each });
      parts.push({ when: parseDay(addMonthsToDay(m.date, k), 'installment'), rest: true });
      return parts;
    }
  }
  if (f.maxDeferralMonths > 0) {
    let months = f.maxDeferralMonths;
    while (months > 0 && addMonthsToDay(m.date, months) > horizonEnd) months--;
    if (months > 0) return [{ when: parseDay(addMonthsToDay(m.date, months), 'deferred date'), rest: true }];
  }
  return null;
}

function monthsBetween(from: string, to: string): number {
  const [y0, m0] = from.split('-').map(Number) as [number, number];
  const [y1, m1] = to.split('-').map(Number) as [number, number];
  return Math.max(0, (y1 - y0) * 12 + (m1 - m0));
}

/**
 * Paying `paidCents` of a debt in month k shortens its schedule: with the adapter's amortisation (required
 * payment each month until paid off), the monthly payments that are no longer due come back as income, in runs
 * of equal amounts. Payment j of the schedule falls j months after asOf, as in `planningInputFromPerson`.
 */
function paymentsSaved(debt: Debt, paidCents: number, k: number, horizonMonths: number, asOf: string, i: number): CashFlowInput[] {
  if (k >= horizonMonths) return [];
  const base = amortizeDebt(debt, horizonMonths);
  const after = amortizeDebt({ ...debt, balanceCents: Math.max(0, base.balances[k]! - paidCents) }, horizonMonths - k);
  const flows: CashFlowInput[] = [];
  let runStart = -1;
  let runValue = 0;
  const close = (endExclusive: number) => {
    if (runStart >= 0 && runValue > 1e-9) {
      flows.push({
        id: `rec-${i}-payments-saved-${runStart}`, kind: 'income', amount: runValue / 100, every: 'month',
        start: parseDay(addMonthsToDay(asOf, runStart + 1), 'payment date'), end: parseDay(addMonthsToDay(asOf, endExclusive), 'payment date'),
      });
    }
  };
  for (let j = k; j < horizonMonths; j++) {
    const saved = base.payments[j]! - after.payments[j - k]!;
    if (runStart < 0 || Math.abs(saved - runValue) > 1e-6) {
      close(j);
      runStart = j;
      runValue = saved;
    }
  }
  close(horizonMonths);
  return flows;
}

export function meshChanges(person: Person, meshMilestones: ReadonlySet<string>, horizonEnd: string, asOf: string, feasible: readonly RecommendationView[]): MeshChanges {
  const horizonMonths = monthsBetween(asOf, horizonEnd);
  const out: MeshChanges = { initialWealthDelta: 0, cashDelta: 0, investedDelta: 0, flows: [], plans: [] };
  /** Milestones with an adopted plan (a reschedule); prepayments towards them count as plain outflows. */
  const planned = new Set<string>();
  const prepaid = new Map<string, { parts: PaymentPart[]; total: number; rec: number }>();
  feasible.forEach((rec, i) => {
    const field = `recommendations[${i}].date`;
    const day = parseDay(rec.date, field);
    const now = rec.date <= asOf;
    const prepaysMilestone = rec.kind === 'purchase' && meshMilestones.has(rec.target) && !planned.has(rec.target);
    const outflow = (dollars: number) => {
      if (Math.abs(dollars) <= 1e-9) return;
      if (now) out.initialWealthDelta -= dollars;
      else out.flows.push({ id: `rec-${i}-transfer`, kind: dollars < 0 ? 'income' : 'expense', amount: Math.abs(dollars), every: 'year', start: day, end: day });
    };
    let leaving = 0;
    for (const t of rec.transfers) {
      const from = bucketOf(t.from);
      const to = bucketOf(t.to);
      const dollars = t.amountCents / 100;
      if (from === to) continue;
      if (from === 'cash') out.cashDelta -= dollars;
      if (to === 'cash') out.cashDelta += dollars;
      if (from === 'invested') out.investedDelta -= dollars;
      if (to === 'invested') out.investedDelta += dollars;
      if (to === 'outside') leaving += dollars;
      if (from === 'outside') leaving -= dollars;
    }
    if (prepaysMilestone && leaving > 0) {
      // Money paid towards a modelled milestone is a part of that milestone's payment, not an extra outflow.
      const entry = prepaid.get(rec.target) ?? { parts: [], total: 0, rec: i };
      const m = person.milestones.find((x) => x.id === rec.target)!;
      const amount = Math.min(leaving, m.amountCents / 100 - entry.total);
      if (amount > 0) entry.parts.push({ when: day, amount });
      entry.total += Math.max(0, amount);
      prepaid.set(rec.target, entry);
      outflow(leaving - Math.max(0, amount)); // anything beyond the milestone's cost simply leaves
    } else {
      outflow(leaving);
    }
    if (rec.kind === 'debt-payment' && leaving > 0) {
      const debt = person.debts.find((d) => d.id === rec.target);
      if (debt !== undefined) out.flows.push(...paymentsSaved(debt, Math.round(leaving * 100), monthsBetween(asOf, rec.date), horizonMonths, asOf, i));
    }
    if (rec.kind === 'raise-savings' && rec.amountCents > 0) {
      // Money saved each month is money not spent: a lasting cut in spending.
      out.flows.push({ id: `rec-${i}-spending-cut`, kind: 'income', amount: rec.amountCents / 100, every: 'month', start: day });
    }
    if (rec.kind === 'reschedule-milestone' && meshMilestones.has(rec.target) && !planned.has(rec.target) && !prepaid.has(rec.target)) {
      const parts = milestonePlan(person, rec.target, horizonEnd);
      if (parts !== null) {
        out.plans.push({ milestoneId: rec.target, parts, rec: i });
        planned.add(rec.target);
      }
    }
  });
  for (const [id, entry] of prepaid) {
    const m = person.milestones.find((x) => x.id === id)!;
    if (entry.parts.length === 0) continue;
    const parts = [...entry.parts];
    if (entry.total < m.amountCents / 100 - 1e-9) parts.push({ when: parseDay(m.date, 'milestone.date'), rest: true });
    out.plans.push({ milestoneId: id, parts, rec: entry.rec });
  }
  return out;
}
