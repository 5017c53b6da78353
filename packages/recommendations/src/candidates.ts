/** The catalogue of candidate actions for one month, sized from the state (integer cents throughout). */
import { addMonths } from 'date-fns';
import { INVESTMENT_CATEGORIES, RISK_BANDS, categoryById } from './catalog.js';
import type { Candidate } from './actions.js';
import { equityShare, investedOf, isoDay, requiredOutflow, type PlanState } from './plan-state.js';
import type { Outcome } from './simulate.js';

export interface CandidateContext {
  date: string;
  /** Liquid cash above the floor (cents). */
  budget: number;
  /** The liquidity floor (cents); it sits in checking first. */
  floor: number;
  horizonEnd: Date;
  base: Outcome;
}

const fieldOf = (s: PlanState, list: 'debts' | 'milestones', id: string): number => (s.person[list] as { id: string }[]).findIndex((x) => x.id === id);

export function generateCandidates(s: PlanState, ctx: CandidateContext): Candidate[] {
  const p = s.person;
  const out: Candidate[] = [];
  const band = RISK_BANDS[p.riskTolerance.label];
  const start = new Date(`${ctx.date}T00:00:00Z`);

  const efTarget = band.emergencyMonths * requiredOutflow(s);
  const movable = p.assets.checkingCents - Math.min(ctx.floor, p.assets.checkingCents);
  if (p.assets.savingsCents < efTarget && movable > 0) {
    out.push({ kind: 'emergency-fund', target: 'cash', maxCents: Math.min(efTarget - p.assets.savingsCents, movable), usesBudget: true, divisible: true,
      usedFields: ['assets.savingsCents', 'assets.checkingCents', 'monthlyExpenses.totalCents', 'debts[].minimumPaymentCents', 'riskTolerance.label'] });
  }
  for (const d of p.debts) {
    if (d.balanceCents <= 0) continue;
    const i = fieldOf(s, 'debts', d.id);
    out.push({ kind: 'debt-payment', target: d.id, maxCents: d.balanceCents, usesBudget: true, divisible: true,
      usedFields: [`debts[${i}].balanceCents`, `debts[${i}].annualRate`, `debts[${i}].minimumPaymentCents`] });
  }
  for (const c of INVESTMENT_CATEGORIES) {
    out.push({ kind: 'invest', target: c.id, maxCents: Math.max(0, ctx.budget), usesBudget: true, divisible: true,
      usedFields: ['riskTolerance.label', 'assets.investmentsCents', 'assets.retirementCents'] });
  }

  // Rebalance towards the middle of the band when the equity share is outside it.
  const invested = investedOf(s);
  const share = equityShare(s);
  if (invested > 0 && (share < band.minEquity || share > band.maxEquity)) {
    const mid = (band.minEquity + band.maxEquity) / 2;
    const held = Object.keys(s.holdings).filter((id) => (s.holdings[id] ?? 0) > 0).map(categoryById);
    const tooRisky = share > band.maxEquity;
    const sell = held.sort((a, b) => (tooRisky ? b.equityShare - a.equityShare : a.equityShare - b.equityShare) || a.id.localeCompare(b.id))[0]!;
    const buy = tooRisky ? categoryById('bond-index') : categoryById('equity-index');
    if (sell.id !== buy.id) {
      const x = Math.min(s.holdings[sell.id] ?? 0, Math.round(((mid - share) * invested) / (buy.equityShare - sell.equityShare)));
      if (x > 0) out.push({ kind: 'rebalance', target: `${sell.id}->${buy.id}`, maxCents: x, usesBudget: false, divisible: false, sell: sell.id, buy: buy.id,
        usedFields: ['riskTolerance.label', 'assets.investmentsCents', 'assets.retirementCents'] });
    }
  }

  // Milestone actions, for milestones the mesh does not see as surely funded.
  const worst = Object.entries(ctx.base.funding).filter(([, f]) => f.probability < 0.9).sort((a, b) => a[1].probability - b[1].probability || a[0].localeCompare(b[0]));
  if (worst.length > 0) {
    const [id, f] = worst[0]!;
    const monthsLeft = Math.max(1, monthsBetween(start, new Date(`${f.date}T00:00:00Z`)));
    const need = Math.ceil(f.expectedShortfallCents / monthsLeft);
    const amount = Math.min(Math.floor(p.monthlyExpenses.discretionaryCents / 4), need);
    if (amount > 0) out.push({ kind: 'raise-savings', target: id, maxCents: amount, usesBudget: false, divisible: false,
      usedFields: ['monthlyExpenses.discretionaryCents', `milestones[${fieldOf(s, 'milestones', id)}].amountCents`, `milestones[${fieldOf(s, 'milestones', id)}].date`] });
  }
  for (const [id, f] of Object.entries(ctx.base.funding)) {
    if (f.probability >= 1 || s.schedules[id] !== undefined) continue;
    const i = fieldOf(s, 'milestones', id);
    const m = p.milestones[i]!;
    const flex = m.paymentFlexibility;
    const due = new Date(`${m.date}T00:00:00Z`);
    const used = [`milestones[${i}].paymentFlexibility`, `milestones[${i}].amountCents`, `milestones[${i}].date`];
    if (flex.maxInstallments > 1) {
      const upfront = Math.ceil(flex.minUpfrontShare * m.amountCents);
      let count = flex.maxInstallments - 1;
      while (count > 0 && addMonths(due, count) > ctx.horizonEnd) count--;
      if (count > 0 && upfront < m.amountCents) {
        const rest = m.amountCents - upfront;
        const each = Math.floor(rest / count);
        const parts = [{ amountCents: upfront, date: m.date }];
        for (let k = 1; k <= count; k++) parts.push({ amountCents: k === count ? rest - each * (count - 1) : each, date: isoDay(addMonths(due, k)) });
        out.push({ kind: 'reschedule-milestone', target: id, maxCents: m.amountCents, usesBudget: false, divisible: false, schedule: { variant: 'installments', parts: parts.filter((x) => x.amountCents > 0) }, usedFields: used });
      }
    }
    if (flex.maxDeferralMonths > 0) {
      let months = flex.maxDeferralMonths;
      while (months > 0 && addMonths(due, months) > ctx.horizonEnd) months--;
      if (months > 0) out.push({ kind: 'reschedule-milestone', target: id, maxCents: m.amountCents, usesBudget: false, divisible: false,
        schedule: { variant: 'deferral', parts: [{ amountCents: m.amountCents, date: isoDay(addMonths(due, months)) }] }, usedFields: used });
    }
    if (m.type !== 'retirement' && due <= addMonths(start, 12)) {
      out.push({ kind: 'purchase', target: id, maxCents: m.amountCents, usesBudget: true, divisible: false, usedFields: [`milestones[${i}].amountCents`, `milestones[${i}].date`, 'assets.checkingCents', 'assets.savingsCents'] });
    }
  }
  return out;
}

function monthsBetween(a: Date, b: Date): number {
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}
