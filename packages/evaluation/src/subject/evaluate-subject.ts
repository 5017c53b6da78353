/**
 * One subject, end to end: generate (seeded) → ledger from the profile → planning mesh → recommendations →
 * feasibility and suitability → meshes with and without the feasible recommendations (same seed: common random
 * numbers) → forecasts checked against outcome paths simulated from an independent seed.
 */
import { isMeshError, PlanningMesh, type PlanningInput } from '@omega/stochastic-mesh';
import { generateSubject, type Person } from '@omega/synthetic-data';
import { intraListDiversity } from '../metrics/diversity.js';
import { deriveSeed, LANE } from '../seeds.js';
import { quantile } from '../stats/quantile.js';
import { checkFeasibility } from './feasibility.js';
import { meshChanges } from './mesh-effects.js';
import { ledgerFromProfile } from './profile-ledger.js';
import { blendMarket, planFromProfile } from './profile-plan.js';
import type { RecommendationView } from './recommendation-view.js';
import type { Recommender } from './recommender.js';
import { FAN_PERCENTILES, type SubjectResult } from './subject-result.js';
import { suitabilityViolations } from './suitability.js';

export interface SubjectSettings {
  seed: number;
  /** `YYYY-MM-DD`: the subjects' "today" and the plan's first day. */
  asOf: string;
  /** Months of recommendations asked for. */
  months: number;
  horizonYears: number;
  /** Paths of the prediction meshes. */
  paths: number;
  /** Paths of the outcome simulation (independent seed): outcomes per milestone. */
  outcomeDraws: number;
  /** Paths the recommendation engine may use for its own scoring. */
  recommenderPaths: number;
}

function featuresOf(person: Person, rec: RecommendationView): string[] {
  const debt = person.debts.find((d) => d.id === rec.target);
  const milestone = person.milestones.find((m) => m.id === rec.target);
  const target = debt ? `debt:${debt.kind}` : milestone ? `milestone:${milestone.type}` : `target:${rec.target}`;
  return [`kind:${rec.kind}`, target, ...rec.transfers.flatMap((t) => [`from:${t.from}`, `to:${t.to}`])];
}

function terminalP05(mesh: PlanningMesh): number {
  const n = mesh.steps;
  const terminal = Float64Array.from({ length: mesh.paths }, (_, p) => mesh.wealth[p * (n + 1) + n]!);
  return quantile(terminal, 0.05);
}

function yearlyFan(mesh: PlanningMesh): number[][] {
  const n = mesh.steps;
  const perYear = Math.max(1, Math.round(12 / mesh.stepMonths));
  const out: number[][] = [];
  const col = new Float64Array(mesh.paths);
  for (let j = 0; j <= n; j += perYear) {
    for (let p = 0; p < mesh.paths; p++) col[p] = mesh.wealth[p * (n + 1) + j]!;
    out.push(FAN_PERCENTILES.map((q) => quantile(col, q / 100)));
  }
  return out;
}

/** The engine's recommendations, or its failure: a crash is a measured outcome, not a reason to stop the run. */
function askEngine(recommender: Recommender, person: Person, s: SubjectSettings, index: number): { recs: readonly RecommendationView[]; error: string | null } {
  try {
    const recs = recommender.recommend(person, { months: s.months, seed: deriveSeed(s.seed, index, LANE.recommend), asOf: s.asOf, paths: s.recommenderPaths });
    return { recs, error: null };
  } catch (e) {
    const err = e as Error;
    return { recs: [], error: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}` };
  }
}

export function evaluateSubject(index: number, s: SubjectSettings, recommender: Recommender): SubjectResult {
  const person = generateSubject({ seed: s.seed, index, start: s.asOf, historyMonths: 0 });
  const plan = planFromProfile(person, s.asOf, s.horizonYears, s.paths, deriveSeed(s.seed, index, LANE.mesh));
  const { recs, error: engineError } = askEngine(recommender, person, s, index);

  const verdicts = checkFeasibility(ledgerFromProfile(person, s.asOf, s.months), person, recs);
  const feasibleIdx = recs.flatMap((_, i) => (verdicts[i]!.feasible ? [i] : []));
  const meshMilestones = new Set((plan.input.milestones ?? []).map((m) => m.id));
  const changes = meshChanges(person, meshMilestones, plan.horizonEnd, s.asOf, feasibleIdx.map((i) => recs[i]!));

  const base = plan.input.initialWealth;
  const withInput: PlanningInput = {
    ...plan.input,
    initialWealth: base + changes.initialWealthDelta,
    flows: [...(plan.input.flows ?? []), ...changes.flows],
    market: blendMarket(plan.cash + changes.cashDelta, plan.invested + changes.investedDelta),
  };
  const without = new PlanningMesh(plan.input);
  const withRecs = new PlanningMesh(withInput);
  const outcome = new PlanningMesh({ ...withInput, paths: s.outcomeDraws, seed: deriveSeed(s.seed, index, LANE.outcome) });
  for (const p of changes.plans) {
    const recIndex = feasibleIdx[p.rec]!;
    try {
      withRecs.pay(p.milestoneId, p.parts);
    } catch (e) {
      // The mesh refuses a payment now that the wealth cannot cover: the recommendation was not feasible after all.
      if (!isMeshError(e)) throw e;
      verdicts[recIndex] = { feasible: false, rules: [...verdicts[recIndex]!.rules, `mesh:${e.code}`] };
      continue;
    }
    outcome.pay(p.milestoneId, p.parts);
  }

  const outcomeFunding = new Map(outcome.milestoneFunding().map((f) => [f.milestoneId, f.probability]));
  const forecasts = withRecs.milestoneFunding().map((f) => ({
    milestoneId: f.milestoneId, predicted: f.probability, draws: s.outcomeDraws, funded: Math.round(outcomeFunding.get(f.milestoneId)! * s.outcomeDraws),
  }));
  const outcomes = recs.map((rec, i) => ({
    id: rec.id, kind: rec.kind, target: rec.target, amountCents: rec.amountCents,
    feasible: verdicts[i]!.feasible, infeasibleBecause: verdicts[i]!.rules, suitabilityViolations: suitabilityViolations(person, rec),
  }));
  const feasibleCount = outcomes.filter((o) => o.feasible).length;
  const violating = outcomes.filter((o) => o.suitabilityViolations.length > 0).length;
  const successWith = 1 - withRecs.ruinProbability().value;
  const successWithout = 1 - without.ruinProbability().value;
  const p05With = terminalP05(withRecs);
  const p05Without = terminalP05(without);

  return {
    index, personId: person.id, ageBand: person.ageBand, riskLabel: person.riskTolerance.label, engineError,
    recommendations: outcomes,
    metrics: {
      engineFailureRate: engineError === null ? 0 : 1,
      feasibilityRate: recs.length === 0 ? null : feasibleCount / recs.length,
      suitabilityViolationRate: recs.length === 0 ? null : violating / recs.length,
      intraListDiversity: intraListDiversity(recs.map((r) => featuresOf(person, r))),
      deltaSuccessProbability: successWith - successWithout,
      deltaP05NetWorth: p05With - p05Without,
      meshNodes: withRecs.paths * (withRecs.steps + 1),
      solidifiedNodes: withRecs.history.filter((h) => h.solid).length,
      horizonCoverage: plan.milestonesTotal === 0 ? null : plan.milestonesInHorizon / plan.milestonesTotal,
    },
    successWith, successWithout, p05With, p05Without, forecasts,
    wealthFan: yearlyFan(withRecs),
  };
}
