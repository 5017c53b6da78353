/**
 * The Omega planning mesh: a person's wealth over the whole horizon as b simulated market paths (GBM returns on
 * invested wealth plus deterministic income/expense flows and milestone payments), with a position that moves
 * along the realised path.
 *
 * - Market shocks are drawn once per path from (seed, path index); re-rooting after `advanceTo` reuses them, so
 *   the same seed and the same actions always give the same numbers.
 * - `pay` executes the parts of a payment plan that are due now, schedules the rest (fixed dates or per-path
 *   conditions), and solidifies the current node and every ancestor.
 * - Conditional next-step probabilities come from average-density weights on the market factor (Broadie–
 *   Glasserman), normalised per row so they sum to one.
 */
import { addUtcMonths, isAfter, startOfUtcDay } from './utc-calendar.js';
import { InsufficientFundsError, InvalidArgumentError, UnknownEntityError } from '../errors.js';
import { fillNormals, streamFor, assertSeed } from '../random/streams.js';
import type { Estimate } from '../pricing/stopping-rule.js';
import type {
  CashFlowInput, Clock, MilestoneInput, PaymentCapacity, PaymentPart, PaymentWhen, PlanningInput, VisibilityOptions,
} from './planning-types.js';

type Condition = Exclude<PaymentWhen, Date>;

interface ScheduledPart {
  amount: number;
  date?: Date;
  condition?: Condition;
}

interface PendingPart {
  id: string;
  part: ScheduledPart;
  step: number;
}

interface MilestoneState {
  input: MilestoneInput;
  paid: number;
  /** Future parts; undefined = default plan (the remainder on the due date). */
  plan: ScheduledPart[] | undefined;
}

export interface HistoryNode {
  id: string;
  step: number;
  date: Date;
  wealth: number;
  parentId: string | null;
  solid: boolean;
}

export interface PaymentRecord {
  milestoneId: string;
  amount: number;
  date: Date;
  nodeId: string;
}


export interface MilestoneFunding {
  milestoneId: string;
  /** Probability that every remaining part is paid without wealth going negative. */
  probability: number;
  stdErr: number;
  /** Mean over paths of the unfunded amount (currency). */
  expectedShortfall: number;
}

export interface WealthBand {
  date: Date;
  visibility: number;
  /** Percentile → wealth. */
  percentiles: Record<number, number>;
}

const isDate = (w: PaymentWhen): w is Date => w instanceof Date;

/** A conditional payment part is due when its window (if any) is open and its condition holds. */
function conditionDue(c: Exclude<PaymentWhen, Date>, date: Date, wealth: number): boolean {
  return (!c.notBefore || !isAfter(c.notBefore, date)) && (!c.notAfter || !isAfter(date, c.notAfter)) && c.holds({ date, wealth });
}

export class PlanningMesh {
  readonly paths: number;
  readonly steps: number;
  readonly stepMonths: number;
  readonly dates: readonly Date[];
  /** `dates` as epoch milliseconds, for binary search (flow set-up looks up a step per flow occurrence). */
  private readonly times: Float64Array;
  readonly seed: number;
  private readonly clock: Clock;
  private readonly dt: number;
  private readonly logDrift: number;
  private readonly volSqrtDt: number;
  private readonly netFlow: Float64Array;
  /** [path][step] standard normal market shocks, drawn once from (seed, path). */
  readonly shocks: Float64Array;
  private readonly visibilityOptions: VisibilityOptions;
  private readonly capacity: PaymentCapacity | undefined;
  private readonly milestoneStates = new Map<string, MilestoneState>();
  private readonly paymentLog: PaymentRecord[] = [];
  private historyNodes: HistoryNode[];
  private nextHistoryId = 1;
  private cursor = 0;
  private nowDate: Date;
  private currentWealth: number;
  /** [path][step] wealth after that step's flows and payments. */
  readonly wealth: Float64Array;
  /** [path][step] market index, 1 at the current position. */
  readonly market: Float64Array;
  private readonly ruined: Uint8Array;
  private readonly shortfall = new Map<string, Float64Array>();

