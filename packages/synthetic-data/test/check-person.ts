/**
 * Every invariant a Person must satisfy (shared by the consistency and property tests). Returns the violations
 * as messages; plain comparisons rather than `expect` per value keep 10^6 checks fast.
 */
import { addYears, differenceInYears, isAfter, isBefore, parseISO } from 'date-fns';
import type { Person } from '../src/index.js';

const SIGNED_CENTS = new Set(['netWorthCents', 'amountCents']);

function walkCents(value: unknown, path: string, out: [string, unknown][]): void {
  if (Array.isArray(value)) value.forEach((v, i) => walkCents(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('Cents')) out.push([`${path}.${k}`, v]);
      walkCents(v, `${path}.${k}`, out);
    }
  }
}

const day = (iso: string) => parseISO(iso);

export function personProblems(p: Person, startIso: string): string[] {
  const problems: string[] = [];
  const expect = (actual: unknown, label = '') => matchers(actual, `${p.id} ${label}`, problems);
  const start = day(startIso);
  const birth = day(p.birthDate);
  const where = p.id;

  const cents: [string, unknown][] = [];
  walkCents(p, '$', cents);
  for (const [path, v] of cents) {
    expect(Number.isSafeInteger(v), `${where} ${path} integer cents`).toBe(true);
    if (!SIGNED_CENTS.has(path.slice(path.lastIndexOf('.') + 1))) expect(v as number, `${where} ${path} ≥ 0`).toBeGreaterThanOrEqual(0);
  }

  expect(differenceInYears(start, birth)).toBe(p.age);
  expect(p.age).toBeGreaterThanOrEqual(20);
  for (const c of p.household.children) {
    const born = day(c.birthDate);
    expect(isBefore(born, start), `${where} child born before start`).toBe(true);
    expect(isBefore(born, addYears(birth, 18)), `${where} parent ≥ 18 at birth`).toBe(false);
    expect(differenceInYears(start, born)).toBe(c.age);
    expect(c.dependent).toBe(c.age < 18);
  }

  const inc = p.income;
  expect(inc.householdNetAnnualCents).toBeGreaterThan(0);
  expect(inc.householdNetAnnualCents).toBeLessThanOrEqual(inc.householdGrossAnnualCents); // equal when no tax is due
  expect(inc.householdGrossAnnualCents - inc.householdNetAnnualCents).toBe(inc.taxesAnnualCents);
  expect(inc.householdNetMonthlyCents).toBe(Math.round(inc.householdNetAnnualCents / 12));
  expect(inc.personalGrossEarningsAnnualCents).toBeLessThanOrEqual(inc.householdGrossAnnualCents);
  if (!p.occupation.employed) expect(inc.personalGrossEarningsAnnualCents).toBe(0);

  const a = p.assets;
  const debtTotal = p.debts.reduce((s, d) => s + d.balanceCents, 0);
  expect(a.checkingCents + a.savingsCents + a.investmentsCents + a.retirementCents + a.realEstateCents - debtTotal).toBe(p.netWorthCents);
  expect(new Set(p.debts.map((d) => d.id)).size).toBe(p.debts.length);
  for (const d of p.debts) {
    expect(d.balanceCents).toBeGreaterThan(0);
    expect(d.minimumPaymentCents).toBeGreaterThan(0);
    expect(d.minimumPaymentCents).toBeLessThanOrEqual(d.balanceCents);
    expect(d.annualRate).toBeGreaterThan(0);
    expect(d.annualRate).toBeLessThan(0.35);
    expect(d.remainingMonths === null).toBe(d.kind === 'credit-card');
  }
  if (p.debts.some((d) => d.kind === 'mortgage')) expect(a.realEstateCents).toBeGreaterThan(0);

  const e = p.monthlyExpenses;
  expect(e.housingCents + e.utilitiesCents + e.foodCents + e.transportationCents + e.healthcareCents + e.childcareCents + e.insuranceCents + e.discretionaryCents).toBe(e.totalCents);
  const cf = p.cashFlow;
  expect(cf.netIncomeCents).toBe(inc.householdNetMonthlyCents);
  expect(cf.expensesCents).toBe(e.totalCents);
  expect(cf.debtPaymentsCents).toBe(p.debts.reduce((s, d) => s + d.minimumPaymentCents, 0));
  expect(cf.netIncomeCents + cf.savingsDrawCents).toBe(cf.expensesCents + cf.debtPaymentsCents + cf.milestoneSavingCents + cf.otherSavingCents);
  expect(cf.savingsDrawCents === 0 || cf.milestoneSavingCents + cf.otherSavingCents === 0).toBe(true);

  const horizon = addYears(start, 40);
  const lifeEnd = addYears(birth, 95);
  const milestoneIds = new Set(p.milestones.map((m) => m.id));
  expect(milestoneIds.size).toBe(p.milestones.length);
  for (const m of p.milestones) {
    const date = day(m.date);
    expect(isAfter(date, start), `${where} ${m.id} after start`).toBe(true);
    expect(isAfter(date, horizon) || isAfter(date, lifeEnd), `${where} ${m.id} inside life and horizon`).toBe(false);
    expect(m.amountCents).toBeGreaterThan(0);
    expect(m.probability).toBeGreaterThan(0);
    expect(m.probability).toBeLessThanOrEqual(1);
    const f = m.paymentFlexibility;
    expect(f.maxInstallments).toBeGreaterThanOrEqual(1);
    expect(f.minUpfrontShare).toBeGreaterThan(0);
    expect(f.minUpfrontShare).toBeLessThanOrEqual(1);
    const expectedKind = f.maxDeferralMonths > 0 ? (f.maxInstallments > 1 ? 'deferrable-installments' : 'deferrable') : (f.maxInstallments > 1 ? 'installments' : 'fixed');
    expect(f.kind).toBe(expectedKind);
  }
  for (let i = 1; i < p.milestones.length; i++) expect(p.milestones[i - 1]!.date <= p.milestones[i]!.date).toBe(true);

  expect(p.goals.map((g) => g.priority)).toEqual(p.goals.map((_, i) => i + 1));
  for (const g of p.goals) {
    expect(isAfter(day(g.targetDate), start), `${where} goal ${g.kind} due after start`).toBe(true);
    expect(g.targetCents).toBeGreaterThan(0);
    if (g.milestoneId !== null) expect(milestoneIds.has(g.milestoneId)).toBe(true);
  }

  if (p.history === null) return problems;
  const h = p.history;
  expect(h.openingBalanceCents).toBe(a.checkingCents);
  let balance = h.openingBalanceCents;
  const byMonth = new Map<string, number>();
  let transfers = 0;
  let previous = '';
  const debtIds = new Set(p.debts.map((d) => d.id));
  for (const t of h.transactions) {
    expect(t.date >= h.from && t.date <= h.to, `${where} ${t.date} in window`).toBe(true);
    expect(t.date > p.birthDate && t.date < startIso).toBe(true);
    expect(t.date >= previous, `${where} chronological`).toBe(true);
    previous = t.date;
    balance += t.amountCents;
    expect(t.balanceAfterCents).toBe(balance);
    expect(t.balanceAfterCents, `${where} checking never negative`).toBeGreaterThanOrEqual(0);
    byMonth.set(t.date.slice(0, 7), (byMonth.get(t.date.slice(0, 7)) ?? 0) + t.amountCents);
    if (t.kind === 'milestone-saving' || t.kind === 'savings-transfer') transfers -= t.amountCents;
    if (t.kind === 'debt-payment') expect(debtIds.has(t.ref ?? '')).toBe(true);
    if (t.kind === 'milestone-saving') expect(milestoneIds.has(t.ref ?? '')).toBe(true);
    expect(t.amountCents > 0).toBe(t.kind === 'salary' || t.kind === 'retirement-income' || t.kind === 'savings-draw');
  }
  expect(balance).toBe(a.checkingCents);
  for (const net of byMonth.values()) expect(net).toBe(0);
  // Everything moved to savings during the window must have come from balances that still exist.
  expect(transfers).toBeLessThanOrEqual(a.savingsCents + a.investmentsCents);
  return problems;
}

/** The few matchers used above, recording failures instead of throwing. */
function matchers(actual: unknown, label: string, problems: string[]) {
  const fail = (what: string, expected: unknown) => problems.push(`${label}: expected ${JSON.stringify(actual)} ${what} ${JSON.stringify(expected)}`);
  const n = actual as number;
  return {
    toBe: (e: unknown) => { if (!Object.is(actual, e)) fail('to be', e); },
    toEqual: (e: unknown) => { if (JSON.stringify(actual) !== JSON.stringify(e)) fail('to equal', e); },
    toBeGreaterThan: (e: number) => { if (!(n > e)) fail('>', e); },
    toBeGreaterThanOrEqual: (e: number) => { if (!(n >= e)) fail('>=', e); },
    toBeLessThan: (e: number) => { if (!(n < e)) fail('<', e); },
    toBeLessThanOrEqual: (e: number) => { if (!(n <= e)) fail('<=', e); },
  };
}
