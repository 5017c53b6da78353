import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT_IDS as A, DuplicateIdError, InvalidAmountError, InvalidDateError, UnbalancedTransactionError, UnknownAccountError,
  createLedger, defaultChartOfAccounts, isAccountingError, normalSide, postOpeningBalances, statementAsOf, balanceAsOf,
} from '../src/index.js';

describe('chart of accounts', () => {
  it('has the original default set over the five types', () => {
    const chart = defaultChartOfAccounts();
    const byType = (t: string) => chart.filter((a) => a.type === t).map((a) => a.name);
    expect(byType('asset')).toEqual(['Checking', 'Savings', 'Stocks', 'Bonds', 'Retirement', 'Real estate']);
    expect(byType('liability')).toEqual(['Mortgage', 'Student loans', 'Credit cards', 'Auto loans']);
    expect(byType('equity')).toEqual(['Net worth']);
    expect(byType('income')).toEqual(['Salary', 'Investment income', 'Other income']);
    expect(byType('expense')).toEqual(['Milestone payments', 'Living expenses', 'Investment expenses']);
    expect(new Set(chart.map((a) => a.id)).size).toBe(chart.length);
  });
  it('uses textbook normal sides', () => {
    expect(['asset', 'expense'].map((t) => normalSide(t as 'asset'))).toEqual(['debit', 'debit']);
    expect(['liability', 'equity', 'income'].map((t) => normalSide(t as 'income'))).toEqual(['credit', 'credit', 'credit']);
  });
});

describe('posting (debit-positive, sum zero)', () => {
  it('a salary deposit debits checking and credits salary: both grow', () => {
    const ledger = createLedger();
    ledger.post({ date: '2024-01-31', description: 'Salary', postings: [{ account: A.checking, amount: 500_000n }, { account: A.salary, amount: -500_000n }] });
    expect(ledger.balance(A.checking)).toBe(500_000n);
    expect(ledger.balance(A.salary)).toBe(500_000n);
  });
  it('charging a card credits the liability (debt grows) and debits the expense', () => {
    const ledger = createLedger();
    ledger.post({ date: '2024-02-01', postings: [{ account: A.livingExpenses, amount: 12_345n }, { account: A.creditCards, amount: -12_345n }] });
    expect(ledger.balance(A.creditCards)).toBe(12_345n);
    expect(ledger.balance(A.livingExpenses)).toBe(12_345n);
  });
  it('refuses unbalanced, one-legged, zero, float and unknown-account postings, naming the field', () => {
    const ledger = createLedger();
    const bad = (postings: { account: string; amount: bigint }[]) => () => ledger.post({ date: '2024-01-01', postings });
    expect(bad([{ account: A.checking, amount: 100n }, { account: A.salary, amount: -99n }])).toThrow(UnbalancedTransactionError);
    expect(bad([{ account: A.checking, amount: 100n }, { account: A.salary, amount: -99n }])).toThrow(/got 1 cents/);
    expect(bad([{ account: A.checking, amount: 0n }])).toThrow(/at least two postings/);
    expect(bad([{ account: A.checking, amount: 0n }, { account: A.salary, amount: 0n }])).toThrow(InvalidAmountError);
    expect(bad([{ account: A.checking, amount: 1.5 as unknown as bigint }, { account: A.salary, amount: -1n }])).toThrow(/postings\[0\]\.amount/);
    expect(bad([{ account: 'assets:nope', amount: 1n }, { account: A.salary, amount: -1n }])).toThrow(UnknownAccountError);
    expect(() => ledger.post({ date: '2024-02-30', postings: [{ account: A.checking, amount: 1n }, { account: A.salary, amount: -1n }] })).toThrow(InvalidDateError);
    expect(ledger.size).toEqual({ transactions: 0, postings: 0 });
  });
  it('generates ids and refuses duplicates', () => {
    const ledger = createLedger();
    const legs = [{ account: A.checking, amount: 1n }, { account: A.salary, amount: -1n }];
    expect(ledger.post({ date: '2024-01-01', postings: legs }).id).toBe('tx-1');
    expect(ledger.post({ id: 'tx-2', date: '2024-01-01', postings: legs }).id).toBe('tx-2');
    expect(ledger.post({ date: '2024-01-01', postings: legs }).id).toBe('tx-3');
    expect(() => ledger.post({ id: 'tx-1', date: '2024-01-01', postings: legs })).toThrow(DuplicateIdError);
  });
  it('accepts Date inputs as their UTC day', () => {
    const ledger = createLedger();
    const tx = ledger.post({ date: new Date(Date.UTC(2024, 5, 30, 23, 59)), postings: [{ account: A.checking, amount: 1n }, { account: A.salary, amount: -1n }] });
    expect(tx.date).toBe('2024-06-30');
  });
});

