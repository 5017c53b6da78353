/**
 * The scenario matrix: K scenarios × T monthly periods. Mesh paths are grouped into K equal-probability groups by
 * wealth at the last period (q1 = worst); each group's weight is its share of paths. Per period: mean wealth of
 * the group, the plan's cash flow and equity share, and a risk level from the group's own drawdown and liquidity.
 */
import { MARKET } from './catalog.js';
import type { Outcome } from './simulate.js';
import type { RiskLevel, ScenarioMatrix, ScenarioRow } from './types.js';

export interface PlanPath {
  /** Per period t = 1 … T: the plan's monthly cash flow (cents) and equity share of invested money. */
  cashFlowCents: number[];
  equityShare: number[];
  liquidityFloorCents: number;
  /** Annual volatility of the plan's portfolio (the mesh's σ). */
  sigma: number;
}

/**
 * Risk of a group at a period: high when its mean wealth is below the liquidity floor or has fallen ≥ 15 % from
 * its running peak; medium when it is below the starting wealth or ≥ 5 % below its peak; low otherwise.
 */
function riskOf(wealth: number, peak: number, start: number, floor: number): RiskLevel {
  const drawdown = peak > 0 ? (peak - wealth) / peak : 0;
  if (wealth < floor || drawdown >= 0.15) return 'high';
  if (wealth < start || drawdown >= 0.05) return 'medium';
  return 'low';
}

export function scenarioMatrix(run: Outcome, plan: PlanPath, periods: string[], k: number): ScenarioMatrix {
  const mesh = run.mesh;
  const n = mesh.steps;
  const T = Math.min(periods.length, n);
  const b = mesh.paths;
  const order = Array.from({ length: b }, (_, p) => p).sort((x, y) => mesh.wealth[x * (n + 1) + T]! - mesh.wealth[y * (n + 1) + T]! || x - y);
  const start = mesh.wealth[0]!;
  const scenarios: ScenarioRow[] = [];
  for (let g = 0; g < k; g++) {
    const members = order.slice(Math.floor((g * b) / k), Math.floor(((g + 1) * b) / k));
    const wealth: number[] = [];
    const risk: RiskLevel[] = [];
    let peak = start;
    for (let t = 1; t <= T; t++) {
      let sum = 0;
      for (const p of members) sum += mesh.wealth[p * (n + 1) + t]!;
      const w = sum / members.length;
      peak = Math.max(peak, w);
      wealth.push(Math.round(w));
      risk.push(riskOf(w, peak, start, plan.liquidityFloorCents));
    }
    // Annualised investment return of the group (its market index, free of the plan's deposits) over the periods,
    // in excess of the cash rate, per unit of the portfolio's volatility.
    let growth = 0;
    for (const p of members) growth += mesh.market[p * (n + 1) + T]! / mesh.market[p * (n + 1)]!;
    const annual = (growth / members.length) ** (12 / (T * mesh.stepMonths)) - 1;
    const rar = (annual - MARKET.cash.mu) / plan.sigma;
    scenarios.push({
      id: `q${g + 1}`, weight: members.length / b, wealthCents: wealth,
      cashFlowCents: plan.cashFlowCents.slice(0, T), equityShare: plan.equityShare.slice(0, T), risk, riskAdjustedReturn: rar,
    });
  }
  const riskAdjustedReturn = scenarios.reduce((a, s) => a + s.weight * s.riskAdjustedReturn, 0);
  return { periods: periods.slice(0, T), scenarios, riskAdjustedReturn };
}
