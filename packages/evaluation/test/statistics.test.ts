import { describe, expect, it } from 'vitest';
import { bootstrapInterval, gradeInterval, gradeValue, GRADE_RULES, intraListDiversity, jaccardDistance, worstGrade } from '../src/index.js';
import { meanOf } from '../src/stats/bootstrap.js';
import { quantile } from '../src/stats/quantile.js';

describe('bootstrap intervals', () => {
  const values = Array.from({ length: 200 }, (_, i) => (i % 10) / 9);
  const stat = (idx: Int32Array) => meanOf(values, idx);

  it('are seeded: same seed and stream → same interval; another stream → another one', () => {
    const a = bootstrapInterval(values.length, stat, { seed: 3, stream: 0 });
    const b = bootstrapInterval(values.length, stat, { seed: 3, stream: 0 });
    const c = bootstrapInterval(values.length, stat, { seed: 3, stream: 1 });
    expect(a).toEqual(b);
    expect(c.lo).not.toBe(a.lo);
  });

  it('bracket the mean with about the normal-theory width', () => {
    const iv = bootstrapInterval(values.length, stat, { seed: 5, stream: 0, resamples: 2000 });
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(iv.estimate).toBeCloseTo(mean, 12);
    expect(iv.lo!).toBeLessThan(mean);
    expect(iv.hi!).toBeGreaterThan(mean);
    const width = iv.hi! - iv.lo!;
    const normal = 2 * 1.96 * (sd / Math.sqrt(values.length));
    expect(Math.abs(width - normal) / normal).toBeLessThan(0.15);
  });

  it('are null when the statistic is undefined', () => {
    expect(bootstrapInterval(5, () => null, { seed: 1, stream: 0 })).toEqual({ estimate: null, lo: null, hi: null });
    expect(bootstrapInterval(0, () => 1, { seed: 1, stream: 0 }).estimate).toBeNull();
  });
});

describe('quantile, diversity, grades', () => {
  it('quantile interpolates like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 5], 0.05)).toBeCloseTo(0.5, 12);
  });

  it('intra-list diversity is the mean pairwise Jaccard distance', () => {
    expect(jaccardDistance(['a', 'b'], ['b', 'c'])).toBeCloseTo(2 / 3, 12);
    expect(intraListDiversity([['a'], ['a'], ['b']])).toBeCloseTo((0 + 1 + 1) / 3, 12);
    expect(intraListDiversity([['a']])).toBeNull();
  });

  it('grades read the pessimistic interval end against the documented thresholds', () => {
    const feasibility = GRADE_RULES.find((r) => r.metric === 'feasibilityRate')!;
    const violations = GRADE_RULES.find((r) => r.metric === 'suitabilityViolationRate')!;
    expect(gradeValue(feasibility, 0.99)).toBe('A');
    expect(gradeValue(feasibility, 0.9899)).toBe('B');
    expect(gradeValue(feasibility, 0.5)).toBe('F');
    expect(gradeInterval(feasibility, { estimate: 0.995, lo: 0.93, hi: 1 })).toEqual({ grade: 'C', gradedValue: 0.93 });
    expect(gradeInterval(violations, { estimate: 0.0, lo: 0, hi: 0.04 })).toEqual({ grade: 'C', gradedValue: 0.04 });
    expect(gradeInterval(violations, { estimate: null, lo: null, hi: null })).toBeNull();
    expect(worstGrade(['A', 'C', 'B'])).toBe('C');
    expect(worstGrade([])).toBeNull();
  });
});
