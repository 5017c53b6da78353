import { describe, expect, it } from 'vitest';
import { binomialPrice, blackScholes, simulateGbm } from '../src/index.js';
import { meanAndStdErr } from './stats-helpers.js';

describe('blackScholes', () => {
  it('matches REFERENCES.md §7 to 1e-6', () => {
    expect(Math.abs(blackScholes({ s0: 100, strike: 100, rate: 0.05, sigma: 0.2, t: 1, type: 'call' }) - 10.450584)).toBeLessThan(1e-6);
    expect(Math.abs(blackScholes({ s0: 100, strike: 100, rate: 0.05, sigma: 0.2, t: 1, type: 'put' }) - 5.573526)).toBeLessThan(1e-6);
    expect(Math.abs(blackScholes({ s0: 42, strike: 40, rate: 0.1, sigma: 0.2, t: 0.5, type: 'call' }) - 4.759422)).toBeLessThan(1e-6);
    expect(Math.abs(blackScholes({ s0: 42, strike: 40, rate: 0.1, sigma: 0.2, t: 0.5, type: 'put' }) - 0.808599)).toBeLessThan(1e-6);
  });

  it('put–call parity with dividends and the zero-volatility limit', () => {
    const base = { s0: 90, strike: 100, rate: 0.03, dividend: 0.02, sigma: 0.35, t: 2 };
    const c = blackScholes({ ...base, type: 'call' });
    const p = blackScholes({ ...base, type: 'put' });
    expect(c - p).toBeCloseTo(90 * Math.exp(-0.04) - 100 * Math.exp(-0.06), 12);
    expect(blackScholes({ ...base, sigma: 0, type: 'put' })).toBeCloseTo(100 * Math.exp(-0.06) - 90 * Math.exp(-0.04), 12);
  });

  it('Monte Carlo European prices lie within 3 standard errors', () => {
    const n = 100_000;
    const sim = simulateGbm({ s0: 100, drift: 0.05, sigma: 0.2, horizon: 1, steps: 1, paths: n, seed: 123, record: 'terminal' });
    const calls = new Float64Array(n);
    const puts = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      calls[p] = Math.exp(-0.05) * Math.max(sim.values[p]! - 100, 0);
      puts[p] = Math.exp(-0.05) * Math.max(100 - sim.values[p]!, 0);
    }
    const c = meanAndStdErr(calls);
    const p = meanAndStdErr(puts);
    expect(Math.abs(c.mean - 10.450584)).toBeLessThanOrEqual(3 * c.se);
    expect(Math.abs(p.mean - 5.573526)).toBeLessThanOrEqual(3 * p.se);
  });

  it('binomial tree converges to Black–Scholes and reproduces the Bermudan put references', () => {
    expect(Math.abs(binomialPrice({ s0: 100, strike: 100, rate: 0.05, sigma: 0.2, t: 1, type: 'call', exercise: 'european', steps: 4000 }) - 10.450584)).toBeLessThan(2e-3); // CRR error is O(1/n)
    const dates = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);
    for (const [s0, ref] of [[36, 4.4425], [40, 2.293], [44, 1.0985]] as const) {
      expect(binomialPrice({ s0, strike: 40, rate: 0.06, sigma: 0.2, t: 1, type: 'put', exercise: dates, steps: 2000 })).toBeCloseTo(ref, 3);
    }
  });

  it('rejects invalid input naming the field', () => {
    expect(() => blackScholes({ s0: 100, strike: -1, rate: 0, sigma: 0.2, t: 1, type: 'call' })).toThrow(/strike/);
    expect(() => blackScholes({ s0: 100, strike: 1, rate: 0, sigma: 0.2, t: 1, type: 'straddle' as 'call' })).toThrow(/type/);
    // the binomial tree makes the same checks (it used to price a NaN strike or rate silently), plus its own
    const tree = { s0: 100, strike: 100, rate: 0.05, sigma: 0.2, t: 1, type: 'put' as const, exercise: 'american' as const, steps: 50 };
    expect(() => binomialPrice({ ...tree, strike: Number.NaN })).toThrow(/strike/);
    expect(() => binomialPrice({ ...tree, rate: Number.POSITIVE_INFINITY })).toThrow(/rate/);
    expect(() => binomialPrice({ ...tree, type: 'straddle' as 'put' })).toThrow(/type/);
    expect(() => binomialPrice({ ...tree, sigma: 0 })).toThrow(/sigma/);
  });
});
