import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_IDS as A, statementAsOf, validatePayment } from '@omega/accounting';
import { generateSubject, type Person } from '@omega/synthetic-data';
import {
  InvalidArgumentError, PlanningMesh, amortizeDebt, debtAccountId, ledgerFromPerson, paymentCapacityFromLedger, personMarket, planningInputFromPerson,
} from '../src/index.js';

const START = '2025-07-01';
const person = (index: number): Person => generateSubject({ seed: 11, index, start: START, historyMonths: 0 });
/** A subject with at least one debt and one milestone. */
const withDebt = (): Person => {
  for (let i = 0; ; i++) {
    const p = person(i);
    if (p.debts.length > 0 && p.milestones.length > 0) return p;
  }
};

describe('amortizeDebt', () => {
  it('pays off to exactly zero and scales linearly', () => {
    const s = amortizeDebt({ balanceCents: 100_000, annualRate: 0.24, minimumPaymentCents: 10_000 }, 24);
    expect(s.payoffMonth).toBe(12);
    expect(s.balances[12]).toBe(0);
    expect(s.balances[11]!).toBeGreaterThan(0);
    expect(s.balances.slice(13).every((b) => b === 0)).toBe(true);
    // Month 1: interest 2 % of 1000 $, then 100 $ paid.
    expect(s.balances[1]).toBeCloseTo(100_000 * 1.02 - 10_000, 9);
    const scaled = amortizeDebt({ balanceCents: 10_000_000, annualRate: 0.24, minimumPaymentCents: 1_000_000 }, 24);
    expect(scaled.payoffMonth).toBe(12);
    scaled.balances.forEach((b, k) => expect(b).toBeCloseTo(100 * s.balances[k]!, 4));
  });

  it('reports a debt whose payment does not cover interest as never paid off', () => {
    const s = amortizeDebt({ balanceCents: 100_000, annualRate: 0.24, minimumPaymentCents: 1_000 }, 12);
    expect(s.payoffMonth).toBeNull();
    expect(s.balances[12]!).toBeGreaterThan(100_000);
  });

  it('rejects a negative balance naming the field', () => {
    expect(() => amortizeDebt({ balanceCents: -1, annualRate: 0.1, minimumPaymentCents: 1 }, 3, 'debts[2]')).toThrow(/debts\[2\]\.balanceCents/);
  });
});

