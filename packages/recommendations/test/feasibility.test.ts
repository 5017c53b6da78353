import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_IDS as A, postPayment, validatePayment } from '@omega/accounting';
import { amortizeDebt, ledgerFromPerson } from '@omega/stochastic-mesh';
import { RISK_BANDS, recommend, type RecommendationPlan } from '../src/index.js';
import { AS_OF, OPTS, planted, subject } from './helpers.js';

const people = [...Array.from({ length: 8 }, (_, i) => subject(i)), planted(0), planted(3)];
const plans: RecommendationPlan[] = people.map((p) => recommend(p, OPTS));
const MONEY_KINDS = new Set(['emergency-fund', 'debt-payment', 'invest', 'purchase']);

describe('feasibility on synthetic subjects', () => {
  it('emits something for most subjects, and every drop has a reason and detail', () => {
    expect(plans.filter((p) => p.recommendations.length > 0).length).toBeGreaterThanOrEqual(6);
    for (const plan of plans) for (const d of plan.dropped) {
      expect(['accounting', 'cash-flow', 'liquidity-floor', 'risk-band', 'no-budget', 'no-improvement', 'outranked']).toContain(d.reason);
      expect(d.detail.length).toBeGreaterThan(10);
      expect(plan.recommendations.some((r) => r.month === d.month && r.kind === d.kind && r.target === d.target)).toBe(false);
    }
  });

  it('month 0: all emitted transfers pass validatePayment on a ledger opened from the person after the month’s pay cycle', () => {
    let checked = 0;
    people.forEach((person, i) => {
      const recs = plans[i]!.recommendations.filter((r) => r.month === 0);
      // Independent replay of the pay cycle: income in, living expenses and required debt payments out.
      const p = structuredClone(person);
      const debtPaid = p.debts.reduce((s, d) => s + amortizeDebt(d, 1).payments[0]!, 0);
      p.assets.checkingCents += p.income.householdNetMonthlyCents - p.monthlyExpenses.totalCents - Math.round(debtPaid);
      for (const d of p.debts) d.balanceCents = Math.round(amortizeDebt(d, 1).balances[1]!);
      if (p.assets.checkingCents < 0) return; // a month drawing on savings: covered by the cash-flow test below
      const floor = plans[i]!.analysis.liquidityFloorCents;
      const liquidBefore = p.assets.checkingCents + p.assets.savingsCents;
      const ledger = ledgerFromPerson(p, { asOf: AS_OF });
      let out = 0;
      for (const r of recs) {
        const sum = r.transfers.reduce((s, t) => s + t.amountCents, 0);
        if (MONEY_KINDS.has(r.kind)) expect(sum).toBe(r.amountCents);
        for (const t of r.transfers) {
          expect(Number.isSafeInteger(t.amountCents) && t.amountCents > 0).toBe(true);
          const pay = { from: t.from, to: t.to, amount: BigInt(t.amountCents), date: AS_OF };
          expect(validatePayment(ledger, pay).violations).toEqual([]);
          expect(postPayment(ledger, pay).status).toBe('posted');
          if (t.to !== A.savings && t.to !== A.checking) out += t.amountCents;
          checked++;
        }
      }
      expect(liquidBefore - out).toBeGreaterThanOrEqual(floor);
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('keeps monthly cash flow ≥ 0 in every month where money leaves the accounts, and the equity share in the band', () => {
    for (const plan of plans) {
      const band = RISK_BANDS[plan.riskBand.label as keyof typeof RISK_BANDS];
      const row = plan.matrix.scenarios[0]!;
      for (const r of plan.recommendations) {
        if (MONEY_KINDS.has(r.kind) && r.kind !== 'emergency-fund') expect(row.cashFlowCents[r.month]!).toBeGreaterThanOrEqual(0);
        const share = row.equityShare[r.month]!;
        if (r.kind === 'invest' || r.kind === 'rebalance') expect(share >= band.minEquity - 1e-9 && share <= band.maxEquity + 1e-9).toBe(true);
      }
    }
  });

  it('reports bounded analysis scores, probabilities in [0, 1] and a real scenario matrix', () => {
    for (const plan of plans) {
      const a = plan.analysis;
      for (const c of [a.emergencyFund, a.debtToIncome, a.highRateDebt, a.savingsRate, a.allocation]) expect(c.score >= 0 && c.score <= 1).toBe(true);
      expect(a.score >= 0 && a.score <= 1).toBe(true);
      for (const m of a.milestones) expect(m.fundingProbability >= 0 && m.fundingProbability <= 1).toBe(true);
      const weights = plan.matrix.scenarios.reduce((s, x) => s + x.weight, 0);
      expect(weights).toBeCloseTo(1, 12);
      expect(Number.isFinite(plan.matrix.riskAdjustedReturn) && plan.matrix.riskAdjustedReturn !== 0).toBe(true);
      const rars = plan.matrix.scenarios.map((s) => s.riskAdjustedReturn);
      expect(rars[0]!).toBeLessThan(rars[rars.length - 1]!);
    }
    const levels = new Set(plans.flatMap((p) => p.matrix.scenarios.flatMap((s) => s.risk)));
    expect(levels.size).toBeGreaterThanOrEqual(2);
  });

  it('drops infeasible candidates with their reason (risk band, budget) rather than emitting them', () => {
    const reasons = new Set(plans.flatMap((p) => p.dropped.map((d) => d.reason)));
    expect(reasons.has('no-improvement') || reasons.has('risk-band') || reasons.has('no-budget')).toBe(true);
  });
});
