import { describe, expect, it } from 'vitest';
import { defineBermudan, dualityGap, priceBermudan, stoppedPayoffs, sampleEstimate, type StoppingRule } from '../src/index.js';

// REFERENCES.md §7: Bermudan put (10 dates) and the 2-asset max-call (9 dates over 3 years).
const DATES = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);
const PUT = { sigma: 0.2, rate: 0.06, exerciseTimes: DATES, payoff: 'put' as const, strike: 40 };
const MAX_CALL = { sigma: [0.2, 0.2], dividend: [0.1, 0.1], rate: 0.05, exerciseTimes: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => k / 3), payoff: 'max-call' as const, strike: 100 };
const MAX_CALL_REF = [[90, 8.08], [100, 13.9], [110, 21.34]] as const;

describe('Andersen–Broadie duality upper bound on the LSM rule', () => {
  it('2-asset max-call S0 = 90/100/110: low ≤ ref + 3 SE, high ≥ ref − 3 SE, gap small and ≥ 0', () => {
    for (const [s0, ref] of MAX_CALL_REF) {
      const r = priceBermudan({ ...MAX_CALL, s0: [s0, s0], method: 'lsm', paths: 20_000, dualityPaths: 300, innerPaths: 200, seed: s0 });
      const { high, low, dualityGap: gap } = r;
      expect(low.value - 3 * low.stdErr, `low at ${s0}`).toBeLessThanOrEqual(ref);
      expect(high!.value + 3 * high!.stdErr, `high at ${s0}`).toBeGreaterThanOrEqual(ref);
      expect(high!.value).toBeCloseTo(low.value + gap!.value, 12);
      expect(gap!.value).toBeGreaterThanOrEqual(0);
      // With 200 inner paths the gap carries inner-sampling bias; it still stays under 2.5 % of the price.
      expect(gap!.value, `gap at ${s0}`).toBeLessThan(0.025 * ref);
    }
  });

  it('Bermudan put S0 = 40: bracket contains 2.2930 and the gap is under 0.03', () => {
    const r = priceBermudan({ ...PUT, s0: 40, method: 'lsm', paths: 20_000, dualityPaths: 300, innerPaths: 200, seed: 4 });
    expect(r.low.value - 3 * r.low.stdErr).toBeLessThanOrEqual(2.293);
    expect(r.high!.value + 3 * r.high!.stdErr).toBeGreaterThanOrEqual(2.293);
    expect(r.dualityGap!.value).toBeLessThan(0.03);
  });

  it('one exercise date: the gap is exactly 0 on every path (no early exercise to get wrong)', () => {
    const problem = defineBermudan({ ...PUT, s0: 40, exerciseTimes: [1] });
    const rule: StoppingRule = { continuationValue: () => 0 };
    const { perPath, gap } = dualityGap(problem, rule, { outerPaths: 50, innerPaths: 10, seed: 1 });
    expect(Array.from(perPath).every((v) => v === 0)).toBe(true);
    expect(gap.value).toBe(0);
  });

  it('any rule gives a valid bound: "exercise as soon as in the money" is poor, its gap is large, low + gap still ≥ the price', () => {
    const problem = defineBermudan({ ...PUT, s0: 40 });
    const greedy: StoppingRule = { continuationValue: () => -Infinity };
    const low = sampleEstimate(stoppedPayoffs(problem, greedy, 20_000, 11));
    const { gap, perPath } = dualityGap(problem, greedy, { outerPaths: 300, innerPaths: 100, seed: 12 });
    expect(Math.min(...perPath)).toBeGreaterThanOrEqual(0);
    expect(low.value).toBeLessThan(2.293 - 0.2); // the greedy rule loses a lot of value
    expect(gap.value).toBeGreaterThan(0.2);
    expect(low.value + gap.value + 3 * Math.hypot(low.stdErr, gap.stdErr)).toBeGreaterThanOrEqual(2.293);
    // The martingale from even this rule keeps the bound informative (within 0.5 of the price).
    expect(low.value + gap.value).toBeLessThan(2.293 + 0.5);
  });

  it('is deterministic and validates its options naming the field', () => {
    const args = { ...PUT, s0: 44, method: 'lsm' as const, paths: 2_000, dualityPaths: 20, innerPaths: 20, seed: 9 };
    expect(priceBermudan(args)).toEqual(priceBermudan(args));
    expect(priceBermudan({ ...args, dualityPaths: undefined }).high).toBeUndefined();
    expect(() => priceBermudan({ ...args, innerPaths: 21 })).toThrow(/innerPaths/);
    expect(() => priceBermudan({ ...args, dualityPaths: 1 })).toThrow(/dualityPaths/);
    expect(() => priceBermudan({ ...args, method: 'mesh', nodesPerDate: 10 })).toThrow(/dualityPaths/);
  });
});