  constructor(input: PlanningInput) {
    if (input === null || typeof input !== 'object') throw new InvalidArgumentError('input', 'an object', input);
    if (!input.clock || typeof input.clock.now !== 'function') throw new InvalidArgumentError('clock', 'an object with now(): Date', input.clock);
    const start = input.clock.now();
    if (!(start instanceof Date) || Number.isNaN(start.getTime())) throw new InvalidArgumentError('clock.now()', 'a valid Date', start);
    if (!Number.isFinite(input.initialWealth)) throw new InvalidArgumentError('initialWealth', 'a finite number', input.initialWealth);
    const { mu, sigma } = input.market ?? ({} as never);
    if (!Number.isFinite(mu)) throw new InvalidArgumentError('market.mu', 'a finite number', mu);
    if (!(sigma > 0 && Number.isFinite(sigma))) throw new InvalidArgumentError('market.sigma', 'a finite number > 0', sigma);
    const stepMonths = input.stepMonths ?? 1;
    if (!Number.isInteger(stepMonths) || stepMonths < 1) throw new InvalidArgumentError('stepMonths', 'an integer ≥ 1', stepMonths);
    if (!(input.horizonYears > 0) || !Number.isFinite(input.horizonYears)) throw new InvalidArgumentError('horizonYears', 'a finite number > 0', input.horizonYears);
    const paths = input.paths ?? 1000;
    if (!Number.isInteger(paths) || paths < 2) throw new InvalidArgumentError('paths', 'an integer ≥ 2', paths);
    assertSeed(input.seed);
    this.clock = input.clock;
    this.seed = input.seed;
    this.paths = paths;
    this.stepMonths = stepMonths;
    this.steps = Math.max(1, Math.round((input.horizonYears * 12) / stepMonths));
    this.dates = Array.from({ length: this.steps + 1 }, (_, j) => addUtcMonths(start, j * stepMonths));
    this.times = Float64Array.from(this.dates, (d) => d.getTime());
    this.dt = stepMonths / 12;
    this.logDrift = (mu - 0.5 * sigma * sigma) * this.dt;
    this.volSqrtDt = sigma * Math.sqrt(this.dt);
    this.visibilityOptions = input.visibility ?? { clearMonths: 24, fadeMonths: 96 };
    if (!(this.visibilityOptions.clearMonths >= 0) || !(this.visibilityOptions.fadeMonths > 0)) {
      throw new InvalidArgumentError('visibility', '{ clearMonths ≥ 0, fadeMonths > 0 }', this.visibilityOptions);
    }
    this.capacity = input.paymentCapacity;
    this.netFlow = this.buildFlows(input.flows ?? []);
    (input.milestones ?? []).forEach((m, i) => this.addMilestoneState(m, `milestones[${i}]`));
    this.shocks = new Float64Array(paths * this.steps);
    for (let p = 0; p < paths; p++) fillNormals(streamFor(this.seed, p), this.shocks, p * this.steps, this.steps);
    this.wealth = new Float64Array(paths * (this.steps + 1));
    this.market = new Float64Array(paths * (this.steps + 1));
    this.ruined = new Uint8Array(paths);
    this.nowDate = start;
    this.currentWealth = input.initialWealth;
    this.historyNodes = [{ id: 'h0', step: 0, date: start, wealth: input.initialWealth, parentId: null, solid: false }];
    this.recompute();
  }

  // ---------------------------------------------------------------- inputs

