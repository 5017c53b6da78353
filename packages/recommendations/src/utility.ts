/** The ranking utility of an action: its measured deltas, money terms scaled by annual net income (unit-free). */
import { positionComponents } from './analysis.js';
import { RISK_BANDS } from './catalog.js';
import type { Candidate } from './actions.js';
import type { PlanState } from './plan-state.js';
import type { Outcome } from './simulate.js';
import type { ActionEffect } from './types.js';

const z = (x: number): number => (x === 0 ? 0 : x); // no −0 in results

/** Annual net income, or annual required outflow when there is no income, or 1¢. */
export function incomeScale(s: PlanState): number {
  const income = 12 * s.person.income.householdNetMonthlyCents;
  if (income > 0) return income;
  const out = 12 * s.person.monthlyExpenses.totalCents;
  return out > 0 ? out : 1;
}

/**
 * utility = ΔF + [w · ½ (ΔP5 + ΔES) + (1 − w) · Δmean] / I + Δposition − consumption given up / I, where F is the
 * mean milestone funding probability, P5, ES and mean the 5th percentile, the worst-5 % mean and the mean of net
 * worth at the horizon, I the base state's annual net income and w the risk band's tail weight (conservative
 * 0.75, moderate 0.5, aggressive 0.25). Spending cuts (`raise-savings`) are charged their cumulative amount over the horizon so a
 * cut is not scored as free money.
 */
export function effectOf(
  baseState: PlanState, base: Outcome, state: PlanState, run: Outcome, c: readonly { c: Candidate; amount: number }[], horizonMonths: number,
): ActionEffect {
  const scale = incomeScale(baseState);
  const dF = run.meanFunding - base.meanFunding;
  const dP5 = run.netWorthP5Cents - base.netWorthP5Cents;
  const dES = run.netWorthTailMeanCents - base.netWorthTailMeanCents;
  const dMean = run.netWorthMeanCents - base.netWorthMeanCents;
  const w = RISK_BANDS[baseState.person.riskTolerance.label].tailWeight;
  const dPos = positionComponents(state).score - positionComponents(baseState).score;
  const consumption = c.filter((x) => x.c.kind === 'raise-savings').reduce((a, x) => a + x.amount * horizonMonths, 0);
  const utility = dF + (w * 0.5 * (dP5 + dES) + (1 - w) * dMean) / scale + dPos - consumption / scale;
  return { fundingProbability: z(dF), netWorthMeanCents: z(Math.round(dMean)), netWorthP5Cents: z(Math.round(dP5)), expectedShortfallCents: z(Math.round(dES)), positionScore: z(dPos), utility: z(utility) };
}
