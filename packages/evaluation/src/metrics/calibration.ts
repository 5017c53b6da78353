/** Brier score, the base-rate baseline, and the 10-bin reliability table of probability forecasts. */
import { InvalidOptionError } from '../errors.js';

export interface ForecastPair {
  /** Predicted probability in [0, 1]. */
  p: number;
  /** Observed outcome: 1 happened, 0 did not. */
  y: 0 | 1;
}

export interface ReliabilityBin {
  /** Bin edges [lo, hi); the last bin includes 1. */
  lo: number;
  hi: number;
  count: number;
  /** Mean prediction in the bin (null when empty). */
  meanPredicted: number | null;
  /** Observed frequency in the bin (null when empty). */
  observedFrequency: number | null;
}

export interface CalibrationSummary {
  n: number;
  brier: number | null;
  /** Brier of always predicting the observed base rate. */
  baselineBrier: number | null;
  baseRate: number | null;
  /** 1 − brier / baselineBrier; null when the baseline is 0 (all outcomes equal). */
  skill: number | null;
  expectedCalibrationError: number | null;
  bins: ReliabilityBin[];
}

function check(pairs: readonly ForecastPair[]): void {
  pairs.forEach((f, i) => {
    if (!(f.p >= 0 && f.p <= 1)) throw new InvalidOptionError('probability out of range', { field: `pairs[${i}].p`, expected: 'a number in [0, 1]', received: String(f.p) });
    if (f.y !== 0 && f.y !== 1) throw new InvalidOptionError('outcome must be 0 or 1', { field: `pairs[${i}].y`, expected: '0 | 1', received: String(f.y) });
  });
}

export function brierScore(pairs: readonly ForecastPair[]): number | null {
  check(pairs);
  if (pairs.length === 0) return null;
  let s = 0;
  for (const { p, y } of pairs) s += (p - y) ** 2;
  return s / pairs.length;
}

/** Equal-width bins on [0, 1]; a prediction of exactly 1 falls in the last bin. */
export function reliabilityTable(pairs: readonly ForecastPair[], bins = 10): ReliabilityBin[] {
  check(pairs);
  if (!Number.isInteger(bins) || bins < 1) throw new InvalidOptionError('bad bin count', { field: 'bins', expected: 'an integer ≥ 1', received: String(bins) });
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  for (const { p, y } of pairs) {
    const k = Math.min(bins - 1, Math.floor(p * bins));
    count[k]!++;
    sumP[k]! += p;
    sumY[k]! += y;
  }
  return count.map((c, k) => ({
    lo: k / bins,
    hi: (k + 1) / bins,
    count: c,
    meanPredicted: c === 0 ? null : sumP[k]! / c,
    observedFrequency: c === 0 ? null : sumY[k]! / c,
  }));
}

export function summarizeCalibration(pairs: readonly ForecastPair[], bins = 10): CalibrationSummary {
  const table = reliabilityTable(pairs, bins);
  const n = pairs.length;
  if (n === 0) return { n, brier: null, baselineBrier: null, baseRate: null, skill: null, expectedCalibrationError: null, bins: table };
  const brier = brierScore(pairs)!;
  let hits = 0;
  for (const f of pairs) hits += f.y;
  const baseRate = hits / n;
  const baselineBrier = baseRate * (1 - baseRate);
  let ece = 0;
  for (const b of table) if (b.count > 0) ece += (b.count / n) * Math.abs(b.meanPredicted! - b.observedFrequency!);
  return {
    n, brier, baselineBrier, baseRate,
    skill: baselineBrier > 0 ? 1 - brier / baselineBrier : null,
    expectedCalibrationError: Math.min(1, ece),
    bins: table,
  };
}
