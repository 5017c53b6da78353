import fc from 'fast-check';
import { addDays, addMonths, addYears, differenceInCalendarDays, differenceInYears, format, startOfMonth, subDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { generate, generateSubject } from '../src/index.js';
import { personProblems } from './check-person.js';

describe('consistency', () => {
  it('1,000 subjects with 24 months of history satisfy every invariant (mid-month, leap-year start)', () => {
    const start = '2024-02-29';
    const people = generate({ seed: 99, count: 1_000, start, historyMonths: 24 });
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    expect(people.flatMap((p) => personProblems(p, start)).slice(0, 20)).toEqual([]);
    const first = people[0]!.history!;
    expect(first.from).toBe('2022-02-01');
    expect(first.to).toBe('2024-01-31');
    // each of the four kinds of flows the issue names shows up somewhere
    const kinds = new Set(people.flatMap((p) => p.history!.transactions.map((t) => t.kind)));
    for (const k of ['salary', 'bill', 'debt-payment', 'milestone-saving']) expect(kinds.has(k as never), k).toBe(true);
  });

  it('property: any seed, index, start and window gives a consistent subject', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2150, 11, 31)), noInvalidDate: true }),
        fc.integer({ min: 0, max: 36 }),
        (seed, index, date, historyMonths) => {
          const start = date.toISOString().slice(0, 10);
          expect(personProblems(generateSubject({ seed, index, start, historyMonths }), start)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('the checker itself catches broken records', () => {
    const start = '2025-07-01';
    const good = generateSubject({ seed: 1, index: 4, start });
    expect(personProblems(good, start)).toEqual([]);
    const broken = structuredClone(good);
    broken.netWorthCents += 1;
    broken.goals[0]!.targetDate = '2025-06-30';
    broken.history!.transactions[3]!.balanceAfterCents = -5;
    broken.assets.savingsCents = 0.5;
    const problems = personProblems(broken, start).join('\n');
    expect(problems).toMatch(/savingsCents integer cents/);
    expect(problems).toMatch(/goal .* due after start/);
    expect(problems).toMatch(/checking never negative/);
    expect(problems.split('\n').length).toBeGreaterThanOrEqual(4);
  });

  it('our fast date helpers agree with date-fns', async () => {
    const { daysBetween, yearsBetween, addDays: ours, historyWindow, parseIsoDate } = await import('../src/dates.js');
    const base = new Date(1999, 11, 31);
    for (let i = 0; i < 3_000; i += 7) {
      const a = addDays(base, i * 3);
      const b = addDays(base, i * 11 + 400);
      expect(daysBetween(a, b)).toBe(differenceInCalendarDays(b, a));
      expect(yearsBetween(a, b)).toBe(differenceInYears(b, a));
      expect(format(ours(a, i), 'yyyy-MM-dd')).toBe(format(addDays(a, i), 'yyyy-MM-dd'));
    }
    const start = parseIsoDate('2025-03-31')!;
    const w = historyWindow(start, 13);
    expect(w.months).toHaveLength(13);
    expect(format(w.from, 'yyyy-MM-dd')).toBe(format(startOfMonth(addMonths(start, -13)), 'yyyy-MM-dd'));
    expect(format(w.to, 'yyyy-MM-dd')).toBe(format(subDays(startOfMonth(start), 1), 'yyyy-MM-dd'));
    expect(w.months[1]!.dates.at(-1)).toBe('2024-03-31');
    expect(w.months[0]!.days).toBe(29); // February 2024
  });

  it('our month/year arithmetic and internal date parsing agree with date-fns', async () => {
    const { addMonths: oursMonths, addYears: oursYears, ownIsoToDate, toIsoDate } = await import('../src/dates.js');
    const iso = (d: Date): string => format(d, 'yyyy-MM-dd');
    // Every day of 1899–1904 and 1999–2001 (leap years, 1900 not leap, 2000 leap, month ends) plus a few far dates.
    const days: Date[] = [];
    for (const [from, count] of [[new Date(1899, 0, 1), 6 * 366], [new Date(1999, 0, 1), 3 * 366]] as const) {
      for (let i = 0; i < count; i++) days.push(addDays(from, i));
    }
    days.push(new Date(1810, 1, 28), new Date(2200, 11, 31), new Date(2296, 1, 29));
    for (const [i, day] of days.entries()) {
      for (const months of [-1081, -13, -1, 1, 6 + (i % 120), 11, 12, 13]) expect(iso(oursMonths(day, months))).toBe(iso(addMonths(day, months)));
      for (const years of [-(20 + (i % 71)), -1, 18, 40, 95]) expect(iso(oursYears(day, years))).toBe(iso(addYears(day, years)));
      expect(iso(ownIsoToDate(toIsoDate(day)))).toBe(iso(day));
    }
  });
});
