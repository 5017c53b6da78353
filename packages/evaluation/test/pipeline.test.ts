import { DEFAULT_ACCOUNT_IDS as A } from '@omega/accounting';
import { debtAccountId } from '@omega/stochastic-mesh';
import { generateSubject } from '@omega/synthetic-data';
import { describe, expect, it } from 'vitest';
import { evaluateSubject, type RecommendationView, type Recommender } from '../src/index.js';

const s = { seed: 7, asOf: '2025-07-01', months: 12, horizonYears: 10, paths: 64, outcomeDraws: 4, recommenderPaths: 20 };

function fixed(recs: (p: ReturnType<typeof generateSubject>) => RecommendationView[]): Recommender {
  return { name: 'fixed list', recommend: (person) => recs(person) };
}

/** The first subject of seed 7 that satisfies `pred`. */
function findIndex(pred: (p: ReturnType<typeof generateSubject>) => boolean): number {
  for (let i = 0; i < 500; i++) if (pred(generateSubject({ seed: s.seed, index: i, start: s.asOf, historyMonths: 0 }))) return i;
  throw new Error('no such subject');
}

describe('evaluateSubject', () => {
  it('flags an overdraft as infeasible, keeps a payable transfer, and applies only the feasible one', () => {
    const index = findIndex((p) => p.assets.checkingCents > 200_00 && p.riskTolerance.score > 3);
    const r = evaluateSubject(index, s, fixed((p) => [
      { id: 'too-much', month: 0, date: s.asOf, kind: 'invest', target: 'stocks', amountCents: p.assets.checkingCents + 2 * p.cashFlow.netIncomeCents, transfers: [{ from: A.checking, to: A.stocks, amountCents: p.assets.checkingCents + 2 * p.cashFlow.netIncomeCents }] },
      { id: 'fine', month: 0, date: s.asOf, kind: 'emergency-fund', target: 'cash', amountCents: 100_00, transfers: [{ from: A.checking, to: A.savings, amountCents: 100_00 }] },
    ]), );
    expect(r.recommendations.map((x) => [x.id, x.feasible])).toEqual([['too-much', false], ['fine', true]]);
    expect(r.recommendations[0]!.infeasibleBecause).toContain('minimum-balance');
    expect(r.metrics.feasibilityRate).toBe(0.5);
    // Moving cash between checking and savings changes nothing in the mesh: same paths, same wealth.
    expect(r.metrics.deltaSuccessProbability).toBe(0);
    expect(r.metrics.deltaP05NetWorth).toBe(0);
  });

  it('refuses a payment that leaves checking + savings below the liquidity floor without overdrawing anything', () => {
    const need = (p: ReturnType<typeof generateSubject>) => p.cashFlow.expensesCents + p.cashFlow.debtPaymentsCents;
    const index = findIndex((p) => p.cashFlow.netIncomeCents >= need(p) && p.assets.checkingCents + p.assets.savingsCents >= need(p) && p.assets.savingsCents < need(p) - 200 && p.debts.length > 0);
    // Leaves liquid cash `margin` cents above the floor (one month of need: opening liquid ≥ it here).
    const payDown = (margin: number) => fixed((p) => {
      const amountCents = p.assets.checkingCents + p.assets.savingsCents + (p.cashFlow.netIncomeCents - need(p)) - need(p) - margin;
      return [{ id: 'pay', month: 0, date: s.asOf, kind: 'debt-payment', target: p.debts[0]!.id, amountCents, transfers: [{ from: A.checking, to: debtAccountId(p.debts[0]!), amountCents }] }];
    });
    expect(evaluateSubject(index, s, payDown(-100)).recommendations[0]!.infeasibleBecause).toEqual(['liquidity-floor']);
    expect(evaluateSubject(index, s, payDown(100)).recommendations[0]!.feasible).toBe(true);
  });

  it('flags unsuitable advice: equities for a conservative investor', () => {
    const index = findIndex((p) => p.riskTolerance.score <= 3 && p.assets.checkingCents > 200_00);
    const r = evaluateSubject(index, s, fixed(() => [
      { id: 'inv', month: 0, date: s.asOf, kind: 'invest', target: 'stocks', amountCents: 100_00, transfers: [{ from: A.checking, to: A.stocks, amountCents: 100_00 }] },
    ]));
    expect(r.recommendations[0]!.suitabilityViolations).toContain('risk-above-tolerance');
    expect(r.metrics.suitabilityViolationRate).toBe(1);
  });

  it('measures a spending cut as a gain under common random numbers', () => {
    const index = findIndex((p) => p.monthlyExpenses.discretionaryCents > 500_00 && p.milestones.some((m) => m.type !== 'retirement' && m.date <= '2035-07-01'));
    const cut = (p: ReturnType<typeof generateSubject>): RecommendationView[] => [
      { id: 'save', month: 0, date: s.asOf, kind: 'raise-savings', target: 'discretionary', amountCents: Math.round(p.monthlyExpenses.discretionaryCents / 2), transfers: [] },
    ];
    const r = evaluateSubject(index, s, fixed(cut));
    expect(r.recommendations[0]!.feasible).toBe(true);
    expect(r.metrics.deltaP05NetWorth).toBeGreaterThan(0);
    expect(r.metrics.deltaSuccessProbability).toBeGreaterThanOrEqual(0);
    expect(r.successWith).toBeGreaterThanOrEqual(r.successWithout);
    // A raise larger than the discretionary budget is infeasible.
    const tooBig = evaluateSubject(index, s, fixed((p) => [{ ...cut(p)[0]!, amountCents: p.monthlyExpenses.discretionaryCents + 1 }]));
    expect(tooBig.recommendations[0]!.infeasibleBecause).toEqual(['budget']);
  });

  it('credits a debt payment with the payments it removes from the schedule, not only the cash it costs', () => {
    const index = findIndex((p) => p.debts.some((d) => d.kind === 'credit-card' && d.annualRate >= 0.15 && d.balanceCents > 1_000_00 && p.assets.checkingCents > d.balanceCents + p.cashFlow.expensesCents + p.cashFlow.debtPaymentsCents));
    const payOff = (p: ReturnType<typeof generateSubject>): RecommendationView[] => {
      const d = p.debts.find((x) => x.kind === 'credit-card' && x.annualRate >= 0.15)!;
      return [{ id: 'pay', month: 0, date: s.asOf, kind: 'debt-payment', target: d.id, amountCents: d.balanceCents, transfers: [{ from: A.checking, to: debtAccountId(d), amountCents: d.balanceCents }] }];
    };
    const r = evaluateSubject(index, s, fixed(payOff));
    expect(r.recommendations[0]!.feasible).toBe(true);
    // Paying a ≥ 15 % APR card with cash earning far less leaves more wealth at the horizon on the same paths.
    expect(r.metrics.deltaP05NetWorth).toBeGreaterThan(0);
  });

  it('counts a purchase towards a modelled milestone as part of its payment, not as extra spending', () => {
    const horizonEnd = '2035-07-01';
    const ok = (p: ReturnType<typeof generateSubject>) => p.milestones.find((m) => m.date > s.asOf && m.date <= horizonEnd && m.amountCents >= 5_000_00 && p.assets.checkingCents > m.amountCents / 10 + p.cashFlow.expensesCents + p.cashFlow.debtPaymentsCents);
    const index = findIndex((p) => ok(p) !== undefined);
    let paidDollars = 0;
    const r = evaluateSubject(index, s, fixed((p) => {
      const m = ok(p)!;
      const amountCents = Math.round(m.amountCents / 10);
      paidDollars = amountCents / 100;
      return [{ id: 'pre', month: 0, date: s.asOf, kind: 'purchase', target: m.id, amountCents, transfers: [{ from: A.checking, to: A.milestonePayments, amountCents }] }];
    }));
    expect(r.recommendations[0]!.feasible).toBe(true);
    // Paying 10 % early only forgoes the return on it; counted twice it would cost the whole amount again.
    expect(r.metrics.deltaP05NetWorth).toBeLessThanOrEqual(1e-6);
    expect(r.metrics.deltaP05NetWorth).toBeGreaterThan(-0.5 * paidDollars);
  });

  it('is a pure function of (seed, index, settings)', () => {
    const recommender = fixed(() => []);
    expect(JSON.stringify(evaluateSubject(3, s, recommender))).toBe(JSON.stringify(evaluateSubject(3, s, recommender)));
    expect(JSON.stringify(evaluateSubject(3, s, recommender))).not.toBe(JSON.stringify(evaluateSubject(3, { ...s, seed: 8 }, recommender)));
  });
});
