/**
 * A ledger from a synthetic subject *with its checking history*. The opening is @omega/stochastic-mesh's
 * `ledgerFromPerson` (default chart + one liability account per debt); what this module adds is the history,
 * which that adapter does not post (a candidate to move into the package).
 *
 * The subject's balance sheet describes the end of its history window, so the opening balances are worked
 * *backwards* to the window's first day and the checking history is replayed on top: at the end of the window
 * every account equals the subject's balance sheet exactly (checking, savings, investments, each debt).
 * - Debt payments are split into interest and principal by running the amortisation backwards at the debt's
 *   monthly rate (rate/12), cents rounded half-up; the interest goes to `expenses:interest`.
 * - Savings transfers and draws move money between checking and `assets:savings`; if the window's net transfers
 *   exceed today's savings, the difference is taken from investments (`assets:stocks`) at the opening.
 */
import { DEFAULT_ACCOUNT_IDS as A, type AccountConstraints, type Cents, type Ledger, type PostingInput } from '@omega/accounting';
import { debtAccountId, ledgerFromPerson } from '@omega/stochastic-mesh';
import type { Debt, Person, Transaction as HistoryTransaction } from '@omega/synthetic-data';
import { CliFailure } from '../errors.js';

export const INTEREST_ACCOUNT = 'expenses:interest';

export interface PersonLedgerOptions {
  /** Opening day when the subject has no history (otherwise the window's first day is used). */
  asOf: string;
  /** Constraints on payments out of checking (e.g. a minimum balance). */
  checkingConstraints?: AccountConstraints;
}

/** Round a / b half-up for non-negative bigints. */
function divRound(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** Run a debt's amortisation backwards from today's balance over its payments in the window. */
function splitDebt(debt: Debt, payments: readonly Cents[]): { opening: Cents; interest: Cents[] } {
  const bp = BigInt(Math.round(debt.annualRate * 10_000));
  const interest: Cents[] = new Array<Cents>(payments.length);
  let after = BigInt(debt.balanceCents);
  for (let k = payments.length - 1; k >= 0; k--) {
    const pay = payments[k]!;
    const before = divRound((after + pay) * 120_000n, 120_000n + bp);
    interest[k] = after - before + pay; // after = before + interest − pay
    after = before;
  }
  return { opening: after, interest };
}

function savingsFlow(t: HistoryTransaction): Cents {
  if (t.kind === 'milestone-saving' || t.kind === 'savings-transfer' || t.kind === 'savings-draw') return BigInt(-t.amountCents);
  return 0n;
}

function historyPostings(t: HistoryTransaction, person: Person, interest: Cents | undefined): { description: string; postings: PostingInput[] } {
  const amount = BigInt(t.amountCents);
  switch (t.kind) {
    case 'salary':
      return { description: 'Salary', postings: [{ account: A.checking, amount }, { account: A.salary, amount: -amount }] };
    case 'retirement-income':
      return { description: 'Retirement income', postings: [{ account: A.checking, amount }, { account: A.otherIncome, amount: -amount }] };
    case 'bill':
      return { description: `Bill: ${t.ref ?? 'other'}`, postings: [{ account: A.livingExpenses, amount: -amount }, { account: A.checking, amount }] };
    case 'milestone-saving':
    case 'savings-transfer':
      return { description: t.kind === 'milestone-saving' ? `Saving for ${t.ref ?? 'a milestone'}` : 'Transfer to savings', postings: [{ account: A.savings, amount: -amount }, { account: A.checking, amount }] };
    case 'savings-draw':
      return { description: 'Draw from savings', postings: [{ account: A.checking, amount }, { account: A.savings, amount: -amount }] };
    case 'debt-payment': {
      const debt = person.debts.find((d) => d.id === t.ref);
      if (debt === undefined || interest === undefined) throw new CliFailure(`history payment on ${t.date} names debt ${JSON.stringify(t.ref)}, which subject ${person.id} does not have`);
      const pay = -amount;
      const legs: PostingInput[] = [{ account: A.checking, amount }];
      if (interest !== 0n) legs.push({ account: INTEREST_ACCOUNT, amount: interest });
      if (pay - interest !== 0n) legs.push({ account: debtAccountId(debt), amount: pay - interest });
      return { description: `Payment on ${debt.id} (${debt.kind})`, postings: legs };
    }
  }
}

/** The subject's accounts opened on the first day of its history (or `asOf`) and its checking history replayed. */
export function ledgerWithHistory(person: Person, options: PersonLedgerOptions): Ledger {
  const history = person.history?.transactions ?? [];
  const payments = new Map<string, Cents[]>(person.debts.map((d) => [d.id, []]));
  for (const t of history) if (t.kind === 'debt-payment' && t.ref !== null) payments.get(t.ref)?.push(BigInt(-t.amountCents));
  const splits = new Map(person.debts.map((d) => [d.id, splitDebt(d, payments.get(d.id) ?? [])]));

  let savings = BigInt(person.assets.savingsCents) - history.reduce((s, t) => s + savingsFlow(t), 0n);
  let stocks = BigInt(person.assets.investmentsCents);
  if (savings < 0n) {
    stocks += savings;
    savings = 0n;
  }
  // The subject as it stood on the window's first day (only the fields the opening reads change).
  const atOpening: Person = {
    ...person,
    assets: {
      ...person.assets,
      checkingCents: person.history?.openingBalanceCents ?? person.assets.checkingCents,
      savingsCents: Number(savings),
      investmentsCents: Number(stocks),
    },
    debts: person.debts.map((d) => ({ ...d, balanceCents: Number(splits.get(d.id)!.opening) })),
  };
  const ledger = ledgerFromPerson(atOpening, {
    asOf: person.history?.from ?? options.asOf,
    ...(options.checkingConstraints ? { constraints: { [A.checking]: options.checkingConstraints } } : {}),
  });
  ledger.addAccount({ id: INTEREST_ACCOUNT, name: 'Interest', type: 'expense' });
  const paid = new Map<string, number>();
  for (const t of history) {
    let interest: Cents | undefined;
    if (t.kind === 'debt-payment' && t.ref !== null) {
      const k = paid.get(t.ref) ?? 0;
      paid.set(t.ref, k + 1);
      interest = splits.get(t.ref)?.interest[k];
    }
    const { description, postings } = historyPostings(t, person, interest);
    ledger.post({ date: t.date, description, kind: 'history', postings, meta: { source: t.kind, ...(t.ref === null ? {} : { ref: t.ref }) } });
  }
  return ledger;
}