describe('opening balances and statements as of a date', () => {
  const build = () => {
    const ledger = createLedger({ opening: { date: '2024-01-01', balances: { [A.checking]: 1_000_00n, [A.stocks]: 5_000_00n, [A.studentLoans]: 2_000_00n } } });
    ledger.post({ date: '2024-01-15', description: 'Rent', kind: 'expense', postings: [{ account: A.livingExpenses, amount: 700_00n }, { account: A.checking, amount: -700_00n }] });
    ledger.post({ date: '2024-01-31', description: 'Salary', kind: 'income', postings: [{ account: A.checking, amount: 3_000_00n }, { account: A.salary, amount: -3_000_00n }] });
    // Back-dated: entered last, dated before the salary.
    ledger.post({ date: '2024-01-10', description: 'Groceries', kind: 'expense', postings: [{ account: A.livingExpenses, amount: 50_00n }, { account: A.checking, amount: -50_00n }] });
    return ledger;
  };
  it('opening balances land on the equity account as net worth', () => {
    const ledger = build();
    expect(ledger.balance(A.netWorth, '2024-01-01')).toBe(4_000_00n);
    expect(statementAsOf(ledger, '2024-01-01').totals.netWorth).toBe(4_000_00n);
  });
  it('reconstructs every day from the postings, back-dated entries included', () => {
    const ledger = build();
    expect(balanceAsOf(ledger, A.checking, '2023-12-31')).toBe(0n);
    expect(balanceAsOf(ledger, A.checking, '2024-01-01')).toBe(1_000_00n);
    expect(balanceAsOf(ledger, A.checking, '2024-01-10')).toBe(950_00n);
    expect(balanceAsOf(ledger, A.checking, '2024-01-20')).toBe(250_00n);
    expect(balanceAsOf(ledger, A.checking, '2024-01-31')).toBe(3_250_00n);
    const s = statementAsOf(ledger, '2024-01-20');
    expect(s.totals).toEqual({ assets: 5_250_00n, liabilities: 2_000_00n, equity: 4_000_00n, income: 0n, expenses: 750_00n, netWorth: 3_250_00n });
    expect(s.balanced).toBe(true);
    expect(s.lines.find((l) => l.account === A.livingExpenses)?.balance).toBe(750_00n);
  });
  it('filters history by account, dates, kind and text, in date order', () => {
    const ledger = build();
    expect(ledger.transactions({ account: A.checking }).map((t) => t.description)).toEqual(['Opening balances', 'Groceries', 'Rent', 'Salary']);
    expect(ledger.transactions({ from: '2024-01-10', to: '2024-01-15' }).map((t) => t.description)).toEqual(['Groceries', 'Rent']);
    expect(ledger.transactions({ kind: 'expense', text: 'RENT' }).map((t) => t.description)).toEqual(['Rent']);
    expect(() => ledger.transactions({ account: 'assets:nope' })).toThrow(/filter\.account/);
  });
  it('skips zero opening balances and refuses unknown accounts', () => {
    const ledger = createLedger();
    expect(postOpeningBalances(ledger, { date: '2024-01-01', balances: { [A.checking]: 0n } })).toBeUndefined();
    try {
      postOpeningBalances(ledger, { date: '2024-01-01', balances: { 'assets:yacht': 1n } });
      expect.unreachable();
    } catch (e) {
      expect(isAccountingError(e) && e.code).toBe('UNKNOWN_ACCOUNT');
      expect((e as Error).message).toContain('assets:yacht');
    }
  });
});
