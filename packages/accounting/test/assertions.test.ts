import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_IDS as A, checkBalanceAssertions, createLedger } from '../src/index.js';

describe('balance assertions', () => {
  const ledger = createLedger({ opening: { date: '2024-01-01', balances: { [A.checking]: 100_00n, [A.mortgage]: 250_000_00n } } });
  ledger.post({ date: '2024-01-05', postings: [{ account: A.livingExpenses, amount: 1n }, { account: A.checking, amount: -1n }] });

  it('passes when the reconstructed balance at the end of the day matches', () => {
    const [r] = checkBalanceAssertions(ledger, [{ account: A.checking, date: '2024-01-04', expected: 100_00n }]);
    expect(r).toMatchObject({ ok: true, actual: 100_00n, difference: 0n });
  });
  it('reports every failure with the difference, never throwing for a mismatch', () => {
    const results = checkBalanceAssertions(ledger, [
      { account: A.checking, date: '2024-01-05', expected: 100_00n },
      { account: A.mortgage, date: '2024-01-05', expected: 250_000_00n },
      { account: A.checking, date: '2023-12-31', expected: 1n },
    ]);
    expect(results.map((r) => [r.ok, r.difference])).toEqual([[false, -1n], [true, 0n], [false, -1n]]);
    expect(results[0]!.message).toBe('assets:checking on 2024-01-05: expected $100.00, found $99.99 (off by -$0.01)');
  });
  it('refuses malformed assertions, naming the field', () => {
    expect(() => checkBalanceAssertions(ledger, [{ account: 'assets:nope', date: '2024-01-01', expected: 0n }])).toThrow(/assertions\[0\]\.account/);
    expect(() => checkBalanceAssertions(ledger, [{ account: A.checking, date: '2024-01-01', expected: 5 as unknown as bigint }])).toThrow(/assertions\[0\]\.expected/);
  });
});
