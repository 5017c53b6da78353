/** Balance assertions in the beancount/hledger sense: "this account held exactly X on this date". */
import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import { InvalidAmountError } from './errors.js';
import type { Ledger } from './ledger.js';
import { formatCents, type Cents } from './money.js';

export interface BalanceAssertion {
  account: string;
  date: DateInput;
  /** Natural-sign balance at the end of `date` (all postings dated ≤ date). Beancount checks at the start of the day instead. */
  expected: Cents;
}

export interface AssertionResult {
  readonly account: string;
  readonly date: IsoDate;
  readonly expected: Cents;
  readonly actual: Cents;
  /** actual − expected. */
  readonly difference: Cents;
  readonly ok: boolean;
  /** Human-readable outcome, e.g. "assets:checking on 2024-01-31: expected $100.00, found $99.99 (off by -$0.01)". */
  readonly message: string;
}

/** Check each assertion against balances reconstructed from the postings; every failure is reported, none thrown. */
export function checkBalanceAssertions(ledger: Ledger, assertions: readonly BalanceAssertion[]): AssertionResult[] {
  return assertions.map((a, i) => {
    const field = `assertions[${i}]`;
    ledger.account(a.account, `${field}.account`);
    const date = toIsoDate(a.date, `${field}.date`);
    if (typeof a.expected !== 'bigint') throw new InvalidAmountError('expected balance must be integer cents (bigint)', { field: `${field}.expected`, received: typeof a.expected });
    const actual = ledger.balance(a.account, date);
    const difference = actual - a.expected;
    const ok = difference === 0n;
    const head = `${a.account} on ${date}: expected $${formatCents(a.expected)}`;
    const message = ok ? `${head}, found it` : `${head}, found $${formatCents(actual)} (off by ${difference < 0n ? '-' : '+'}$${formatCents(difference < 0n ? -difference : difference)})`;
    return { account: a.account, date, expected: a.expected, actual, difference, ok, message };
  });
}
