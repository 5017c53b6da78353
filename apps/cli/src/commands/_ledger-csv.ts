/** A ledger as CSV: one account as a bank-statement CSV (readable back by parseStatementCsv), or the whole journal. */
import { formatCents, normalSide, type Ledger } from '@omega/accounting';
import { toCsv } from './_csv.js';

/** date, description, amount — the account's postings in its natural sign, up to `to` (inclusive). */
export function accountStatementCsv(ledger: Ledger, account: string, to?: string): string {
  const sign = normalSide(ledger.account(account, '--account').type) === 'debit' ? 1n : -1n;
  const rows = ledger.transactions({ account, ...(to === undefined ? {} : { to }) }).map((t) => {
    const amount = t.postings.filter((p) => p.account === account).reduce((s, p) => s + p.amount, 0n) * sign;
    return [t.date, t.description, formatCents(amount)];
  });
  return toCsv(['date', 'description', 'amount'], rows);
}

/** date, transaction, description, kind, account, amount — every posting, debit-positive. */
export function journalCsv(ledger: Ledger, to?: string): string {
  const rows = ledger.transactions(to === undefined ? {} : { to }).flatMap((t) => t.postings.map((p) => [t.date, t.id, t.description, t.kind, p.account, formatCents(p.amount)]));
  return toCsv(['date', 'transaction', 'description', 'kind', 'account', 'amount'], rows);
}
