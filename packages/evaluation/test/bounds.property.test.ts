import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, evaluateSubject, isWithinRange, METRICS, OMEGA_RECOMMENDER as recommender, type MetricId, type SubjectResult } from '../src/index.js';

const day = fc.record({ y: fc.integer({ min: 2000, max: 2060 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const settings = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 40 }),
  asOf: day,
  // The engine plans month by month (~70 ms a month here); one or two months keep this test fast.
  months: fc.integer({ min: 1, max: 2 }),
  horizonYears: fc.integer({ min: 1, max: 15 }),
  paths: fc.integer({ min: 2, max: 40 }),
  outcomeDraws: fc.integer({ min: 2, max: 6 }),
  recommenderPaths: fc.integer({ min: 20, max: 40 }),
});

function checkSubject(r: SubjectResult): void {
  for (const [id, v] of Object.entries(r.metrics)) expect(isWithinRange(id as MetricId, v), `${id} = ${v}`).toBe(true);
  for (const p of [r.successWith, r.successWithout]) expect(p >= 0 && p <= 1).toBe(true);
  for (const f of r.forecasts) {
    expect(f.predicted >= 0 && f.predicted <= 1).toBe(true);
    expect(Number.isInteger(f.funded) && f.funded >= 0 && f.funded <= f.draws).toBe(true);
  }
  expect(Number.isFinite(r.p05With) && Number.isFinite(r.p05Without)).toBe(true);
}

describe('every metric stays inside its range', () => {
  it('per subject, on random subjects, dates and mesh sizes', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 0, max: 100_000 }), (s, index) => {
        checkSubject(evaluateSubject(index, s, recommender));
      }),
      { numRuns: 30, seed: 20251127 },
    );
  });

  it('in the aggregate, point estimates and both interval ends', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 4 }), (s, first, n) => {
        const results = Array.from({ length: n }, (_, k) => evaluateSubject(first + k, s, recommender));
        const agg = aggregate(results, { ...s, subjects: n, bootstrapResamples: 50 }, recommender.name);
        expect(agg.metrics.map((m) => m.id)).toEqual(METRICS.map((m) => m.id));
        for (const m of agg.metrics) {
          for (const v of [m.estimate, m.ci95[0], m.ci95[1]]) expect(isWithinRange(m.id, v), `${m.id} = ${v}`).toBe(true);
          if (m.ci95[0] !== null && m.ci95[1] !== null) expect(m.ci95[0]).toBeLessThanOrEqual(m.ci95[1]);
        }
      }),
      { numRuns: 8, seed: 7 },
    );
  });
});
