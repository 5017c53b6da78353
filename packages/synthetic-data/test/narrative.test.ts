import { describe, expect, it } from 'vitest';
import { formatDollars, generate, parseLongDate, type Person } from '../src/index.js';

const MONEY = /-?\$\d{1,3}(?:,\d{3})*/g;
const DATE = /(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/g;
const PERCENT = /\d+(?:\.\d+)?%/g;

function centsFields(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) centsFields(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('Cents') && typeof v === 'number') out.push(v);
      else centsFields(v, out);
    }
  }
  return out;
}

/** Every number and date the text states must be re-derivable from the record. */
function unexplained(p: Person): string[] {
  const { narrative, history: _history, ...record } = p;
  const money = new Set(centsFields(record).map(formatDollars));
  money.add(formatDollars(p.cashFlow.milestoneSavingCents + p.cashFlow.otherSavingCents));
  const dates = new Set([...p.milestones.map((m) => m.date), ...p.goals.map((g) => g.targetDate)]);
  const percents = new Set([
    ...p.debts.map((d) => `${(d.annualRate * 100).toFixed(2)}%`),
    ...p.milestones.flatMap((m) => [`${(m.probability * 100).toFixed(0)}%`, `${(m.paymentFlexibility.minUpfrontShare * 100).toFixed(0)}%`]),
  ]);
  const counts = new Set([
    p.age, p.household.children.length, ...p.household.children.map((c) => c.age), p.riskTolerance.score,
    ...p.milestones.flatMap((m) => [m.paymentFlexibility.maxInstallments, m.paymentFlexibility.maxDeferralMonths]),
  ].map(String));
  const bad: string[] = [];
  let rest = narrative;
  for (const m of narrative.match(DATE) ?? []) if (!dates.has(parseLongDate(m) ?? '')) bad.push(`date ${m}`);
  rest = rest.replace(DATE, ' ');
  for (const m of rest.match(MONEY) ?? []) if (!money.has(m)) bad.push(`money ${m}`);
  rest = rest.replace(MONEY, ' ');
  for (const m of rest.match(PERCENT) ?? []) if (!percents.has(m)) bad.push(`percent ${m}`);
  rest = rest.replace(PERCENT, ' ');
  for (const m of rest.match(/\d+/g) ?? []) if (!counts.has(m)) bad.push(`number ${m}`);
  return bad.map((b) => `${p.id}: ${b}`);
}

describe('narratives', () => {
  const people = generate({ seed: 11, count: 1_000, start: '2025-07-01', historyMonths: 0 });

  it('every number and date in 1,000 narratives is re-derivable from the record', () => {
    expect(people.flatMap(unexplained)).toEqual([]);
  });

  it('the extractor notices a number that is not in the record', () => {
    const p = structuredClone(people[0]!);
    p.narrative += ' A bonus of $123,457 arrives on March 3, 2031 at 9.99%.';
    expect(unexplained(p)).toHaveLength(3);
  });

  it('labels gross and net income honestly', () => {
    for (const p of people) {
      const gross = new RegExp(`\\${formatDollars(p.income.householdGrossAnnualCents)} a year before taxes \\(gross\\)`);
      const net = new RegExp(`\\${formatDollars(p.income.householdNetMonthlyCents)} a month after taxes \\(net\\)`);
      expect(p.narrative).toMatch(gross);
      expect(p.narrative).toMatch(net);
    }
  });

  it('mentions every milestone with its date, amount, probability and payment terms', () => {
    const p = people.find((x) => x.milestones.some((m) => m.paymentFlexibility.maxInstallments > 1))!;
    const m = p.milestones.find((x) => x.paymentFlexibility.maxInstallments > 1)!;
    expect(p.narrative).toContain(`${formatDollars(m.amountCents)}, ${Math.round(m.probability * 100)}% likely`);
    expect(p.narrative).toContain(`up to ${m.paymentFlexibility.maxInstallments} monthly installments`);
  });
});
