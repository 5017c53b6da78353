/**
 * One month of the plan: score every candidate on the mesh against the month's baseline (common random numbers),
 * drop the infeasible ones with their reason, split the month's budget by marginal utility, rank, emit.
 */
import { addMonths } from 'date-fns';
import type { Candidate } from './actions.js';
import { checkActions } from './feasibility.js';
import { liquidOf, type PlanState } from './plan-state.js';
import { generateCandidates } from './candidates.js';
import { simulate, type Outcome, type SimulationSettings } from './simulate.js';
import { effectOf } from './utility.js';
import type { ActionEffect, DroppedCandidate, Recommendation, Transfer } from './types.js';

/** The month's budget is allocated in this many equal slices, each to the action with the best marginal utility. */
const BUDGET_SLICES = 4;

interface Chosen { c: Candidate; amount: number }

export interface MonthResult {
  state: PlanState;
  base: Outcome;
  recommendations: Recommendation[];
  dropped: DroppedCandidate[];
}

const keyOf = (c: Candidate): string => `${c.kind}:${c.target}${c.schedule ? `:${c.schedule.variant}` : ''}`;

export function planMonth(
  state: PlanState, month: number, date: string, floor: number, considered: readonly string[], settings: SimulationSettings, perMonth: number,
): MonthResult {
  const horizonMonths = settings.horizonYears * 12;
  const base = simulate(state, date, considered, settings);
  const horizonEnd = base.mesh.dates[base.mesh.steps]!;
  const budget = Math.max(0, liquidOf(state) - floor);
  const candidates = generateCandidates(state, { date, budget, floor, horizonEnd, base });
  const dropped = new Map<string, DroppedCandidate>();
  const drop = (c: Candidate, amount: number, reason: DroppedCandidate['reason'], detail: string): void => {
    if (!dropped.has(keyOf(c))) dropped.set(keyOf(c), { month, kind: c.kind, target: c.target, amountCents: amount, reason, detail });
  };
  const score = (actions: Chosen[], against: { state: PlanState; run: Outcome }, charged: Chosen[] = actions): { effect: ActionEffect; state: PlanState; run: Outcome; transfers: Transfer[][] } | { reason: DroppedCandidate['reason']; detail: string } => {
    const f = checkActions(state, date, floor, actions);
    if (!f.ok) return f;
    const run = simulate(f.state, date, considered, settings);
    return { effect: effectOf(against.state, against.run, f.state, run, charged, horizonMonths), state: f.state, run, transfers: f.transfers };
  };
  const baseRef = { state, run: base };

  // Stand-alone score of every candidate at its full size: the alternatives list and the non-budget choices.
  const standalone = new Map<string, { c: Candidate; amount: number; effect: ActionEffect }>();
  for (const c of candidates) {
    const amount = c.usesBudget ? Math.min(c.maxCents, budget) : c.maxCents;
    if (amount <= 0) { drop(c, 0, 'no-budget', `no liquid cash above the floor ${floor}¢ this month`); continue; }
    const r = score([{ c, amount }], baseRef);
    if ('reason' in r) { drop(c, amount, r.reason, r.detail); continue; }
    if (r.effect.utility <= 0) { drop(c, amount, 'no-improvement', `utility ${r.effect.utility.toExponential(3)} ≤ 0 (ΔF ${r.effect.fundingProbability.toFixed(4)}, ΔP5 ${r.effect.netWorthP5Cents}¢)`); continue; }
    standalone.set(keyOf(c), { c, amount, effect: r.effect });
  }

  // Non-budget actions: the best variant per (kind, target), applied before the budget is split.
  const chosen: Chosen[] = [];
  const bestFree = new Map<string, { c: Candidate; amount: number; effect: ActionEffect }>();
  for (const s of standalone.values()) {
    if (s.c.usesBudget) continue;
    const k = `${s.c.kind}:${s.c.target}`;
    const prev = bestFree.get(k);
    if (prev === undefined || s.effect.utility > prev.effect.utility) bestFree.set(k, s);
  }
  for (const s of [...bestFree.values()].sort((a, b) => b.effect.utility - a.effect.utility || keyOf(a.c).localeCompare(keyOf(b.c)))) {
    const r = score([...chosen, { c: s.c, amount: s.amount }], baseRef);
    if (!('reason' in r)) chosen.push({ c: s.c, amount: s.amount });
  }

  // Budget: BUDGET_SLICES slices, each to the candidate whose marginal utility per cent is highest.
  const allocation = new Map<string, Chosen>();
  const spendable = [...standalone.values()].filter((s) => s.c.usesBudget).map((s) => s.c);
  let current = chosen.length === 0 ? baseRef : (() => { const r = score(chosen, baseRef); return 'reason' in r ? baseRef : { state: r.state, run: r.run }; })();
  let left = budget;
  const slice = Math.floor(budget / BUDGET_SLICES);
  for (let i = 0; i < BUDGET_SLICES && left > 0; i++) {
    const size = i === BUDGET_SLICES - 1 ? left : slice;
    if (size <= 0) continue;
    let best: { c: Candidate; add: number; perCent: number; next: { state: PlanState; run: Outcome } } | undefined;
    for (const c of spendable) {
      const have = allocation.get(keyOf(c))?.amount ?? 0;
      const add = c.divisible ? Math.min(size, c.maxCents - have) : have > 0 || c.maxCents > left ? 0 : c.maxCents;
      if (add <= 0) continue;
      const actions = [...chosen, ...[...allocation.values()].filter((x) => x.c !== c), { c, amount: have + add }];
      // Only the slice's own action is charged: spending cuts chosen earlier are already in `current`.
      const r = score(actions, current, [{ c, amount: add }]);
      if ('reason' in r) { drop(c, have + add, r.reason, r.detail); continue; }
      const perCent = r.effect.utility / add;
      if (perCent > 0 && (best === undefined || perCent > best.perCent)) best = { c, add, perCent, next: { state: r.state, run: r.run } };
    }
    if (best === undefined) break;
    const have = allocation.get(keyOf(best.c))?.amount ?? 0;
    allocation.set(keyOf(best.c), { c: best.c, amount: have + best.add });
    left -= best.add;
    current = best.next;
  }

  // Final: each action's stand-alone effect at its final amount, ranked; the top `perMonth` are emitted.
  const finals = [...chosen, ...allocation.values()].map((x) => {
    const r = score([x], baseRef);
    return 'reason' in r ? undefined : { ...x, effect: r.effect, transfers: r.transfers[0]! };
  }).filter((x): x is NonNullable<typeof x> => x !== undefined && x.effect.utility > 0)
    .sort((a, b) => b.effect.utility - a.effect.utility || keyOf(a.c).localeCompare(keyOf(b.c)));
  const emitted: typeof finals = [];
  for (const f of finals) {
    if (emitted.length >= perMonth) { drop(f.c, f.amount, 'outranked', `ranked below the ${perMonth} recommendations of the month (utility ${f.effect.utility.toExponential(3)})`); continue; }
    const joint = checkActions(state, date, floor, [...emitted, f]);
    if (!joint.ok) { drop(f.c, f.amount, joint.reason, joint.detail); continue; }
    emitted.push(f);
  }
  const joint = checkActions(state, date, floor, emitted);
  if (!joint.ok) throw new Error(`internal: emitted set infeasible (${joint.detail})`);

  const ranked = [...standalone.values()].sort((a, b) => b.effect.utility - a.effect.utility || keyOf(a.c).localeCompare(keyOf(b.c)));
  const recommendations: Recommendation[] = emitted.map((e, i) => ({
    id: `${month}-${e.c.kind}-${e.c.target}${e.c.schedule ? `-${e.c.schedule.variant}` : ''}`,
    month, date, kind: e.c.kind, target: e.c.target, amountCents: e.amount, rank: i + 1, effect: e.effect,
    transfers: joint.transfers[i]!,
    rationale: rationale(e.c, e.amount, e.effect),
    usedFields: e.c.usedFields,
    alternatives: ranked.filter((r) => keyOf(r.c) !== keyOf(e.c) && !emitted.some((x) => keyOf(x.c) === keyOf(r.c))).slice(0, 3)
      .map((r) => ({ kind: r.c.kind, target: r.c.target, amountCents: r.amount, utility: r.effect.utility })),
  }));
  const emittedKeys = new Set(emitted.map((e) => keyOf(e.c)));
  return { state: joint.state, base, recommendations, dropped: [...dropped.entries()].filter(([k]) => !emittedKeys.has(k)).map(([, d]) => d) };
}

