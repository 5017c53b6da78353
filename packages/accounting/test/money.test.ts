import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidAmountError, InvalidArgumentError, allocate, dollarsToCents, formatCents, parseCentsString, toCents } from '../src/index.js';

describe('dollarsToCents (half-even at the boundary)', () => {
  it.each([
    ['12.34', 1234n], ['-12.34', -1234n], ['0.125', 12n], ['0.135', 14n], ['0.1251', 13n], ['-0.125', -12n],
    ['-0.135', -14n], ['2.5e1', 2500n], ['1e-7', 0n], ['0.005', 0n], ['0.015', 2n], ['.5', 50n], ['7', 700n], ['7.', 700n],
  ])('%s → %s¢', (text, cents) => {
    expect(dollarsToCents(text)).toBe(cents);
  });

  it('writes numbers as their shortest decimal first', () => {
    expect(dollarsToCents(0.1 + 0.2)).toBe(30n);
    expect(dollarsToCents(1.005)).toBe(100n);
    expect(dollarsToCents(80610)).toBe(8_061_000n);
    expect(dollarsToCents(-0.07)).toBe(-7n);
  });

  it('refuses what is not an amount, naming the field', () => {
    expect(() => dollarsToCents('12,34', 'salary')).toThrow(/salary/);
    expect(() => dollarsToCents('')).toThrow(InvalidAmountError);
    expect(() => dollarsToCents('$5')).toThrow(InvalidAmountError);
    expect(() => dollarsToCents(Number.NaN)).toThrow(InvalidAmountError);
    expect(() => dollarsToCents(Infinity)).toThrow(/finite/);
  });

  it('round-trips formatted cents exactly (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (c) => {
      expect(dollarsToCents(formatCents(c))).toBe(c);
      expect(parseCentsString(formatCents(c))).toBe(c);
    }), { seed: 6, numRuns: 300 });
  });
});

describe('formatCents / parseCentsString / toCents', () => {
  it('formats with exactly two decimals', () => {
    expect(formatCents(0n)).toBe('0.00');
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(-5n)).toBe('-0.05');
    expect(formatCents(-123456n)).toBe('-1234.56');
  });
  it('parseCentsString never rounds', () => {
    expect(() => parseCentsString('1.234')).toThrow(/exactly two decimals/);
    expect(() => parseCentsString('1.2')).toThrow(InvalidAmountError);
  });
  it('toCents accepts integers only', () => {
    expect(toCents(42)).toBe(42n);
    expect(toCents(42n)).toBe(42n);
    expect(() => toCents(4.2)).toThrow(/integer number of cents/);
  });
});

describe('allocate (largest remainder)', () => {
  it('splits 5¢ 70/30 into 4¢ + 1¢', () => {
    expect(allocate(5n, [70, 30])).toEqual([4n, 1n]);
    expect(allocate(5n, [0.7, 0.3])).toEqual([4n, 1n]);
    expect(allocate(5n, ['0.7', '0.3'])).toEqual([4n, 1n]);
  });
  it('gives leftover cents to the largest remainders, earlier parts on ties', () => {
    expect(allocate(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
    expect(allocate(10n, [1, 2, 3])).toEqual([2n, 3n, 5n]);
    expect(allocate(-5n, [70, 30])).toEqual([-4n, -1n]);
    expect(allocate(0n, [1, 2])).toEqual([0n, 0n]);
  });
  it('refuses empty, all-zero and negative weights', () => {
    expect(() => allocate(5n, [])).toThrow(InvalidArgumentError);
    expect(() => allocate(5n, [0, 0])).toThrow(/all be zero/);
    expect(() => allocate(5n, [1, -1])).toThrow(/weights\[1\]/);
  });
  it('sums exactly; each part is within 1¢ of its exact share; zero weights get 0 (property)', () => {
    fc.assert(fc.property(
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
      fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
      (amount, weights) => {
        const parts = allocate(amount, weights);
        expect(parts.reduce((s, p) => s + p, 0n)).toBe(amount);
        const total = BigInt(weights.reduce((s, w) => s + w, 0));
        parts.forEach((p, i) => {
          const w = BigInt(weights[i]!);
          if (w === 0n) expect(p).toBe(0n);
          // |p·W − amount·w| < W  ⇔  |p − exact share| < 1¢
          const gap = p * total - amount * w;
          expect(gap < 0n ? -gap : gap).toBeLessThan(total);
        });
      },
    ), { seed: 7, numRuns: 500 });
  });
});
