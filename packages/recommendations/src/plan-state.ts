/**
 * The evolving state of a plan: a Person-shaped record (so the @omega/stochastic-mesh adapters read it directly)
 * plus what the Person model cannot hold (invested money by catalogue category, adopted milestone schedules).
 */
import { addMonths } from 'date-fns';
import type { Person } from '@omega/synthetic-data';
import { ASSUMED_EXISTING_CATEGORY, MARKET, categoryById } from './catalog.js';
import { InvalidPersonError } from './errors.js';

export interface MilestoneSchedule {
  /** Part amounts (cents) and their dates (`YYYY-MM-DD`). */
  parts: { amountCents: number; date: string }[];
  variant: 'installments' | 'deferral';
}

export interface PlanState {
  person: Person;
  /** Invested money (taxable + retirement) by catalogue category, cents. */
  holdings: Record<string, number>;
  schedules: Record<string, MilestoneSchedule>;
  /** Milestones already paid (by a purchase recommendation or on their date). */
  paid: string[];
}

const isCents = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Check the fields the planner reads, naming the first bad one. */
export function checkPerson(person: Person): void {
  if (person === null || typeof person !== 'object') throw new InvalidPersonError('person', 'a Person record', person);
  for (const k of ['checkingCents', 'savingsCents', 'investmentsCents', 'retirementCents', 'realEstateCents'] as const) {
    if (!isCents(person.assets?.[k])) throw new InvalidPersonError(`person.assets.${k}`, 'integer cents ≥ 0', person.assets?.[k]);
  }
  if (!isCents(person.income?.householdNetMonthlyCents)) throw new InvalidPersonError('person.income.householdNetMonthlyCents', 'integer cents ≥ 0', person.income?.householdNetMonthlyCents);
  if (!isCents(person.income?.householdGrossAnnualCents)) throw new InvalidPersonError('person.income.householdGrossAnnualCents', 'integer cents ≥ 0', person.income?.householdGrossAnnualCents);
  if (!isCents(person.monthlyExpenses?.totalCents)) throw new InvalidPersonError('person.monthlyExpenses.totalCents', 'integer cents ≥ 0', person.monthlyExpenses?.totalCents);
  if (!isCents(person.monthlyExpenses?.discretionaryCents)) throw new InvalidPersonError('person.monthlyExpenses.discretionaryCents', 'integer cents ≥ 0', person.monthlyExpenses?.discretionaryCents);
  if (!Array.isArray(person.debts)) throw new InvalidPersonError('person.debts', 'an array', person.debts);
  person.debts.forEach((d, i) => {
    if (!isCents(d.balanceCents)) throw new InvalidPersonError(`person.debts[${i}].balanceCents`, 'integer cents ≥ 0', d.balanceCents);
    if (!isCents(d.minimumPaymentCents)) throw new InvalidPersonError(`person.debts[${i}].minimumPaymentCents`, 'integer cents ≥ 0', d.minimumPaymentCents);
    if (!(d.annualRate >= 0 && d.annualRate < 1)) throw new InvalidPersonError(`person.debts[${i}].annualRate`, 'a fraction in [0, 1)', d.annualRate);
  });
  if (!Array.isArray(person.milestones)) throw new InvalidPersonError('person.milestones', 'an array', person.milestones);
  const label = person.riskTolerance?.label;
  if (label !== 'conservative' && label !== 'moderate' && label !== 'aggressive') throw new InvalidPersonError('person.riskTolerance.label', "'conservative' | 'moderate' | 'aggressive'", label);
}

export function initialState(person: Person): PlanState {
  checkPerson(person);
  const copy = structuredClone(person);
  const invested = copy.assets.investmentsCents + copy.assets.retirementCents;
  return { person: copy, holdings: invested > 0 ? { [ASSUMED_EXISTING_CATEGORY]: invested } : {}, schedules: {}, paid: [] };
}

export function cloneState(s: PlanState): PlanState {
  return structuredClone(s);
}

export const liquidOf = (s: PlanState): number => s.person.assets.checkingCents + s.person.assets.savingsCents;
export const investedOf = (s: PlanState): number => Object.values(s.holdings).reduce((a, b) => a + b, 0);
export const debtOf = (s: PlanState): number => s.person.debts.reduce((a, d) => a + d.balanceCents, 0);
export const requiredDebtPayments = (s: PlanState): number => s.person.debts.reduce((a, d) => a + (d.balanceCents > 0 ? Math.min(d.minimumPaymentCents, d.balanceCents) : 0), 0);
/** Living expenses + required debt payments per month. */
export const requiredOutflow = (s: PlanState): number => s.person.monthlyExpenses.totalCents + requiredDebtPayments(s);
export const monthlySurplus = (s: PlanState): number => s.person.income.householdNetMonthlyCents - requiredOutflow(s);

/** Equity share of invested money (0 when nothing is invested). */
export function equityShare(s: PlanState): number {
  const total = investedOf(s);
  if (total <= 0) return 0;
  let e = 0;
  for (const [id, v] of Object.entries(s.holdings)) e += categoryById(id).equityShare * v;
  return e / total;
}

/** Return and volatility of all financial wealth (cash + holdings), from equity/bond/cash exposures. */
export function portfolioMarket(s: PlanState): { mu: number; sigma: number } {
  const cash = liquidOf(s);
  const total = cash + investedOf(s);
  if (total <= 0) return { mu: MARKET.cash.mu, sigma: MARKET.cash.sigma };
  let eq = 0;
  let bd = 0;
  for (const [id, v] of Object.entries(s.holdings)) {
    const c = categoryById(id);
    eq += c.equityShare * v;
    bd += (1 - c.equityShare) * v;
  }
  const we = eq / total;
  const wb = bd / total;
  const wc = cash / total;
  const { equity: q, bonds: b, cash: k, correlation: rho } = MARKET;
  const mu = we * q.mu + wb * b.mu + wc * k.mu;
  const variance = (we * q.sigma) ** 2 + (wb * b.sigma) ** 2 + 2 * rho * we * wb * q.sigma * b.sigma + (wc * k.sigma) ** 2;
  return { mu, sigma: Math.max(Math.sqrt(variance), 1e-4) };
}

/** Move invested money into the Person's accounts: taxable first, keeping the retirement balance fixed. */
export function syncInvested(s: PlanState): void {
  const total = investedOf(s);
  s.person.assets.investmentsCents = Math.max(0, total - s.person.assets.retirementCents);
  s.person.assets.retirementCents = Math.min(s.person.assets.retirementCents, total);
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
export const monthDate = (asOf: string, month: number): string => isoDay(addMonths(new Date(`${asOf}T00:00:00Z`), month));
