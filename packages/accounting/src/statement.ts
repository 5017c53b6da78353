/** Balance sheet and income statement as of any date, reconstructed from the transaction log. */
import type { AccountType } from './chart-of-accounts.js';
import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import type { Ledger } from './ledger.js';
import type { Cents } from './money.js';

export interface StatementLine {
  readonly account: string;
  readonly name: string;
  readonly type: AccountType;
  /** Natural-sign balance at the end of the date. */
  readonly balance: Cents;
}

export interface Statement {
  readonly asOf: IsoDate;
  readonly lines: readonly StatementLine[];
  readonly totals: {
    readonly assets: Cents;
    readonly liabilities: Cents;
    readonly equity: Cents;
    readonly income: Cents;
    readonly expenses: Cents;
    /** assets − liabilities. */
    readonly netWorth: Cents;
  };
  /** assets = liabilities + equity + (income − expenses): true for any ledger built through `post`. */
  readonly balanced: boolean;
}

const TOTAL_KEY: Record<AccountType, 'assets' | 'liabilities' | 'equity' | 'income' | 'expenses'> = {
  asset: 'assets', liability: 'liabilities', equity: 'equity', income: 'income', expense: 'expenses',
};

/** Every account's balance at the end of `asOf`, with totals per type and the accounting-equation check. */
export function statementAsOf(ledger: Ledger, asOf: DateInput): Statement {
  const date = toIsoDate(asOf, 'asOf');
  const totals = { assets: 0n, liabilities: 0n, equity: 0n, income: 0n, expenses: 0n };
  const lines = ledger.accounts().map((a) => {
    const balance = ledger.balance(a.id, date);
    totals[TOTAL_KEY[a.type]] += balance;
    return { account: a.id, name: a.name, type: a.type, balance };
  });
  const balanced = totals.assets === totals.liabilities + totals.equity + (totals.income - totals.expenses);
  return { asOf: date, lines, totals: { ...totals, netWorth: totals.assets - totals.liabilities }, balanced };
}

/** Natural-sign balance of one account at the end of `date` (same as `ledger.balance(account, date)`). */
export function balanceAsOf(ledger: Ledger, account: string, date: DateInput): Cents {
  return ledger.balance(account, date);
}