  private buildFlows(flows: readonly CashFlowInput[]): Float64Array {
    const net = new Float64Array(this.steps + 1);
    const start = this.dates[0]!;
    const end = this.dates[this.steps]!;
    flows.forEach((f, i) => {
      const field = `flows[${i}]`;
      if (f.kind !== 'income' && f.kind !== 'expense') throw new InvalidArgumentError(`${field}.kind`, "'income' | 'expense'", f.kind);
      if (!(f.amount >= 0) || !Number.isFinite(f.amount)) throw new InvalidArgumentError(`${field}.amount`, 'a finite number ≥ 0', f.amount);
      if (f.every !== 'month' && f.every !== 'year') throw new InvalidArgumentError(`${field}.every`, "'month' | 'year'", f.every);
      const growth = f.growth ?? 0;
      const sign = f.kind === 'income' ? 1 : -1;
      const months = f.every === 'month' ? 1 : 12;
      const first = f.start ?? start;
      for (let n = 0; ; n++) {
        const d = addUtcMonths(first, n * months);
        if (isAfter(d, end) || (f.end && isAfter(d, f.end))) break;
        if (!isAfter(d, start)) continue; // flows on the start day are already in the initial wealth
        const years = (d.getTime() - start.getTime()) / (365.25 * 86_400_000);
        const j = this.stepOnOrAfter(d);
        net[j] = net[j]! + sign * f.amount * (1 + growth) ** years;
      }
    });
    return net;
  }

  private addMilestoneState(m: MilestoneInput, field: string): void {
    if (typeof m?.id !== 'string' || m.id === '') throw new InvalidArgumentError(`${field}.id`, 'a non-empty string', m?.id);
    if (this.milestoneStates.has(m.id)) throw new InvalidArgumentError(`${field}.id`, 'a unique id', m.id);
    if (!(m.amount > 0) || !Number.isFinite(m.amount)) throw new InvalidArgumentError(`${field}.amount`, 'a finite number > 0', m.amount);
    if (!(m.dueDate instanceof Date) || Number.isNaN(m.dueDate.getTime())) throw new InvalidArgumentError(`${field}.dueDate`, 'a valid Date', m.dueDate);
    if (isAfter(m.dueDate, this.dates[this.steps]!)) throw new InvalidArgumentError(`${field}.dueDate`, `a date within the horizon (≤ ${this.dates[this.steps]!.toISOString()})`, m.dueDate);
    this.milestoneStates.set(m.id, { input: m, paid: 0, plan: undefined });
  }

