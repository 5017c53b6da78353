import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_IDS as A, createLedger, reconcile, type Ledger, type StatementEntry } from '../src/index.js';
import { seededRandom } from './seeded-random.js';

const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A checking account with `n` seeded transactions over ~2 months, and the statement the bank would print for it. */
function fixture(seed: number, n: number): { ledger: Ledger; statement: StatementEntry[] } {
  const rand = seededRandom(seed);
  const ledger = createLedger({ opening: { date: '2024-01-01', balances: { [A.checking]: 10_000_00n } } });
  const statement: StatementEntry[] = [];
  const payees = ['Grocer', 'Electric Co', 'Water Utility', 'Coffee Shop', 'Bookstore', 'Gym', 'Pharmacy', 'Hardware'];
  for (let i = 0; i < n; i++) {
    const date = addDays('2024-01-02', Math.floor(rand() * 58));
    const deposit = rand() < 0.2;
    const amount = BigInt(100 + Math.floor(rand() * 5_000_000));
    const payee = payees[Math.floor(rand() * payees.length)]!;
    const other = deposit ? A.salary : A.livingExpenses;
    ledger.post({ date, description: `${payee} #${i}`, postings: [{ account: A.checking, amount: deposit ? amount : -amount }, { account: other, amount: deposit ? -amount : amount }] });
    statement.push({ date: addDays(date, Math.floor(rand() * 3)), amount: deposit ? amount : -amount, description: `POS ${payee.toUpperCase()} ${i}` });
  }
  return { ledger, statement: statement.map((e, i) => ({ ...e, line: i + 2 })) };
}

describe('reconcile', () => {
  it('matches a clean statement completely, within the date window', () => {
    const { ledger, statement } = fixture(21, 150);
    const r = reconcile(ledger, A.checking, statement, { from: '2024-01-02', to: '2024-03-10' });
    expect(r.matched).toHaveLength(150);
    expect(r.unmatchedStatement).toEqual([]);
    expect(r.unmatchedLedger).toEqual([]);
    expect(r.difference).toMatchObject({ difference: 0n, explained: true });
    for (const m of r.matched) {
      expect(m.statement.amount).toBe(m.ledger.amount);
      expect(Math.abs(m.dateOffsetDays)).toBeLessThanOrEqual(3);
    }
  });

  it('finds and explains planted mismatches: missing, duplicated, off by one cent, shifted dates', () => {
    const { ledger, statement } = fixture(42, 200);
    const s = statement.map((e) => ({ ...e }));
    const dropped = s.splice(10, 1)[0]!;                               // missing from the statement
    const fee: StatementEntry = { date: '2024-02-15', amount: -1_234n, description: 'MONTHLY FEE', line: 999 };
    s.push(fee);                                                       // missing from the ledger
    const duplicate = { ...s[20]!, line: 1000 };
    s.push(duplicate);                                                 // duplicated line
    s[30] = { ...s[30]!, amount: s[30]!.amount + 1n };                 // off by one cent
    s[40] = { ...s[40]!, date: addDays(s[40]!.date, 7) };              // shifted beyond the window

    const r = reconcile(ledger, A.checking, s, { from: '2024-01-02', to: '2024-03-10', dateWindowDays: 3 });
    expect(r.matched).toHaveLength(200 - 3);

    expect(r.unmatchedStatement.filter((u) => u.explanation === 'not-in-ledger').map((u) => u.entry)).toEqual([fee]);
    const dup = r.unmatchedStatement.filter((u) => u.explanation === 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ entry: duplicate, duplicateOf: s[20] });
    expect(r.unmatchedLedger.filter((u) => u.explanation === 'not-on-statement').map((u) => u.item.amount)).toEqual([dropped.amount]);
    expect(r.unmatchedStatement.filter((u) => u.explanation === 'suggested')).toHaveLength(2);
    expect(r.unmatchedLedger.filter((u) => u.explanation === 'suggested')).toHaveLength(2);

    expect(r.suggestions).toHaveLength(2);
    const offByCent = r.suggestions.find((x) => x.reasons.includes('amount-differs'))!;
    expect(offByCent).toMatchObject({ statement: s[30], amountDifference: 1n, reasons: ['amount-differs'] });
    expect(offByCent.message).toContain('$0.01');
    const shifted = r.suggestions.find((x) => x.reasons.includes('date-outside-window'))!;
    expect(shifted.statement).toEqual(s[40]);
    expect(shifted.amountDifference).toBe(0n);
    expect(Math.abs(shifted.dateOffsetDays)).toBeGreaterThan(3);

    const d = r.difference;
    expect(d.difference).toBe(fee.amount + duplicate.amount + 1n - dropped.amount);
    expect(d).toMatchObject({ fromAmountDifferences: 1n, fromStatementOnly: fee.amount + duplicate.amount, fromLedgerOnly: -dropped.amount, explained: true });
  });

  it('prefers the same day, then the more similar description, between equal amounts', () => {
    const ledger = createLedger({ opening: { date: '2024-01-01', balances: { [A.checking]: 1_000_00n } } });
    const spend = (date: string, description: string) => ledger.post({ date, description, postings: [{ account: A.livingExpenses, amount: 50_00n }, { account: A.checking, amount: -50_00n }] });
    const gym = spend('2024-01-10', 'Gym membership');
    const phone = spend('2024-01-10', 'Phone bill');
    const later = spend('2024-01-11', 'Phone bill');
    const r = reconcile(ledger, A.checking, [
      { date: '2024-01-11', amount: -50_00n, description: 'PHONE BILL' },
      { date: '2024-01-10', amount: -50_00n, description: 'PHONE CO BILL' },
      { date: '2024-01-10', amount: -50_00n, description: 'GYM MEMBERSHIP' },
    ]);
    const pairs = new Map(r.matched.map((m) => [m.statement.description, m.ledger.transactionId]));
    expect(pairs).toEqual(new Map([['PHONE BILL', later.id], ['PHONE CO BILL', phone.id], ['GYM MEMBERSHIP', gym.id]]));
  });

  it('honours minSimilarity and compares the closing balance', () => {
    const ledger = createLedger({ opening: { date: '2024-01-01', balances: { [A.checking]: 100_00n } } });
    ledger.post({ date: '2024-01-05', description: 'Coffee', postings: [{ account: A.livingExpenses, amount: 3_00n }, { account: A.checking, amount: -3_00n }] });
    const stmt = [{ date: '2024-01-05', amount: -3_00n, description: 'ZZZ' }];
    expect(reconcile(ledger, A.checking, stmt, { from: '2024-01-02', minSimilarity: 0.5 }).matched).toHaveLength(0);
    const r = reconcile(ledger, A.checking, stmt, { from: '2024-01-02', statementClosingBalance: 96_99n });
    expect(r.matched).toHaveLength(1);
    expect(r.closing).toEqual({ statement: 96_99n, ledger: 97_00n, difference: -1n });
  });

  it('refuses bad input, naming the field', () => {
    const ledger = createLedger();
    expect(() => reconcile(ledger, 'assets:nope', [])).toThrow(/unknown account/);
    expect(() => reconcile(ledger, A.checking, [])).toThrow(/options\.from/);
    expect(() => reconcile(ledger, A.checking, [{ date: '2024-01-01', amount: 1 as unknown as bigint, description: '' }])).toThrow(/statement\[0\]\.amount/);
    expect(() => reconcile(ledger, A.checking, [], { from: '2024-02-01', to: '2024-01-01' })).toThrow(/starts after it ends/);
  });
});
