/**
 * One scoring run on the planning mesh. Baseline and candidate runs share the seed, the start date and the horizon,
 * so they see the same market shocks path by path (common random numbers) and their difference is low-variance.
 */
import { addMonths } from 'date-fns';
import { PlanningMesh, amortizeDebt, planningInputFromPerson } from '@omega/stochastic-mesh';
import { portfolioMarket, type PlanState } from './plan-state.js';

export interface SimulationSettings {
  seed: number;
  paths: number;
  horizonYears: number;
}

export interface Outcome {
  /** Funding probability per milestone id considered (paid milestones count 1). */
  funding: Record<string, { probability: number; stdErr: number; expectedShortfallCents: number; date: string; amountCents: number }>;
  /** Mean of the funding probabilities (1 when no milestone is inside the horizon). */
  meanFunding: number;
  netWorthP5Cents: number;
  /** Mean of the worst 5 % of net worth at the horizon. */
  netWorthTailMeanCents: number;
  netWorthMeanCents: number;
  mesh: PlanningMesh;
  /** Real estate − debt left at the horizon (deterministic part of net worth). */
  netWorthOffsetCents: number;
}

/** Milestones scored in a month: not yet paid, due after `date` and inside the horizon. */
export function milestonesInHorizon(s: PlanState, date: string, horizonYears: number): string[] {
  const start = new Date(`${date}T00:00:00Z`);
  const end = addMonths(start, horizonYears * 12);
  return s.person.milestones
    .filter((m) => !s.paid.includes(m.id) && m.amountCents > 0)
    .filter((m) => { const d = new Date(`${m.date}T00:00:00Z`); return d > start && d <= end; })
    .map((m) => m.id);
}

export function simulate(s: PlanState, date: string, considered: readonly string[], settings: SimulationSettings): Outcome {
  const live = considered.filter((id) => !s.paid.includes(id));
  const input = planningInputFromPerson(s.person, {
    asOf: date, seed: settings.seed, paths: settings.paths, horizonYears: settings.horizonYears, unit: 'cents',
    market: portfolioMarket(s), milestoneIds: live,
  });
  const mesh = new PlanningMesh(input);
  const horizonEnd = mesh.dates[mesh.steps]!;
  for (const id of live) {
    const plan = s.schedules[id];
    if (plan === undefined || plan.parts.length === 0) continue;
    if (plan.parts.some((p) => new Date(`${p.date}T00:00:00Z`) > horizonEnd)) continue;
    mesh.pay(id, plan.parts.map((p, i) => (i === plan.parts.length - 1 ? { when: new Date(`${p.date}T00:00:00Z`), rest: true } : { when: new Date(`${p.date}T00:00:00Z`), amount: p.amountCents })));
  }
  const funding: Outcome['funding'] = {};
  const byId = new Map(mesh.milestoneFunding().map((f) => [f.milestoneId, f]));
  for (const id of considered) {
    const m = s.person.milestones.find((x) => x.id === id)!;
    const f = byId.get(id);
    funding[id] = f === undefined
      ? { probability: 1, stdErr: 0, expectedShortfallCents: 0, date: m.date, amountCents: m.amountCents }
      : { probability: f.probability, stdErr: f.stdErr, expectedShortfallCents: f.expectedShortfall, date: m.date, amountCents: m.amountCents };
  }
  const probs = Object.values(funding).map((f) => f.probability);
  const meanFunding = probs.length === 0 ? 1 : probs.reduce((a, b) => a + b, 0) / probs.length;
  const months = mesh.steps * mesh.stepMonths;
  const debtLeft = s.person.debts.reduce((a, d) => a + amortizeDebt(d, months).balances[months]!, 0);
  const offset = s.person.assets.realEstateCents - debtLeft;
  const n = mesh.steps;
  const terminal = Float64Array.from({ length: mesh.paths }, (_, p) => mesh.wealth[p * (n + 1) + n]! + offset).sort();
  const k = Math.max(1, Math.ceil(0.05 * mesh.paths));
  let tail = 0;
  for (let i = 0; i < k; i++) tail += terminal[i]!;
  let sum = 0;
  for (let i = 0; i < terminal.length; i++) sum += terminal[i]!;
  return { funding, meanFunding, netWorthMeanCents: sum / terminal.length, netWorthP5Cents: terminal[Math.floor(0.05 * mesh.paths)]!, netWorthTailMeanCents: tail / k, mesh, netWorthOffsetCents: offset };
}