describe('planningInputFromPerson', () => {
  it('maps wealth, monthly flows and milestones inside the horizon', () => {
    const p = withDebt();
    const input = planningInputFromPerson(p, { asOf: START, seed: 3, horizonYears: 40 });
    const a = p.assets;
    expect(input.initialWealth).toBeCloseTo((a.checkingCents + a.savingsCents + a.investmentsCents + a.retirementCents) / 100, 9);
    expect(input.clock.now().toISOString()).toBe('2025-07-01T00:00:00.000Z');
    const ids = (input.flows ?? []).map((f) => f.id);
    expect(ids).toContain('income');
    expect(ids).toContain('living-expenses');
    for (const d of p.debts) if (d.balanceCents > 0) expect(ids).toContain(`debt:${d.id}`);
    const inHorizon = p.milestones.filter((m) => m.date > START && m.date <= '2065-07-01').map((m) => m.id);
    expect((input.milestones ?? []).map((m) => m.id)).toEqual(inHorizon);
    expect(input.market).toEqual(personMarket(p));
  });

  it('drives a mesh whose first step is exactly the month of cash flow (σ → 0)', () => {
    const p = withDebt();
    const input = planningInputFromPerson(p, { asOf: START, seed: 3, horizonYears: 1, paths: 4, unit: 'cents', market: { mu: 0, sigma: 1e-12 }, milestoneIds: [] });
    const mesh = new PlanningMesh(input);
    const debtPay = p.debts.reduce((s, d) => s + amortizeDebt(d, 1).payments[0]!, 0);
    const expected = input.initialWealth + p.income.householdNetMonthlyCents - p.monthlyExpenses.totalCents - debtPay;
    expect(mesh.wealth[1]!).toBeCloseTo(expected, 3);
  });

  it('stops a debt payment in its payoff month and charges the smaller last payment once', () => {
    const p = structuredClone(person(0));
    p.debts = [{ id: 'd9', kind: 'credit-card', balanceCents: 25_000, annualRate: 0, minimumPaymentCents: 10_000, remainingMonths: null }];
    p.income.householdNetMonthlyCents = 0;
    p.monthlyExpenses.totalCents = 0;
    const input = planningInputFromPerson(p, { asOf: START, seed: 1, horizonYears: 1, paths: 2, unit: 'cents', market: { mu: 0, sigma: 1e-12 }, milestoneIds: [] });
    const mesh = new PlanningMesh(input);
    const w = (j: number) => mesh.wealth[j]!;
    expect(w(0) - w(1)).toBeCloseTo(10_000, 3);
    expect(w(1) - w(2)).toBeCloseTo(10_000, 3);
    expect(w(2) - w(3)).toBeCloseTo(5_000, 3);
    expect(w(3) - w(4)).toBeCloseTo(0, 3);
  });

  it('scales with the money unit: cents = 100 × dollars', () => {
    const p = withDebt();
    const d = planningInputFromPerson(p, { asOf: START, seed: 1 });
    const c = planningInputFromPerson(p, { asOf: START, seed: 1, unit: 'cents' });
    expect(c.initialWealth).toBeCloseTo(100 * d.initialWealth, 6);
    (c.flows ?? []).forEach((f, i) => expect(f.amount).toBeCloseTo(100 * d.flows![i]!.amount, 6));
  });

  it('names the bad option', () => {
    expect(() => planningInputFromPerson(person(0), { asOf: '2025-02-30', seed: 1 })).toThrow(InvalidArgumentError);
    expect(() => planningInputFromPerson(person(0), { asOf: '2025-02-30', seed: 1 })).toThrow(/options\.asOf/);
  });
});

describe('ledgerFromPerson', () => {
  it('opens every balance and one account per debt; equity equals the net worth', () => {
    for (let i = 0; i < 20; i++) {
      const p = person(i);
      const ledger = ledgerFromPerson(p, { asOf: START });
      const st = statementAsOf(ledger, START);
      expect(st.totals.netWorth).toBe(BigInt(p.netWorthCents));
      expect(ledger.balance(A.checking)).toBe(BigInt(p.assets.checkingCents));
      expect(ledger.balance(A.stocks)).toBe(BigInt(p.assets.investmentsCents));
      for (const d of p.debts) expect(ledger.balance(debtAccountId(d))).toBe(BigInt(d.balanceCents));
    }
  });

  it('puts the liquidity floor on checking, so validatePayment refuses to go below it', () => {
    const p = structuredClone(person(1));
    p.assets.checkingCents = 100_000;
    const ledger = ledgerFromPerson(p, { asOf: START, liquidityFloorCents: 60_000 });
    expect(validatePayment(ledger, { from: A.checking, to: A.savings, amount: 40_000n, date: START }).ok).toBe(true);
    const bad = validatePayment(ledger, { from: A.checking, to: A.savings, amount: 40_001n, date: START });
    expect(bad.violations.map((v) => v.rule)).toEqual(['minimum-balance']);
    const cap = paymentCapacityFromLedger(ledger, { accounts: [A.checking], unit: 'cents' });
    expect(cap.canPay({ milestoneId: 'm', amount: 40_000, date: new Date(`${START}T00:00:00Z`) }).ok).toBe(true);
    const no = cap.canPay({ milestoneId: 'm', amount: 40_001, date: new Date(`${START}T00:00:00Z`) });
    expect(no.ok).toBe(false);
    expect(no.available).toBe(40_000);
  });

  it('rejects non-integer cents naming the field', () => {
    const p = structuredClone(person(2));
    p.assets.savingsCents = 1.5;
    expect(() => ledgerFromPerson(p, { asOf: START })).toThrow(/person\.assets\.savingsCents/);
  });
});
