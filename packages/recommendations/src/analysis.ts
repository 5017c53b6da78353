/**
 * Position analysis: five bounded component scores, each with its formula, and the milestone outlook from the mesh.
 * The position score (their mean, in [0, 1]) is also one term of the ranking utility.
 */
import { HIGH_RATE_APR, RISK_BANDS } from './catalog.js';
import {
  debtOf, equityShare, investedOf, liquidOf, monthlySurplus, requiredDebtPayments, requiredOutflow, type PlanState,
} from './plan-state.js';
import type { ComponentScore, MilestoneOutlook, PositionAnalysis } from './types.js';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Position without the milestone outlook (cheap: used for every candidate). */
export function positionComponents(s: PlanState): Omit<PositionAnalysis, 'date' | 'milestones' | 'liquidityFloorCents'> {
  const p = s.person;
  const band = RISK_BANDS[p.riskTolerance.label];
  const outflow = requiredOutflow(s);
  const income = p.income.householdNetMonthlyCents;
  const efMonths = outflow > 0 ? p.assets.savingsCents / outflow : band.emergencyMonths;
  const emergencyFund: ComponentScore = {
    value: efMonths,
    score: Math.sqrt(clamp01(efMonths / band.emergencyMonths)),
    formula: `months = savings / (living expenses + required debt payments); score = sqrt(min(1, months / ${band.emergencyMonths}))`,
  };
  const gross = p.income.householdGrossAnnualCents;
  const dti = gross > 0 ? (12 * requiredDebtPayments(s)) / gross : requiredDebtPayments(s) > 0 ? Infinity : 0;
  const debtToIncome: ComponentScore = {
    value: Number.isFinite(dti) ? dti : 1e9,
    score: clamp01(1 - dti / 0.43),
    formula: 'dti = 12 · required debt payments / gross annual income; score = clamp(1 − dti / 0.43, 0, 1)',
  };
  const highRate = p.debts.filter((d) => d.annualRate >= HIGH_RATE_APR).reduce((a, d) => a + d.balanceCents, 0);
  const highMonths = income > 0 ? highRate / income : highRate > 0 ? 1e9 : 0;
  const highRateDebt: ComponentScore = {
    value: highMonths,
    score: clamp01(1 - highMonths / 6),
    formula: `months of net income owed at APR ≥ ${HIGH_RATE_APR * 100} %; score = clamp(1 − months / 6, 0, 1)`,
  };
  const surplus = monthlySurplus(s);
  const rate = income > 0 ? surplus / income : 0;
  const savingsRate: ComponentScore = {
    value: rate,
    score: clamp01(rate / 0.2),
    formula: 'rate = (net income − living expenses − required debt payments) / net income; score = clamp(rate / 0.2, 0, 1)',
  };
  const invested = investedOf(s);
  const share = equityShare(s);
  const dist = invested > 0 ? Math.max(0, band.minEquity - share, share - band.maxEquity) : 0;
  const allocation = {
    value: dist,
    score: clamp01(1 - dist / 0.5),
    formula: `distance of the equity share from [${band.minEquity}, ${band.maxEquity}]; score = clamp(1 − distance / 0.5, 0, 1) (1 when nothing is invested)`,
    equityShare: share,
    band: { min: band.minEquity, max: band.maxEquity },
  };
  const score = (emergencyFund.score + debtToIncome.score + highRateDebt.score + savingsRate.score + allocation.score) / 5;
  return {
    liquidCents: liquidOf(s), investedCents: invested, debtCents: debtOf(s), monthlySurplusCents: surplus,
    emergencyFund, debtToIncome, highRateDebt, savingsRate, allocation, score,
  };
}

export function analysePosition(s: PlanState, date: string, liquidityFloorCents: number, milestones: MilestoneOutlook[]): PositionAnalysis {
  const c = positionComponents(s);
  return { date, liquidCents: c.liquidCents, investedCents: c.investedCents, debtCents: c.debtCents, monthlySurplusCents: c.monthlySurplusCents,
    liquidityFloorCents, emergencyFund: c.emergencyFund, debtToIncome: c.debtToIncome, highRateDebt: c.highRateDebt, savingsRate: c.savingsRate,
    allocation: c.allocation, milestones, score: c.score };
}
