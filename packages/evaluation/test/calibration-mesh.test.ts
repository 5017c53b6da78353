import { normalCdf, normalQuantile, PlanningMesh } from '@omega/stochastic-mesh';
import { describe, expect, it } from 'vitest';
import { aggregate, evaluateSubject, summarizeCalibration, type ForecastPair, type Recommender } from '../src/index.js';
import { deriveSeed, LANE, uniformSource } from '../src/seeds.js';

describe('calibration sanity on the planning mesh', () => {
  it('subjects with known funding probabilities: predictions match the closed form and beat the base rate on independent outcomes', () => {
    // Wealth W0 invested in GBM(μ, σ) with no flows; one milestone K due at T is funded iff W_T ≥ K, so
    // P = Φ((ln(W0/K) + (μ − σ²/2)T) / (σ√T)) exactly. Each subject gets a different K (a target P in (0.05, 0.95)).
    const mu = 0.06;
    const sigma = 0.2;
    const T = 5;
    const W0 = 100_000;
    const start = new Date(Date.UTC(2025, 6, 1));
    const due = new Date(Date.UTC(2030, 6, 1));
    const u = uniformSource(99, 0);
    const pairs: ForecastPair[] = [];
    let maxZ = 0;
    for (let k = 0; k < 150; k++) {
      const target = 0.05 + 0.9 * u();
      const K = W0 * Math.exp((mu - 0.5 * sigma ** 2) * T - sigma * Math.sqrt(T) * normalQuantile(target));
      const exact = normalCdf((Math.log(W0 / K) + (mu - 0.5 * sigma ** 2) * T) / (sigma * Math.sqrt(T)));
      expect(exact).toBeCloseTo(target, 9);
      const input = { clock: { now: () => start }, initialWealth: W0, milestones: [{ id: 'm', name: 'goal', amount: K, dueDate: due }], market: { mu, sigma }, horizonYears: T, stepMonths: 12 };
      const predicted = new PlanningMesh({ ...input, paths: 400, seed: deriveSeed(5, k, LANE.mesh) }).milestoneFunding()[0]!.probability;
      maxZ = Math.max(maxZ, Math.abs(predicted - exact) / Math.sqrt((exact * (1 - exact)) / 400));
      const outcome = new PlanningMesh({ ...input, paths: 2, seed: deriveSeed(5, k, LANE.outcome) }).milestoneFunding()[0]!.probability * 2;
      for (let d = 0; d < 2; d++) pairs.push({ p: predicted, y: d < outcome ? 1 : 0 });
    }
    expect(maxZ).toBeLessThan(4.5); // 150 predictions, each within ~4 standard errors of the closed form
    const cal = summarizeCalibration(pairs);
    expect(cal.brier!).toBeLessThan(cal.baselineBrier!);
    expect(cal.skill!).toBeGreaterThan(0.15);
  });

  it('the pipeline\'s milestone forecasts beat the constant base rate on its independent outcome paths', () => {
    const none: Recommender = { name: 'no advice', recommend: () => [] };
    const s = { seed: 7, asOf: '2025-07-01', months: 1, horizonYears: 10, paths: 64, outcomeDraws: 4, recommenderPaths: 20 };
    const results = Array.from({ length: 100 }, (_, i) => evaluateSubject(i, s, none));
    const agg = aggregate(results, { ...s, subjects: results.length, bootstrapResamples: 200 }, none.name);
    expect(agg.calibration.n).toBeGreaterThan(200);
    expect(agg.calibration.brier!).toBeLessThan(agg.calibration.baselineBrier!);
    const skill = agg.metrics.find((m) => m.id === 'brierSkillScore')!;
    expect(skill.ci95[0]!).toBeGreaterThan(0);
  });
});
