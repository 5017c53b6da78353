import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, decodePlan, encodePlan, isRecommendationError, loadPlan, recommend, savePlan, type RecommendationPlan } from '../src/index.js';
import { OPTS, planted, plantedIndices, scaleMoney, subject } from './helpers.js';

const signature = (plan: RecommendationPlan): string[] => plan.recommendations.map((r) => `${r.month}:${r.rank}:${r.kind}:${r.target}`);
/** Money kept each month (income − expenses − debt payments, after recommended cuts), summed over the plan. */
const kept = (plan: RecommendationPlan): number => plan.matrix.scenarios[0]!.cashFlowCents.reduce((a, b) => a + b, 0);
/** Probability-weighted count of medium (1) and high (2) risk cells in the matrix. */
const riskiness = (plan: RecommendationPlan): number =>
  plan.matrix.scenarios.reduce((a, s) => a + s.weight * s.risk.reduce((x, r) => x + (r === 'high' ? 2 : r === 'medium' ? 1 : 0), 0), 0);
const maxEquity = (plan: RecommendationPlan): number => Math.max(...plan.matrix.scenarios[0]!.equityShare);

describe('planted case: no emergency fund and high-rate card debt', () => {
  // Without a milestone inside the 5-year horizon, nothing competes with the foundations.
  it.each(plantedIndices(3, { noMilestoneBefore: '2030-07-02' }))('subject %i gets the emergency fund and the card payment first', (i) => {
    const plan = recommend(planted(i), OPTS);
    const first = plan.recommendations.filter((r) => r.month === 0).slice(0, 2).map((r) => `${r.kind}:${r.target}`).sort();
    expect(first).toEqual(['debt-payment:dx', 'emergency-fund:cash']);
    const card = plan.recommendations.find((r) => r.kind === 'debt-payment' && r.target === 'dx')!;
    expect(card.effect.netWorthP5Cents).toBeGreaterThan(0);
    expect(card.rationale).toMatch(/5th-percentile net worth \+\$/);
    expect(card.usedFields).toContain('debts[' + (planted(i).debts.length - 1) + '].annualRate');
  });

  it.each(plantedIndices(4))('subject %i: the emergency fund is the first use of the month’s cash', (i) => {
    const plan = recommend(planted(i), OPTS);
    const money = plan.recommendations.filter((r) => r.month === 0 && ['emergency-fund', 'debt-payment', 'invest', 'purchase'].includes(r.kind));
    expect(money[0]?.kind).toBe('emergency-fund');
  });
});

describe('monotonicity', () => {
  it.each([1, 3, 4, 6, 7])('subject %i: more income or less debt never keeps less money or takes more risk', (i) => {
    const p = subject(i);
    const base = recommend(p, OPTS);
    const richer = structuredClone(p);
    richer.income.householdNetMonthlyCents = Math.round(richer.income.householdNetMonthlyCents * 1.2);
    richer.income.householdGrossAnnualCents = Math.round(richer.income.householdGrossAnnualCents * 1.2);
    const lessDebt = structuredClone(p);
    lessDebt.debts.forEach((d) => { d.balanceCents = Math.round(d.balanceCents / 2); });
    for (const other of [recommend(richer, OPTS), recommend(lessDebt, OPTS)]) {
      expect(kept(other)).toBeGreaterThanOrEqual(kept(base));
      expect(riskiness(other)).toBeLessThanOrEqual(riskiness(base) + 1e-12);
      expect(maxEquity(other)).toBeLessThanOrEqual(maxEquity(base) + 1e-12);
    }
  });
});

describe('invariance and determinism', () => {
  it.each([1, 4, 6])('subject %i: all money × 100 gives the same actions and amounts × 100', (i) => {
    const p = i === 4 ? planted(4) : subject(i);
    const a = recommend(p, OPTS);
    const b = recommend(scaleMoney(p, 100), OPTS);
    expect(signature(b)).toEqual(signature(a));
    a.recommendations.forEach((r, k) => {
      const s = b.recommendations[k]!;
      // Balances are kept in whole cents month to month (debt interest, growth), so 100× may differ by that
      // rounding: at most about one original cent per balance per month.
      expect(Math.abs(s.amountCents - 100 * r.amountCents)).toBeLessThanOrEqual(200 * (r.month + 1) + 1e-9 * s.amountCents);
      expect(s.effect.fundingProbability).toBeCloseTo(r.effect.fundingProbability, 6);
    });
    expect(b.analysis.score).toBeCloseTo(a.analysis.score, 6);
  });

  it('same seed → same bytes; another seed → different numbers', async () => {
    const p = planted(2);
    const one = await encodePlan(recommend(p, OPTS));
    const two = await encodePlan(recommend(p, OPTS));
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    const other = await encodePlan(recommend(p, { ...OPTS, seed: 6 }));
    expect(Buffer.from(other).equals(Buffer.from(one))).toBe(false);
  });

  it('exports through @omega/storage and loads an equal object (json and compressed)', async () => {
    const plan = recommend(planted(1), OPTS);
    const dir = mkdtempSync(join(tmpdir(), 'omega-rec-'));
    try {
      for (const format of ['json', 'compressed'] as const) {
        const path = join(dir, `plan.${format}`);
        await savePlan(plan, path, format);
        expect(await loadPlan(path)).toEqual(plan);
      }
      expect(await decodePlan(await encodePlan(plan))).toEqual(plan);
      await expect(decodePlan(new TextEncoder().encode('{"kind":"other"}'), 'json')).rejects.toThrow(/\$\.kind/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('options', () => {
  it('rejects bad options with a typed error naming the field', () => {
    const p = subject(0);
    expect(() => recommend(p, { ...OPTS, months: 0 })).toThrow(InvalidOptionError);
    expect(() => recommend(p, { ...OPTS, asOf: '2025-13-01' })).toThrow(/options\.asOf/);
    try { recommend(p, { ...OPTS, seed: -1 }); } catch (e) { expect(isRecommendationError(e) && e.context.field).toBe('options.seed'); }
    const bad = structuredClone(p);
    bad.assets.checkingCents = 1.5;
    expect(() => recommend(bad, OPTS)).toThrow(/person\.assets\.checkingCents/);
  });
});
