/**
 * Monthly expenses and the monthly cash flow through checking. Each month: income arrives, bills and debt
 * payments leave, and whatever is left goes to savings (first towards the nearest likely milestone). If income
 * does not cover bills and debt payments, the gap is drawn from savings. A month therefore nets to zero in
 * checking, which is what keeps every balance in the history non-negative.
 */
import { daysBetween, ownIsoToDate } from './dates.js';
import type { CashFlow, Debt, Household, Milestone, MonthlyExpenses } from './model.js';
import { dollarsToCents } from './money.js';
import type { Rng } from './random.js';

/** The longest history window `generate` accepts; transfers to savings are capped so that even this window fits. */
export const MAX_HISTORY_MONTHS = 36;

export interface BudgetInput {
  grossAnnualCents: number;
  netMonthlyCents: number;
  household: Household;
  employed: boolean;
  realEstateCents: number;
  debts: readonly Debt[];
  /** savings + investments, cents: the most that could have been moved to savings during any window. */
  transferableCents: number;
  milestones: readonly Milestone[];
  start: Date;
}

export interface Budget {
  expenses: MonthlyExpenses;
  cashFlow: CashFlow;
  /** The milestone that receives `milestoneSavingCents`, if any. */
  savingFor: string | null;
}

export function drawBudget(rng: Rng, input: BudgetInput): Budget {
  const { household, netMonthlyCents } = input;
  const dependents = household.children.filter((c) => c.dependent);
  const people = 1 + (household.maritalStatus === 'married' ? 1 : 0) + dependents.length;
  const incomeScale = Math.max(0.4, input.grossAnnualCents / 8_000_000);
  const housingCents = input.realEstateCents > 0
    ? Math.round((input.realEstateCents * rng.between(0.012, 0.025)) / 12)
    : Math.max(dollarsToCents(650), Math.round((input.grossAnnualCents / 12) * rng.between(0.18, 0.32)));
  const utilitiesCents = dollarsToCents(rng.between(140, 320) + 45 * (people - 1));
  const foodCents = dollarsToCents((350 + 280 * (people - 1)) * incomeScale ** 0.25 * rng.between(0.85, 1.2));
  const transportationCents = dollarsToCents(rng.between(120, 550) * incomeScale ** 0.2);
  const healthcareCents = dollarsToCents(input.employed ? rng.between(90, 450) : rng.between(250, 800));
  const careNeeded = dependents.filter((c) => c.age < 13).length;
  const bothBusy = household.maritalStatus !== 'married' || household.partnerEarns;
  const childcareCents = input.employed && bothBusy ? dollarsToCents(careNeeded * rng.between(450, 1_100)) : 0;
  const insuranceCents = dollarsToCents(rng.between(40, 280));
  const fixed = housingCents + utilitiesCents + foodCents + transportationCents + healthcareCents + childcareCents + insuranceCents;
  const debtPaymentsCents = input.debts.reduce((s, d) => s + d.minimumPaymentCents, 0);

  // Households plan to spend a share of net income; discretionary spending takes what the fixed bills leave.
  const plannedOutflow = Math.round(netMonthlyCents * rng.between(0.78, 0.97));
  let discretionaryCents = Math.max(Math.round(netMonthlyCents * 0.03), plannedOutflow - fixed - debtPaymentsCents);
  const obligations = fixed + discretionaryCents + debtPaymentsCents;
  const savingsDrawCents = Math.max(0, obligations - netMonthlyCents);
  let surplus = Math.max(0, netMonthlyCents - obligations);

  const cap = Math.floor(input.transferableCents / MAX_HISTORY_MONTHS);
  const target = nearestLikelyMilestone(input.milestones, input.start);
  let milestoneSavingCents = 0;
  if (target !== undefined) {
    milestoneSavingCents = Math.min(surplus, cap, Math.ceil(target.amountCents / target.monthsAway));
    surplus -= milestoneSavingCents;
  }
  const otherSavingCents = Math.min(surplus, cap - milestoneSavingCents);
  discretionaryCents += surplus - otherSavingCents; // what cannot be saved is spent

  const expenses: MonthlyExpenses = {
    housingCents, utilitiesCents, foodCents, transportationCents, healthcareCents, childcareCents, insuranceCents, discretionaryCents,
    totalCents: fixed + discretionaryCents,
  };
  return {
    expenses,
    cashFlow: { netIncomeCents: netMonthlyCents, expensesCents: expenses.totalCents, debtPaymentsCents, milestoneSavingCents, otherSavingCents, savingsDrawCents },
    savingFor: milestoneSavingCents > 0 && target !== undefined ? target.id : null,
  };
}

function nearestLikelyMilestone(milestones: readonly Milestone[], start: Date): { id: string; amountCents: number; monthsAway: number } | undefined {
  for (const m of milestones) {
    if (m.type === 'retirement' || m.probability < 0.5) continue;
    const days = daysBetween(start, ownIsoToDate(m.date));
    if (days > 3653) continue;
    return { id: m.id, amountCents: m.amountCents, monthsAway: Math.max(1, Math.ceil(days / 30.44)) };
  }
  return undefined;
}
