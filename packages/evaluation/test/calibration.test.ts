import { describe, expect, it } from 'vitest';
import { brierScore, isEvaluationError, reliabilityTable, summarizeCalibration, type ForecastPair } from '../src/index.js';
import { uniformSource } from '../src/seeds.js';

/** Outcomes drawn as Bernoulli(p) from a seeded stream: their true probabilities are known by construction. */
function knownProbabilityPairs(n: number, seed: number, predict: (p: number) => number): ForecastPair[] {
  const u = uniformSource(seed, 0);
  return Array.from({ length: n }, () => {
    const p = u();
    return { p: predict(p), y: u() < p ? 1 : 0 };
  });
}

describe('Brier score and reliability', () => {
  it('computes the textbook values on a small hand-checked case', () => {
    const pairs: ForecastPair[] = [{ p: 0.9, y: 1 }, { p: 0.2, y: 0 }, { p: 0.6, y: 0 }, { p: 1, y: 1 }];
    expect(brierScore(pairs)).toBeCloseTo((0.01 + 0.04 + 0.36 + 0) / 4, 12);
    const s = summarizeCalibration(pairs);
    expect(s.baseRate).toBe(0.5);
    expect(s.baselineBrier).toBe(0.25);
    expect(s.skill).toBeCloseTo(1 - 0.1025 / 0.25, 12);
    const bins = reliabilityTable(pairs);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toMatchObject({ count: 2, meanPredicted: 0.95, observedFrequency: 1 }); // 1.0 falls in the last bin
    expect(bins[2]).toMatchObject({ count: 1, meanPredicted: 0.2, observedFrequency: 0 });
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  it('calibration sanity: true probabilities beat the constant base-rate forecast, shuffled ones do not', () => {
    const truthful = summarizeCalibration(knownProbabilityPairs(20_000, 11, (p) => p));
    // E[Brier] of the true probabilities is E[p(1−p)] = 1/6; the base rate's is 1/4.
    expect(truthful.brier!).toBeLessThan(truthful.baselineBrier!);
    expect(truthful.brier!).toBeCloseTo(1 / 6, 2);
    expect(truthful.baselineBrier!).toBeCloseTo(0.25, 2);
    expect(truthful.expectedCalibrationError!).toBeLessThan(0.02);
    for (const b of truthful.bins) expect(Math.abs(b.observedFrequency! - b.meanPredicted!)).toBeLessThan(0.05);
    // A forecast that is confidently wrong (1 − p) loses to the base rate and is visibly miscalibrated.
    const inverted = summarizeCalibration(knownProbabilityPairs(20_000, 11, (p) => 1 - p));
    expect(inverted.brier!).toBeGreaterThan(inverted.baselineBrier!);
    expect(inverted.skill!).toBeLessThan(0);
    expect(inverted.expectedCalibrationError!).toBeGreaterThan(0.4);
  });

  it('returns nulls without data and rejects probabilities outside [0, 1] with the path', () => {
    expect(summarizeCalibration([])).toMatchObject({ n: 0, brier: null, skill: null });
    try {
      brierScore([{ p: 0.5, y: 1 }, { p: 1.5, y: 0 }]);
      expect.unreachable();
    } catch (e) {
      expect(isEvaluationError(e) && e.code).toBe('INVALID_OPTION');
      expect((e as Error).message).toContain('pairs[1].p');
    }
  });
});
