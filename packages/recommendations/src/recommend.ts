/** The public entry: a month-by-month plan for one person. */
import type { Person } from '@omega/synthetic-data';
import { analysePosition } from './analysis.js';
import { applyMonthCashFlow, growAndPay } from './advance-month.js';
import { RISK_BANDS } from './catalog.js';
import { scenarioMatrix } from './matrix.js';
import { resolveOptions } from './options.js';
import { nextMonthDate, planMonth } from './plan-month.js';
import { equityShare, initialState, liquidOf, monthDate, monthlySurplus, portfolioMarket, requiredOutflow } from './plan-state.js';
import { milestonesInHorizon, simulate } from './simulate.js';
import type { DroppedCandidate, MilestoneOutlook, PositionAnalysis, Recommendation, RecommendationPlan, RecommendOptions } from './types.js';

/**
 * Plan `months` months from `asOf`. Each month: the month's pay cycle, then every candidate action is scored on the
 * planning mesh against the same month without it (same seed: common random numbers), infeasible candidates are
 * dropped with their reason, the budget (liquid cash above the liquidity floor) is split by marginal utility, and
 * the best `perMonth` actions are emitted and applied. The floor is one month of living expenses + required debt
 * payments, or the liquid cash held before or after the month's pay cycle when that is less.
 */
export function recommend(person: Person, options: RecommendOptions): RecommendationPlan {
  const o = resolveOptions(options);
  let state = initialState(person);
  const settings = { seed: o.seed, paths: o.paths, horizonYears: o.horizonYears };
  const recommendations: Recommendation[] = [];
  const dropped: DroppedCandidate[] = [];
  let analysis: PositionAnalysis | undefined;
  let matrixRun: ReturnType<typeof simulate> | undefined;
  const periods: string[] = [];
  const cashFlowCents: number[] = [];
  const equityShares: number[] = [];
  let firstFloor = 0;
  let sigma = 1;
  for (let month = 0; month < o.months; month++) {
    const date = monthDate(o.asOf, month);
    const outflow = requiredOutflow(state);
    const liquidBefore = liquidOf(state);
    applyMonthCashFlow(state);
    const floor = Math.max(0, Math.min(outflow, liquidBefore, liquidOf(state)));
    const considered = milestonesInHorizon(state, date, o.horizonYears);
    const result = planMonth(state, month, date, floor, considered, settings, o.perMonth);
    if (month === 0) {
      firstFloor = floor;
      const milestones: MilestoneOutlook[] = Object.entries(result.base.funding).map(([id, f]) => ({
        milestoneId: id, date: f.date, amountCents: f.amountCents, fundingProbability: f.probability, stdErr: f.stdErr,
        expectedShortfallCents: Math.round(f.expectedShortfallCents),
      }));
      analysis = analysePosition(state, date, floor, milestones);
      matrixRun = simulate(result.state, date, considered, settings);
      sigma = portfolioMarket(result.state).sigma;
    }
    recommendations.push(...result.recommendations);
    dropped.push(...result.dropped);
    state = result.state;
    const next = nextMonthDate(date);
    periods.push(next);
    cashFlowCents.push(monthlySurplus(state));
    equityShares.push(equityShare(state));
    growAndPay(state, date, next);
  }
  const band = RISK_BANDS[person.riskTolerance.label];
  return {
    kind: 'omega-recommendation-plan', version: 1, personId: person.id, asOf: o.asOf, months: o.months, seed: o.seed, paths: o.paths,
    horizonYears: o.horizonYears, riskBand: { label: band.label, minEquity: band.minEquity, maxEquity: band.maxEquity },
    analysis: analysis!, recommendations, dropped,
    matrix: scenarioMatrix(matrixRun!, { cashFlowCents, equityShare: equityShares, liquidityFloorCents: firstFloor, sigma }, periods, o.scenarios),
  };
}
