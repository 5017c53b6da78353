/** Building a ledger: chart of accounts, constraints and opening balances from plain (structural) input. */
import type { AccountConstraints } from './account-constraints.js';
import { DEFAULT_ACCOUNT_IDS, defaultChartOfAccounts, normalSide, type AccountType } from './chart-of-accounts.js';
import type { DateInput } from './dates.js';
import { InvalidAmountError } from './errors.js';
import { Ledger } from './ledger.js';
import type { Cents } from './money.js';
import type { Transaction } from './transaction.js';

export interface OpeningBalances {
  date: DateInput;
  /** Natural-sign balances by account id: assets as held, liabilities as owed (both positive normally). */
  balances: Readonly<Record<string, Cents>>;
  /** The equity account that takes the difference (default `equity:net-worth`). */
  equityAccount?: string;
}

export interface CreateLedgerOptions {
  /** The chart of accounts (default: `defaultChartOfAccounts()`). */
  accounts?: readonly { id: string; name?: string; type: AccountType }[];
  /** Constraints by account id. */
  constraints?: Readonly<Record<string, AccountConstraints>>;
  opening?: OpeningBalances;
}

/** A new ledger. With `opening`, one 'opening' transaction is posted against the equity account. */
export function createLedger(options: CreateLedgerOptions = {}): Ledger {
  const ledger = new Ledger([]);
  (options.accounts ?? defaultChartOfAccounts()).forEach((a, i) => ledger.addAccount(a, `accounts[${i}]`));
  for (const [id, c] of Object.entries(options.constraints ?? {})) ledger.setConstraints(id, c);
  if (options.opening !== undefined) postOpeningBalances(ledger, options.opening);
  return ledger;
}

/**
 * Post opening balances as one transaction: each account is debited or credited so that its natural balance
 * becomes the given amount, and the equity account takes the sum (= net worth). Zero balances are skipped.
 * Returns undefined when every balance is zero.
 */
export function postOpeningBalances(ledger: Ledger, opening: OpeningBalances): Transaction | undefined {
  const equity = opening.equityAccount ?? DEFAULT_ACCOUNT_IDS.netWorth;
  ledger.account(equity, 'opening.equityAccount');
  const postings: { account: string; amount: Cents }[] = [];
  let sum = 0n;
  for (const [id, value] of Object.entries(opening.balances)) {
    const field = `opening.balances[${JSON.stringify(id)}]`;
    if (typeof value !== 'bigint') throw new InvalidAmountError('opening balance must be integer cents (bigint)', { field, received: typeof value });
    const raw = normalSide(ledger.account(id, field).type) === 'debit' ? value : -value;
    if (raw === 0n) continue;
    postings.push({ account: id, amount: raw });
    sum += raw;
  }
  if (postings.length === 0) return undefined;
  if (sum !== 0n) postings.push({ account: equity, amount: -sum });
  return ledger.post({ date: opening.date, description: 'Opening balances', kind: 'opening', postings });
}
