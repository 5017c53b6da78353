/** Goals the person states, derived from their situation and milestones. Every target date is after the start. */
import { addMonths, toIsoDate } from './dates.js';
import type { CashFlow, Debt, Goal, GoalKind, Milestone, MonthlyExpenses } from './model.js';
import { sortSmallStable } from './stable-sort.js';

export interface GoalInput {
  start: Date;
  savingsCents: number;
  expenses: MonthlyExpenses;
  cashFlow: CashFlow;
  debts: readonly Debt[];
  milestones: readonly Milestone[];
}

/** Months to repay revolving debt paying `paymentCents` a month at `annualRate` (standard annuity count). */
function monthsToRepay(balanceCents: number, annualRate: number, paymentCents: number): number {
  const r = annualRate / 12;
  if (paymentCents <= balanceCents * r) return Number.POSITIVE_INFINITY;
  return Math.ceil(-Math.log(1 - (r * balanceCents) / paymentCents) / Math.log(1 + r));
}

/** Goal kinds by priority: the rank is the position in this list. */
const RANK: Record<GoalKind, number> = { 'emergency-fund': 0, 'debt-free': 1, 'home-down-payment': 2, education: 3, retirement: 4, 'major-purchase': 5 };
const FROM_MILESTONE: Partial<Record<Milestone['type'], GoalKind>> = {
  retirement: 'retirement', 'home-purchase': 'home-down-payment', education: 'education', 'car-purchase': 'major-purchase',
};

export function deriveGoals(input: GoalInput): Goal[] {
  const drafts: Omit<Goal, 'priority'>[] = [];
  const monthlyNeeds = input.expenses.totalCents + input.cashFlow.debtPaymentsCents;
  const emergencyTarget = 6 * monthlyNeeds;
  if (input.savingsCents < emergencyTarget) {
    const saving = Math.max(1, input.cashFlow.otherSavingCents);
    const months = Math.min(60, Math.max(6, Math.ceil((emergencyTarget - input.savingsCents) / saving)));
    drafts.push({ kind: 'emergency-fund', targetCents: emergencyTarget, targetDate: toIsoDate(addMonths(input.start, months)), milestoneId: null });
  }
  const cards = input.debts.filter((d) => d.kind === 'credit-card');
  if (cards.length > 0) {
    let months = 0;
    for (const card of cards) months = Math.max(months, monthsToRepay(card.balanceCents, card.annualRate, 2 * card.minimumPaymentCents));
    const due = Math.min(120, Math.max(3, Number.isFinite(months) ? months : 120));
    drafts.push({ kind: 'debt-free', targetCents: cards.reduce((s, d) => s + d.balanceCents, 0), targetDate: toIsoDate(addMonths(input.start, due)), milestoneId: null });
  }
  const seen = new Set<GoalKind>();
  for (const m of input.milestones) {
    const kind = FROM_MILESTONE[m.type];
    if (kind === undefined || seen.has(kind)) continue; // one goal per kind: the nearest milestone of that type
    seen.add(kind);
    drafts.push({ kind, targetCents: m.amountCents, targetDate: m.date, milestoneId: m.id });
  }
  sortSmallStable(drafts, (a, b) => RANK[a.kind] - RANK[b.kind]);
  return drafts.map((g, i) => ({ kind: g.kind, targetCents: g.targetCents, targetDate: g.targetDate, priority: i + 1, milestoneId: g.milestoneId }));
}