const usd = (cents: number): string => `${cents < 0 ? '−' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`;
const pp = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} pp`;

function rationale(c: Candidate, amount: number, e: ActionEffect): string {
  const what: Record<Candidate['kind'], string> = {
    'emergency-fund': `Move ${usd(amount)} from checking into the emergency fund (savings)`,
    'debt-payment': `Pay ${usd(amount)} extra on debt ${c.target}`,
    invest: `Invest ${usd(amount)} in ${c.target}`,
    rebalance: `Rebalance ${usd(amount)} from ${c.sell} to ${c.buy}`,
    'raise-savings': `Cut discretionary spending by ${usd(amount)} a month for milestone ${c.target}`,
    'reschedule-milestone': `Pay milestone ${c.target} by ${c.schedule?.variant === 'deferral' ? 'deferring it' : 'installments'} (${c.schedule?.parts.length ?? 0} part(s))`,
    purchase: `Pay milestone ${c.target} now (${usd(amount)})`,
  };
  return `${what[c.kind]}: milestone funding ${pp(e.fundingProbability)}, 5th-percentile net worth ${e.netWorthP5Cents >= 0 ? '+' : ''}${usd(e.netWorthP5Cents)}, `
    + `worst-5 % mean net worth ${e.expectedShortfallCents >= 0 ? '+' : ''}${usd(e.expectedShortfallCents)}, position score ${e.positionScore >= 0 ? '+' : ''}${e.positionScore.toFixed(3)}.`;
}

export const nextMonthDate = (date: string): string => addMonths(new Date(`${date}T00:00:00Z`), 1).toISOString().slice(0, 10);
