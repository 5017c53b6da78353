import { describe, expect, it } from 'vitest';
import {
  barrierHitProbability, lognormalCdf, lognormalMean, lognormalMedian, lognormalQuantile, normalCdf, simulateGbm, simulateGbmRange,
} from '../src/index.js';
import { ksStatistic, meanAndStdErr, proportion } from './stats-helpers.js';

// REFERENCES.md §7: S0=100, μ=.07, σ=.2, T=10.
const REF = { mean: 201.375, median: 164.872, pBelowS0: 0.2146, q05: 58.258, q95: 466.597, hit70: 0.32952, hit70Monthly: 0.294 };
const params = { s0: 100, mu: 0.07, sigma: 0.2, t: 10 };
const N = 200_000;
const terminal = simulateGbm({ s0: 100, drift: 0.07, sigma: 0.2, horizon: 10, steps: 1, paths: N, seed: 20240917, record: 'terminal' }).terminal();
const sorted = Float64Array.from(terminal).sort();

function lognormalPdf(x: number): number {
  const sd = params.sigma * Math.sqrt(params.t);
  const z = (Math.log(x / params.s0) - (params.mu - 0.5 * params.sigma ** 2) * params.t) / sd;
  return Math.exp(-0.5 * z * z) / (x * sd * Math.sqrt(2 * Math.PI));
}

/** Sample quantile with its asymptotic SE √(q(1−q)/N) / f(x_q). */
function quantileWithSe(q: number): { value: number; se: number } {
  const value = sorted[Math.floor(q * N)]!;
  return { value, se: Math.sqrt((q * (1 - q)) / N) / lognormalPdf(value) };
}

describe('closed forms reproduce REFERENCES.md §7', () => {
  it('mean, median, quantiles, P(S_T < S0), barrier probabilities', () => {
    expect(lognormalMean(params)).toBeCloseTo(REF.mean, 3);
    expect(lognormalMedian(params)).toBeCloseTo(REF.median, 3);
    expect(lognormalQuantile(params, 0.05)).toBeCloseTo(REF.q05, 3);
    expect(lognormalQuantile(params, 0.95)).toBeCloseTo(REF.q95, 3);
    expect(lognormalCdf(params, 100)).toBeCloseTo(REF.pBelowS0, 5);
    expect(barrierHitProbability(params, 70)).toBeCloseTo(REF.hit70, 5);
    expect(barrierHitProbability(params, 70, 1 / 12)).toBeCloseTo(REF.hit70Monthly, 3);
  });
});

describe('GBM Monte Carlo within 4 standard errors of REFERENCES.md §7', () => {
  it('E[S_T]', () => {
    const { mean, se } = meanAndStdErr(terminal);
    expect(Math.abs(mean - REF.mean)).toBeLessThanOrEqual(4 * se);
  });
  it('median and 5 % / 95 % quantiles', () => {
    for (const [q, ref] of [[0.5, REF.median], [0.05, REF.q05], [0.95, REF.q95]] as const) {
      const { value, se } = quantileWithSe(q);
      expect(Math.abs(value - ref), `quantile ${q}: ${value} ± ${se}`).toBeLessThanOrEqual(4 * se);
    }
  });
  it('P(S_T < S0)', () => {
    let hits = 0;
    for (const x of terminal) if (x < 100) hits++;
    const { p, se } = proportion(hits, N);
    expect(Math.abs(p - REF.pBelowS0)).toBeLessThanOrEqual(4 * se);
  });
  it('P(min S ≤ 70): monthly monitoring vs 0.2940, continuous (Brownian-bridge corrected) vs 0.32952', () => {
    const paths = 20_000;
    const sim = simulateGbm({ s0: 100, drift: 0.07, sigma: 0.2, horizon: 10, steps: 120, paths, seed: 77, record: 'path' });
    const dt = 1 / 12;
    let monthlyHits = 0;
    const bridge = new Float64Array(paths);
    for (let p = 0; p < paths; p++) {
      let survive = 1;
      let hit = false;
      for (let k = 0; k < 120; k++) {
        const a = sim.at(p, k);
        const b = sim.at(p, k + 1);
        if (b <= 70) hit = true;
        // Probability the Brownian bridge between the two log-prices dips below ln 70.
        const crossing = a <= 70 || b <= 70 ? 1 : Math.exp((-2 * Math.log(a / 70) * Math.log(b / 70)) / (0.04 * dt));
        survive *= 1 - crossing;
      }
      if (hit) monthlyHits++;
      bridge[p] = 1 - survive;
    }
    const monthly = proportion(monthlyHits, paths);
    expect(Math.abs(monthly.p - REF.hit70Monthly)).toBeLessThanOrEqual(4 * monthly.se);
    const continuous = meanAndStdErr(bridge);
    expect(Math.abs(continuous.mean - REF.hit70)).toBeLessThanOrEqual(4 * continuous.se);
  });
});

