import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDollars } from '../src/index.js';
import { normalCdf, normalQuantile } from '../src/normal.js';
import { annualTaxesCents } from '../src/tax.js';
import { streamState } from '../src/random.js';
import { sortSmallStable } from '../src/stable-sort.js';

describe('numerical building blocks', () => {
  it('normal quantile and CDF match known values and invert each other', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    for (const p of [1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6]) expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(2e-7);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });

  it('tax model: 2024 single filer with $60,000 of wages', () => {
    // taxable 45,400: 1,160 + 12 % × 33,800 = 5,216; payroll 7.65 % = 4,590; no state tax
    expect(annualTaxesCents({ filingStatus: 'single', grossCents: 6_000_000, wageCentsPerEarner: [6_000_000], childrenUnder17: 0, stateRate: 0 })).toBe(980_600);
    // two children under 17 cut federal income tax by $4,000
    expect(annualTaxesCents({ filingStatus: 'single', grossCents: 6_000_000, wageCentsPerEarner: [6_000_000], childrenUnder17: 2, stateRate: 0 })).toBe(580_600);
  });

  it('formats whole dollars with grouping', () => {
    expect([0, 49, 150, 123_456_789, -100_050, 100_000_000].map(formatDollars)).toEqual(['$0', '$0', '$2', '$1,234,568', '-$1,001', '$1,000,000']);
  });

  it('stream states differ across seeds, indices and lanes', () => {
    const states = new Set<string>();
    for (let seed = 0; seed < 20; seed++) for (let index = 0; index < 50; index++) for (const lane of [1, 2]) states.add(streamState(seed, index, lane).join(','));
    expect(states.size).toBe(20 * 50 * 2);
  });
});

describe('sortSmallStable', () => {
  it('orders like the (stable) built-in sort, ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), tag: fc.nat() }), { maxLength: 40 }), (items) => {
        const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
        expect(sortSmallStable(items.slice(), byKey)).toEqual(items.slice().sort(byKey));
      }),
      { numRuns: 300 },
    );
  });
});
