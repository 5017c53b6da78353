// Ledger invariants over random transaction logs (seeded): postings sum to zero; the accounting equation holds
// at every date; replaying the exported log reproduces every balance; "as of" equals a direct recomputation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLedger, defaultChartOfAccounts, ledgerFromDocument, ledgerToDocument, statementAsOf, type TransactionInput } from '../src/index.js';

const ACCOUNTS = defaultChartOfAccounts().map((a) => a.id);
const day = fc.integer({ min: 1, max: 60 }).map((d) => new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10));

/** A random balanced transaction: random non-zero legs plus a closing leg (skipped when they already cancel: then there are ≥ 2). */
const transaction = fc.record({
  date: day,
  legs: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), amount: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((x) => x !== 0n) }), { minLength: 1, maxLength: 5 }),
  closing: fc.constantFrom(...ACCOUNTS),
}).map(({ date, legs, closing }): TransactionInput => {
  const sum = legs.reduce((s, l) => s + l.amount, 0n);
  const postings = sum === 0n ? legs : [...legs, { account: closing, amount: -sum }];
  return { date, postings };
});

const logs = fc.array(transaction, { minLength: 1, maxLength: 40 });

function dates(log: readonly TransactionInput[]): string[] {
  return [...new Set(log.map((t) => t.date as string))].sort();
}

describe('ledger invariants (property)', () => {
  it('every stored transaction sums to zero, and the whole ledger does', () => {
    fc.assert(fc.property(logs, (log) => {
      const ledger = createLedger();
      log.forEach((t) => ledger.post(t));
      for (const t of ledger.log()) expect(t.postings.reduce((s, p) => s + p.amount, 0n)).toBe(0n);
      const sign = (type: string) => (type === 'asset' || type === 'expense' ? 1n : -1n);
      expect(ledger.accounts().reduce((s, a) => s + sign(a.type) * ledger.balance(a.id), 0n)).toBe(0n);
    }), { seed: 1, numRuns: 200 });
  });

  it('assets = liabilities + equity + (income − expenses) at every date', () => {
    fc.assert(fc.property(logs, (log) => {
      const ledger = createLedger();
      log.forEach((t) => ledger.post(t));
      for (const d of ['2023-12-31', ...dates(log)]) {
        const { totals, balanced } = statementAsOf(ledger, d);
        expect(totals.assets).toBe(totals.liabilities + totals.equity + totals.income - totals.expenses);
        expect(balanced).toBe(true);
      }
    }), { seed: 2, numRuns: 200 });
  });

  it('"as of" balances equal a direct sum over postings dated on or before the day', () => {
    fc.assert(fc.property(logs, (log) => {
      const ledger = createLedger();
      log.forEach((t) => ledger.post(t));
      const types = new Map(defaultChartOfAccounts().map((a) => [a.id, a.type]));
      for (const d of dates(log)) {
        for (const account of ACCOUNTS) {
          let raw = 0n;
          for (const t of log) if ((t.date as string) <= d) for (const p of t.postings) if (p.account === account) raw += p.amount;
          const debitNormal = types.get(account) === 'asset' || types.get(account) === 'expense';
          expect(ledger.balance(account, d)).toBe(debitNormal ? raw : -raw);
        }
      }
    }), { seed: 3, numRuns: 150 });
  });

  it('replaying the exported log reproduces every balance at every date', () => {
    fc.assert(fc.property(logs, (log) => {
      const ledger = createLedger();
      log.forEach((t) => ledger.post(t));
      const replayed = ledgerFromDocument(JSON.parse(JSON.stringify(ledgerToDocument(ledger))));
      for (const d of dates(log)) expect(statementAsOf(replayed, d)).toEqual(statementAsOf(ledger, d));
      expect(replayed.log()).toEqual(ledger.log());
    }), { seed: 4, numRuns: 150 });
  });
});