describe('GBM engine properties', () => {
  it('step-size invariance: terminal law with 1 step and with 100 steps agree (KS and mean)', () => {
    const fine = simulateGbm({ s0: 100, drift: 0.07, sigma: 0.2, horizon: 10, steps: 100, paths: 20_000, seed: 5, record: 'terminal' }).terminal();
    const cdf = (x: number) => lognormalCdf(params, x);
    // KS critical value at α = 0.001 is 1.95/√n.
    expect(ksStatistic(fine, cdf)).toBeLessThan(1.95 / Math.sqrt(fine.length));
    expect(ksStatistic(terminal.subarray(0, 20_000), cdf)).toBeLessThan(1.95 / Math.sqrt(20_000));
  });

  it('martingale: discounted risk-neutral price has mean S0 at every date', () => {
    const r = 0.05;
    const sim = simulateGbm({ s0: 100, drift: r, sigma: 0.3, times: [0.5, 1, 2, 5], paths: 50_000, seed: 9, antithetic: true, record: 'path' });
    for (let k = 1; k <= 4; k++) {
      const disc = new Float64Array(50_000);
      for (let p = 0; p < 50_000; p++) disc[p] = sim.at(p, k) * Math.exp(-r * sim.times[k]!);
      // Antithetic pairs are dependent: SE from pair averages.
      const pairs = new Float64Array(25_000);
      for (let i = 0; i < 25_000; i++) pairs[i] = 0.5 * (disc[2 * i]! + disc[2 * i + 1]!);
      const { mean, se } = meanAndStdErr(pairs);
      expect(Math.abs(mean - 100)).toBeLessThanOrEqual(4 * se);
    }
  });

  it('KS test: monthly log-returns are N((μ−σ²/2)Δt, σ²Δt)', () => {
    const sim = simulateGbm({ s0: 50, drift: 0.07, sigma: 0.2, horizon: 1, steps: 12, paths: 2_000, seed: 11, record: 'path' });
    const dt = 1 / 12;
    const returns = new Float64Array(2_000 * 12);
    for (let p = 0; p < 2_000; p++) for (let k = 0; k < 12; k++) returns[p * 12 + k] = Math.log(sim.at(p, k + 1) / sim.at(p, k));
    const m = (0.07 - 0.02) * dt;
    const s = 0.2 * Math.sqrt(dt);
    expect(ksStatistic(returns, (x) => normalCdf((x - m) / s))).toBeLessThan(1.95 / Math.sqrt(returns.length));
  });

  it('same seed → same numbers for any chunking; different seed → different numbers', () => {
    const spec = { s0: [100, 50], drift: [0.05, 0.03], sigma: [0.2, 0.4], correlation: [[1, 0.5], [0.5, 1]], horizon: 1, steps: 4, paths: 101, seed: 3, antithetic: true, record: 'path' as const };
    const whole = simulateGbm(spec).values;
    for (const cuts of [[0, 50, 101], [0, 1, 2, 37, 100, 101], [0, 33, 34, 67, 101]]) {
      const parts: number[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) parts.push(...simulateGbmRange(spec, cuts[i]!, cuts[i + 1]!).values);
      expect(Float64Array.from(parts)).toEqual(whole);
    }
    expect(simulateGbm({ ...spec, seed: 4 }).values).not.toEqual(whole);
  });

  it('antithetic pairs use negated shocks', () => {
    const sim = simulateGbm({ s0: 100, drift: 0.05, sigma: 0.2, horizon: 1, steps: 1, paths: 10, seed: 1, antithetic: true, record: 'terminal' });
    const m = (0.05 - 0.02) * 1;
    for (let i = 0; i < 5; i++) {
      const a = Math.log(sim.values[2 * i]! / 100) - m;
      const b = Math.log(sim.values[2 * i + 1]! / 100) - m;
      expect(a + b).toBeCloseTo(0, 12);
    }
  });

  it('correlated assets: sample correlation of log-returns matches ρ within 4 SE', () => {
    const rho = -0.6;
    const n = 40_000;
    const sim = simulateGbm({ s0: [1, 1], drift: [0, 0], sigma: [0.3, 0.1], correlation: [[1, rho], [rho, 1]], horizon: 1, steps: 1, paths: n, seed: 21, record: 'terminal' });
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let p = 0; p < n; p++) { x[p] = Math.log(sim.values[2 * p]!); y[p] = Math.log(sim.values[2 * p + 1]!); }
    const mx = meanAndStdErr(x).mean;
    const my = meanAndStdErr(y).mean;
    let sxy = 0; let sxx = 0; let syy = 0;
    for (let p = 0; p < n; p++) { sxy += (x[p]! - mx) * (y[p]! - my); sxx += (x[p]! - mx) ** 2; syy += (y[p]! - my) ** 2; }
    const r = sxy / Math.sqrt(sxx * syy);
    expect(Math.abs(r - rho)).toBeLessThanOrEqual(4 * (1 - rho * rho) / Math.sqrt(n));
  });

  it('terminal-min records the running minimum over observation dates', () => {
    const spec = { s0: 100, drift: 0.02, sigma: 0.3, horizon: 2, steps: 24, paths: 50, seed: 8 };
    const full = simulateGbm({ ...spec, record: 'path' });
    const summary = simulateGbm({ ...spec, record: 'terminal-min' });
    for (let p = 0; p < 50; p++) {
      let min = Infinity;
      for (let k = 0; k <= 24; k++) min = Math.min(min, full.at(p, k));
      expect(summary.minima![p]).toBeCloseTo(min, 9);
      expect(summary.values[p]).toBeCloseTo(full.at(p, 24), 9);
    }
  });

  it('rejects bad input with typed errors naming the field', () => {
    expect(() => simulateGbm({ s0: -1, drift: 0, sigma: 0.2, horizon: 1, steps: 1, paths: 1, seed: 1 })).toThrow(/s0/);
    expect(() => simulateGbm({ s0: [1, 1], drift: 0, sigma: 0.2, correlation: [[1, 2], [2, 1]], horizon: 1, steps: 1, paths: 1, seed: 1 })).toThrow(/correlation\[0\]\[1\]/);
    expect(() => simulateGbm({ s0: [1, 1], drift: 0, sigma: 0.2, correlation: [[1, 0.5], [0.4, 1]], horizon: 1, steps: 1, paths: 1, seed: 1 })).toThrow(/symmetric/);
    expect(() => simulateGbm({ s0: 1, drift: 0, sigma: 0.2, times: [1, 0.5], paths: 1, seed: 1 })).toThrow(/times\[1\]/);
    expect(() => simulateGbm({ s0: 1, drift: 0, sigma: 0.2, horizon: 1, steps: 1, paths: 1, seed: 1.5 })).toThrow(/seed/);
  });
});
