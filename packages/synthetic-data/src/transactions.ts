/**
 * The checking-account history over the window: every month repeats the person's cash flow (`budget.ts`) on
 * person-specific days. Income lands on the 1st, bills and debt payments on fixed days up to the 28th, transfers
 * to savings on the last day; so the balance never falls below the opening balance and each month closes at it.
 */
import { dayOfMonth, toIsoDate, type WindowMonth } from './dates.js';
import type { BillCategory, CashFlow, Debt, MonthlyExpenses, Transaction, TransactionHistory, TransactionKind } from './model.js';
import type { Rng } from './random.js';
import { sortSmallStable } from './stable-sort.js';

export interface HistoryWindow {
  from: Date;
  to: Date;
  months: readonly WindowMonth[];
}

interface Entry {
  day: number;
  kind: TransactionKind;
  amountCents: number;
  ref: string | null;
}

const BILLS: readonly BillCategory[] = ['housingCents', 'insuranceCents', 'utilitiesCents', 'childcareCents', 'healthcareCents', 'transportationCents', 'foodCents', 'discretionaryCents'];
/** A bill's `ref`: its category without the `Cents` suffix (`housing`). */
const BILL_REFS: readonly string[] = BILLS.map((category) => category.slice(0, -'Cents'.length));
const LAST_DAY = 31; // clamped to the month's length

function monthTemplate(rng: Rng, employed: boolean, expenses: MonthlyExpenses, debts: readonly Debt[], cashFlow: CashFlow, savingFor: string | null): Entry[] {
  const entries: Entry[] = [{ day: 1, kind: employed ? 'salary' : 'retirement-income', amountCents: cashFlow.netIncomeCents, ref: null }];
  if (cashFlow.savingsDrawCents > 0) entries.push({ day: 1, kind: 'savings-draw', amountCents: cashFlow.savingsDrawCents, ref: null });
  const outflows: Entry[] = [];
  for (let i = 0; i < BILLS.length; i++) {
    const category = BILLS[i]!;
    const amount = expenses[category];
    const day = category === 'housingCents' ? 1 : rng.int(2, 28);
    if (amount > 0) outflows.push({ day, kind: 'bill', amountCents: -amount, ref: BILL_REFS[i]! });
  }
  for (const debt of debts) {
    const day = rng.int(1, 28);
    if (debt.minimumPaymentCents > 0) outflows.push({ day, kind: 'debt-payment', amountCents: -debt.minimumPaymentCents, ref: debt.id });
  }
  sortSmallStable(outflows, byDay); // stable: same-day entries keep their order
  for (const e of outflows) entries.push(e);
  if (cashFlow.milestoneSavingCents > 0) entries.push({ day: LAST_DAY, kind: 'milestone-saving', amountCents: -cashFlow.milestoneSavingCents, ref: savingFor });
  if (cashFlow.otherSavingCents > 0) entries.push({ day: LAST_DAY, kind: 'savings-transfer', amountCents: -cashFlow.otherSavingCents, ref: null });
  return entries;
}

function byDay(a: Entry, b: Entry): number {
  return a.day - b.day;
}

export function buildHistory(
  rng: Rng,
  window: HistoryWindow,
  openingBalanceCents: number,
  employed: boolean,
  expenses: MonthlyExpenses,
  debts: readonly Debt[],
  cashFlow: CashFlow,
  savingFor: string | null,
): TransactionHistory {
  const template = monthTemplate(rng, employed, expenses, debts, cashFlow, savingFor);
  const perMonth = template.length;
  // Sized once: the history is the largest part of a subject, and growing it by push copies it several times.
  const transactions = new Array<Transaction>(window.months.length * perMonth);
  let balance = openingBalanceCents;
  let n = 0;
  for (const month of window.months) {
    for (let i = 0; i < perMonth; i++) {
      const e = template[i]!;
      balance += e.amountCents;
      transactions[n++] = { date: dayOfMonth(month, e.day), kind: e.kind, amountCents: e.amountCents, balanceAfterCents: balance, ref: e.ref };
    }
  }
  return { from: toIsoDate(window.from), to: toIsoDate(window.to), openingBalanceCents, transactions };
}
