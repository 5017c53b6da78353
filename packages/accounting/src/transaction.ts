/** Transactions and postings: the checked shape of every entry in the log. */
import { InvalidAmountError, InvalidArgumentError, UnbalancedTransactionError } from './errors.js';
import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import type { Cents } from './money.js';

/** One leg of a transaction. Signed debit-positive: +amount debits the account, −amount credits it. */
export interface Posting {
  readonly account: string;
  readonly amount: Cents;
  readonly memo?: string;
}

export interface Transaction {
  readonly id: string;
  /** Position in the log (0-based insertion order); breaks ties between transactions on the same date. */
  readonly seq: number;
  readonly date: IsoDate;
  readonly description: string;
  /** Free label; 'payment' marks payments (they count toward daily/monthly limits), 'opening' opening balances. */
  readonly kind: string;
  readonly postings: readonly Posting[];
  readonly meta: Readonly<Record<string, string>>;
}

export interface PostingInput {
  account: string;
  amount: Cents;
  memo?: string;
}

export interface TransactionInput {
  /** Optional; generated (`tx-1`, `tx-2`, …) when absent. Must be unique in the ledger. */
  id?: string;
  date: DateInput;
  description?: string;
  kind?: string;
  postings: readonly PostingInput[];
  meta?: Readonly<Record<string, string>>;
}

/**
 * Check everything about a transaction that does not need the ledger: date, at least two postings, integer-cent
 * non-zero amounts, and postings that sum to exactly zero. Account existence is checked by the ledger.
 */
export function checkTransactionShape(input: TransactionInput): { date: IsoDate; postings: Posting[] } {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('transaction must be an object', { field: 'transaction', received: String(input) });
  const date = toIsoDate(input.date, 'date');
  if (!Array.isArray(input.postings) || input.postings.length < 2) {
    throw new UnbalancedTransactionError('a transaction needs at least two postings', { field: 'postings', expected: '≥ 2 postings', received: Array.isArray(input.postings) ? String(input.postings.length) : typeof input.postings });
  }
  let sum = 0n;
  const postings: Posting[] = new Array(input.postings.length);
  for (let i = 0; i < postings.length; i++) {
    const p = input.postings[i]!;
    if (typeof p !== 'object' || p === null || typeof p.account !== 'string') {
      throw new InvalidArgumentError('posting needs an account id', { field: `postings[${i}].account`, received: typeof p === 'object' && p !== null ? typeof p.account : String(p) });
    }
    if (typeof p.amount !== 'bigint') throw new InvalidAmountError('posting amount must be integer cents (bigint)', { field: `postings[${i}].amount`, received: typeof p.amount });
    if (p.amount === 0n) throw new InvalidAmountError('posting amount must not be zero', { field: `postings[${i}].amount`, received: '0' });
    sum += p.amount;
    postings[i] = p.memo === undefined ? { account: p.account, amount: p.amount } : { account: p.account, amount: p.amount, memo: String(p.memo) };
  }
  if (sum !== 0n) {
    throw new UnbalancedTransactionError('postings must sum to zero', { field: 'postings', expected: '0', received: `${sum} cents` });
  }
  return { date, postings };
}
