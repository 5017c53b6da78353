/**
 * The subject's ledger: @omega/stochastic-mesh's `ledgerFromPerson` (the same accounts the recommendation engine
 * uses, one liability account per debt), then the profile's net cash flow posted on each plan month's date
 * (asOf, asOf + 1 month, …: the month's pay cycle, as the engine applies it), so a payment in month k is checked
 * against the money that will be there — and, since a minimum balance is enforced at every later date, against
 * every later month too.
 */
import { DEFAULT_ACCOUNT_IDS as A, type Ledger } from '@omega/accounting';
import { ledgerFromPerson } from '@omega/stochastic-mesh';
import type { Person } from '@omega/synthetic-data';
import { addDays, addMonthsToDay } from './dates.js';

export interface PlanLedger {
  ledger: Ledger;
  /** The plan's month dates, ascending. */
  monthDates: string[];
  /** Checking + savings at asOf, before the first month's cash flow (cents). */
  openingLiquid: bigint;
  /** One month of living expenses and required debt payments (cents). */
  monthlyNeed: bigint;
}

export function ledgerFromProfile(person: Person, asOf: string, months: number): PlanLedger {
  // Retirement money needs an approval to leave (early-withdrawal rules); no asset account may be overdrawn.
  const ledger = ledgerFromPerson(person, { asOf, constraints: { [A.retirement]: { approvalRequired: true } } });
  const cf = person.cashFlow;
  const net = BigInt(Math.round(cf.netIncomeCents - cf.expensesCents - cf.debtPaymentsCents));
  const monthDates = Array.from({ length: months }, (_, m) => addMonthsToDay(asOf, m));
  for (const [m, date] of monthDates.entries()) {
    if (net === 0n) continue;
    // A shortfall is drawn from savings (as in the subject's own history); a surplus lands in checking.
    const postings = net > 0n
      ? [{ account: A.checking, amount: net }, { account: A.salary, amount: -net }]
      : [{ account: A.livingExpenses, amount: -net }, { account: A.savings, amount: net }];
    ledger.post({ date, description: `Net cash flow, month ${m}`, postings });
  }
  return {
    ledger, monthDates, openingLiquid: BigInt(person.assets.checkingCents + person.assets.savingsCents),
    monthlyNeed: BigInt(Math.round(cf.expensesCents + cf.debtPaymentsCents)),
  };
}

export function liquidAt(plan: PlanLedger, date: string): bigint {
  return plan.ledger.balance(A.checking, date) + plan.ledger.balance(A.savings, date);
}

/**
 * The liquidity floor on `date`: one month of expenses and required debt payments, or — when less — the liquid
 * cash held when that plan month began, before its cash flow and actions (the engine's definition).
 */
export function liquidityFloorAt(plan: PlanLedger, date: string): bigint {
  let month = plan.monthDates[0];
  for (const d of plan.monthDates) if (d <= date) month = d;
  const before = month === undefined || month === plan.monthDates[0] ? plan.openingLiquid : liquidAt(plan, addDays(month, -1));
  const floor = before < plan.monthlyNeed ? before : plan.monthlyNeed;
  return floor > 0n ? floor : 0n;
}