  /** Smallest grid index j with dates[j] ≥ d (and > the current position). */
  private stepOnOrAfter(d: Date): number {
    const t = d.getTime();
    let lo = Math.max(1, this.cursor + 1);
    let hi = this.steps;
    if (lo > hi || t > this.times[hi]!) return this.steps;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! >= t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private planOf(m: MilestoneState): ScheduledPart[] {
    if (m.plan !== undefined) return m.plan;
    const remaining = m.input.amount - m.paid;
    return remaining > 1e-9 ? [{ amount: remaining, date: m.input.dueDate }] : [];
  }

  // ---------------------------------------------------------------- simulation

  /**
   * Run one path from the current position. Hot enough to matter (paths × steps × parts), but plain: the
   * number of scheduled parts is small. `onPayment` sees each executed part (used when advancing).
   */
  private runPath(p: number, onPayment?: (step: number, milestoneId: string, amount: number, part: ScheduledPart) => void, template?: PendingPart[]): void {
    const n = this.steps;
    const row = p * (n + 1);
    let w = this.currentWealth;
    let m = 1;
    let ruined = w < 0;
    this.wealth[row + this.cursor] = w;
    this.market[row + this.cursor] = 1;
    const pending = (template ?? this.pendingParts()).slice();
    for (const [id] of this.milestoneStates) this.shortfall.get(id)![p] = 0;
    for (let j = this.cursor + 1; j <= n; j++) {
      const r = Math.exp(this.logDrift + this.volSqrtDt * this.shocks[p * n + j - 1]!);
      m *= r;
      if (w > 0) w *= r; // debt is not invested
      w += this.netFlow[j]!;
      const date = this.dates[j]!;
      for (let k = 0; k < pending.length; k++) {
        const item = pending[k]!;
        const c = item.part.condition;
        const due = c ? conditionDue(c, date, w) : item.step === j;
        if (!due) continue;
        const before = w;
        w -= item.part.amount;
        const short = Math.min(item.part.amount, Math.max(0, -w) - Math.max(0, -before));
        const sf = this.shortfall.get(item.id)!;
        sf[p] = sf[p]! + Math.max(0, short);
        onPayment?.(j, item.id, item.part.amount, item.part);
        pending.splice(k--, 1);
      }
      if (w < 0) ruined = true;
      this.wealth[row + j] = w;
      this.market[row + j] = m;
    }
    // Conditional parts that never triggered are unfunded.
    for (const item of pending) {
      const sf = this.shortfall.get(item.id)!;
      sf[p] = sf[p]! + item.part.amount;
    }
    this.ruined[p] = ruined ? 1 : 0;
  }

  /** Every scheduled part with the mesh step it falls on (−1 for conditional parts). */
  private pendingParts(): PendingPart[] {
    const pending: PendingPart[] = [];
    for (const [id, ms] of this.milestoneStates) {
      for (const part of this.planOf(ms)) pending.push({ id, part, step: part.date ? this.stepOnOrAfter(part.date) : -1 });
    }
    return pending;
  }

  private recompute(): void {
    for (const id of this.milestoneStates.keys()) if (!this.shortfall.has(id)) this.shortfall.set(id, new Float64Array(this.paths));
    const template = this.pendingParts();
    for (let p = 0; p < this.paths; p++) this.runPath(p, undefined, template);
  }

  // ---------------------------------------------------------------- position and actions

  get now(): Date {
    return this.nowDate;
  }
  get position(): number {
    return this.cursor;
  }
  get currentNode(): HistoryNode {
    return this.historyNodes[this.historyNodes.length - 1]!;
  }
  get history(): readonly HistoryNode[] {
    return this.historyNodes;
  }
  get payments(): readonly PaymentRecord[] {
    return this.paymentLog;
  }
  get balance(): number {
    return this.currentWealth;
  }

  milestone(id: string): { input: MilestoneInput; paid: number; remaining: number; scheduled: { amount: number; date?: Date; condition?: string }[] } {
    const m = this.milestoneStates.get(id);
    if (!m) throw new UnknownEntityError('milestoneId', id);
    return {
      input: m.input, paid: m.paid, remaining: m.input.amount - m.paid,
      scheduled: this.planOf(m).map((p) => ({ amount: p.amount, ...(p.date ? { date: p.date } : {}), ...(p.condition ? { condition: p.condition.condition } : {}) })),
    };
  }

  addMilestone(m: MilestoneInput): void {
    this.addMilestoneState(m, 'milestone');
    this.recompute();
  }

  /**
   * Adopt a payment plan for a milestone. Parts due now (dated today or earlier, or whose condition holds now) are
   * paid from the current balance, checked against the balance and the attached payment capacity; the rest is
   * scheduled. The current node and all its ancestors become solid. Returns the payments made now.
   */
  pay(milestoneId: string, parts: readonly PaymentPart[]): PaymentRecord[] {
    const m = this.milestoneStates.get(milestoneId);
    if (!m) throw new UnknownEntityError('milestoneId', milestoneId);
    if (!Array.isArray(parts) || parts.length === 0) throw new InvalidArgumentError('parts', 'a non-empty array of payment parts', parts);
    const remaining = m.input.amount - m.paid;
    const resolved: { amount: number; when: PaymentWhen }[] = [];
    let fixed = 0;
    let restIndex = -1;
    parts.forEach((p, i) => {
      const field = `parts[${i}]`;
      const given = [p.fraction !== undefined, p.amount !== undefined, p.rest === true].filter(Boolean).length;
      if (given !== 1) throw new InvalidArgumentError(field, 'exactly one of fraction, amount, rest', p);
      if (!isDate(p.when) && (typeof p.when !== 'object' || typeof p.when.holds !== 'function')) throw new InvalidArgumentError(`${field}.when`, 'a Date or a condition', p.when);
      if (isDate(p.when) && isAfter(p.when, this.dates[this.steps]!)) throw new InvalidArgumentError(`${field}.when`, 'a date within the horizon', p.when);
      if (p.rest) {
        if (restIndex >= 0) throw new InvalidArgumentError(field, 'at most one rest part', p);
        restIndex = i;
        resolved.push({ amount: 0, when: p.when });
        return;
      }
      const amount = p.fraction !== undefined ? p.fraction * m.input.amount : p.amount!;
      if (p.fraction !== undefined && !(p.fraction > 0 && p.fraction <= 1)) throw new InvalidArgumentError(`${field}.fraction`, 'a number in (0, 1]', p.fraction);
      if (!(amount > 0) || !Number.isFinite(amount)) throw new InvalidArgumentError(`${field}.amount`, 'a finite number > 0', amount);
      fixed += amount;
      resolved.push({ amount, when: p.when });
    });
    if (fixed > remaining + 1e-9) throw new InvalidArgumentError('parts', `amounts summing to at most the remaining ${remaining}`, fixed);
    if (restIndex >= 0) resolved[restIndex]!.amount = remaining - fixed;
    const today = startOfUtcDay(this.nowDate);
    const dueNow = (w: PaymentWhen) => (isDate(w) ? !isAfter(startOfUtcDay(w), today) : conditionDue(w, this.nowDate, this.currentWealth));
    const immediate = resolved.filter((r) => r.amount > 0 && dueNow(r.when));
    const nowTotal = immediate.reduce((s, r) => s + r.amount, 0);
    if (nowTotal > this.currentWealth + 1e-9) throw new InsufficientFundsError(`pay(${milestoneId})`, nowTotal, this.currentWealth);
    if (this.capacity && nowTotal > 0) {
      const verdict = this.capacity.canPay({ milestoneId, amount: nowTotal, date: this.nowDate });
      if (!verdict.ok) throw new InsufficientFundsError(`pay(${milestoneId})`, nowTotal, verdict.available ?? this.currentWealth, verdict.reason ?? 'payment capacity check failed');
    }
    const node = this.currentNode;
    const made: PaymentRecord[] = immediate.map((r) => ({ milestoneId, amount: r.amount, date: this.nowDate, nodeId: node.id }));
    this.currentWealth -= nowTotal;
    node.wealth = this.currentWealth;
    m.paid += nowTotal;
    this.paymentLog.push(...made);
    m.plan = resolved
      .filter((r) => r.amount > 0 && !immediate.includes(r))
      .map((r) => (isDate(r.when) ? { amount: r.amount, date: r.when } : { amount: r.amount, condition: r.when }));
    this.solidify(node.id);
    this.recompute();
    return made;
  }

  /** Mark a history node and every ancestor solid (kept when the past is pruned). */
  solidify(nodeId: string): void {
    const byId = new Map(this.historyNodes.map((n) => [n.id, n]));
    let n = byId.get(nodeId);
    if (!n) throw new UnknownEntityError('nodeId', nodeId);
    while (n) {
      n.solid = true;
      n = n.parentId === null ? undefined : byId.get(n.parentId);
    }
  }

  /**
   * Move the position to `date` (default: the clock's now) along one realised path: the path whose wealth is
   * nearest `observedWealth`, else `path`, else the median path. Scheduled payments on the way are executed and
   * recorded, the future is re-rooted at the new position, and past nodes that are not solid are pruned.
   */
  advanceTo(date: Date = this.clock.now(), options: { observedWealth?: number; path?: number } = {}): HistoryNode {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new InvalidArgumentError('date', 'a valid Date', date);
    if (date < this.nowDate) throw new InvalidArgumentError('date', `a date on or after the current ${this.nowDate.toISOString()}`, date);
    if (isAfter(date, this.dates[this.steps]!)) throw new InvalidArgumentError('date', 'a date within the horizon', date);
    let target = this.cursor;
    while (target < this.steps && !isAfter(this.dates[target + 1]!, date)) target++;
    this.nowDate = date;
    if (target === this.cursor) return this.currentNode;
    const path = this.choosePath(target, options);
    const nodeAt = new Map<number, HistoryNode>();
    let parent = this.currentNode;
    const n = this.steps;
    for (let j = this.cursor + 1; j <= target; j++) {
      const node: HistoryNode = { id: `h${this.nextHistoryId++}`, step: j, date: this.dates[j]!, wealth: this.wealth[path * (n + 1) + j]!, parentId: parent.id, solid: false };
      this.historyNodes.push(node);
      nodeAt.set(j, node);
      parent = node;
    }
    // Replay the chosen path to collect the payments executed on the way.
    const executed: { step: number; id: string; amount: number; part: ScheduledPart }[] = [];
    this.runPath(path, (step, id, amount, part) => {
      if (step <= target) executed.push({ step, id, amount, part });
    });
    for (const e of executed) {
      const ms = this.milestoneStates.get(e.id)!;
      ms.paid += e.amount;
      ms.plan = this.planOf(ms).filter((p) => p !== e.part);
      if (ms.plan.length === 0 && ms.input.amount - ms.paid <= 1e-9) ms.plan = [];
      const node = nodeAt.get(e.step)!;
      this.paymentLog.push({ milestoneId: e.id, amount: e.amount, date: e.part.date ?? node.date, nodeId: node.id });
      this.solidify(node.id);
    }
    this.currentWealth = this.wealth[path * (n + 1) + target]!;
    this.cursor = target;
    this.prunePast();
    this.recompute();
    return this.currentNode;
  }

  private choosePath(step: number, options: { observedWealth?: number; path?: number }): number {
    const n = this.steps;
    const col = (p: number) => this.wealth[p * (n + 1) + step]!;
    if (options.observedWealth !== undefined) {
      if (!Number.isFinite(options.observedWealth)) throw new InvalidArgumentError('observedWealth', 'a finite number', options.observedWealth);
      let best = 0;
      for (let p = 1; p < this.paths; p++) if (Math.abs(col(p) - options.observedWealth) < Math.abs(col(best) - options.observedWealth)) best = p;
      return best;
    }
    if (options.path !== undefined) {
      if (!Number.isInteger(options.path) || options.path < 0 || options.path >= this.paths) throw new InvalidArgumentError('path', `an integer in [0, ${this.paths})`, options.path);
      return options.path;
    }
    const order = Array.from({ length: this.paths }, (_, p) => p).sort((a, b) => col(a) - col(b));
    return order[Math.floor(this.paths / 2)]!;
  }

  /** The past disappears: drop non-solid history nodes before the current one, re-linking to surviving ancestors. */
  private prunePast(): void {
    const current = this.currentNode;
    const kept = this.historyNodes.filter((n) => n.solid || n === current);
    const keptIds = new Set(kept.map((n) => n.id));
    const byId = new Map(this.historyNodes.map((n) => [n.id, n]));
    for (const n of kept) {
      let parentId = n.parentId;
      while (parentId !== null && !keptIds.has(parentId)) parentId = byId.get(parentId)?.parentId ?? null;
      n.parentId = parentId;
    }
    this.historyNodes = kept;
  }

  // ---------------------------------------------------------------- mesh probabilities

  /**
   * Conditional probabilities of moving from mesh node (step, path) to each node at step + 1: average-density
   * weights of the market factor's lognormal transition, normalised over the row (they sum to 1).
   */
  transitionProbabilities(step: number, path: number): Float64Array {
    if (!Number.isInteger(step) || step < this.cursor || step >= this.steps) throw new InvalidArgumentError('step', `an integer in [${this.cursor}, ${this.steps})`, step);
    if (!Number.isInteger(path) || path < 0 || path >= this.paths) throw new InvalidArgumentError('path', `an integer in [0, ${this.paths})`, path);
    const b = this.paths;
    const n = this.steps;
    const out = new Float64Array(b);
    if (step === this.cursor) return out.fill(1 / b); // every path leaves the same current node
    const logM = (p: number, j: number) => Math.log(this.market[p * (n + 1) + j]!);
    const s2 = this.volSqrtDt * this.volSqrtDt;
    const x = new Float64Array(b);
    for (let l = 0; l < b; l++) x[l] = logM(l, step) + this.logDrift;
    const from = logM(path, step) + this.logDrift;
    let rowSum = 0;
    for (let k = 0; k < b; k++) {
      const y = logM(k, step + 1);
      let maxE = -Infinity;
      for (let l = 0; l < b; l++) maxE = Math.max(maxE, -((y - x[l]!) ** 2) / (2 * s2));
      let avg = 0;
      for (let l = 0; l < b; l++) avg += Math.exp(-((y - x[l]!) ** 2) / (2 * s2) - maxE);
      avg /= b;
      const w = Math.exp(-((y - from) ** 2) / (2 * s2) - maxE) / avg;
      out[k] = w;
      rowSum += w;
    }
    for (let k = 0; k < b; k++) out[k] = out[k]! / rowSum;
    return out;
  }

  // ---------------------------------------------------------------- what planners ask for

  milestoneFunding(): MilestoneFunding[] {
    return [...this.milestoneStates.keys()].map((id) => {
      const sf = this.shortfall.get(id)!;
      let funded = 0;
      let short = 0;
      for (let p = 0; p < this.paths; p++) {
        if (sf[p]! <= 1e-9) funded++;
        short += sf[p]!;
      }
      const prob = funded / this.paths;
      return { milestoneId: id, probability: prob, stdErr: Math.sqrt((prob * (1 - prob)) / this.paths), expectedShortfall: short / this.paths };
    });
  }

  /** Probability that wealth goes negative at some date from now to the horizon. */
  ruinProbability(): Estimate {
    let hits = 0;
    for (let p = 0; p < this.paths; p++) hits += this.ruined[p]!;
    const q = hits / this.paths;
    return { value: q, stdErr: Math.sqrt((q * (1 - q)) / this.paths) };
  }

  /** Expected shortfall (CVaR) of terminal wealth: the mean of the worst `alpha` fraction of paths. */
  expectedShortfall(alpha = 0.05): number {
    if (!(alpha > 0 && alpha <= 1)) throw new InvalidArgumentError('alpha', 'a number in (0, 1]', alpha);
    const n = this.steps;
    const terminal = Float64Array.from({ length: this.paths }, (_, p) => this.wealth[p * (n + 1) + n]!).sort();
    const k = Math.max(1, Math.ceil(alpha * this.paths));
    let s = 0;
    for (let i = 0; i < k; i++) s += terminal[i]!;
    return s / k;
  }

  /** Visibility of a future step: 1 up to clearMonths ahead, then fading linearly to 0 over fadeMonths. */
  visibility(step: number): number {
    const ahead = (step - this.cursor) * this.stepMonths;
    if (ahead < 0) return 0;
    const { clearMonths, fadeMonths } = this.visibilityOptions;
    return Math.max(0, Math.min(1, 1 - (ahead - clearMonths) / fadeMonths));
  }

  /** Percentile bands of wealth from the current position to the horizon (or only the visible part). */
  wealthBands(percentiles: readonly number[] = [5, 25, 50, 75, 95], options: { visibleOnly?: boolean } = {}): WealthBand[] {
    percentiles.forEach((q, i) => {
      if (!(q >= 0 && q <= 100)) throw new InvalidArgumentError(`percentiles[${i}]`, 'a number in [0, 100]', q);
    });
    const n = this.steps;
    const out: WealthBand[] = [];
    const col = new Float64Array(this.paths);
    for (let j = this.cursor; j <= n; j++) {
      const visibility = this.visibility(j);
      if (options.visibleOnly && visibility <= 0) break;
      for (let p = 0; p < this.paths; p++) col[p] = this.wealth[p * (n + 1) + j]!;
      col.sort();
      const pct: Record<number, number> = {};
      for (const q of percentiles) pct[q] = col[Math.min(this.paths - 1, Math.floor((q / 100) * this.paths))]!;
      out.push({ date: this.dates[j]!, visibility, percentiles: pct });
    }
    return out;
  }

  /** Snapshot of the milestones (for export). */
  milestoneRecords(): { id: string; name: string; amount: number; dueDate: Date; paid: number; scheduled: { amount: number; date: Date | null; condition: string | null }[] }[] {
    return [...this.milestoneStates.values()].map((m) => ({
      id: m.input.id, name: m.input.name, amount: m.input.amount, dueDate: m.input.dueDate, paid: m.paid,
      scheduled: this.planOf(m).map((p) => ({ amount: p.amount, date: p.date ?? null, condition: p.condition?.condition ?? null })),
    }));
  }
}
