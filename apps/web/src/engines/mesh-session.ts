/** One subject's planning mesh plus its clock, and the JSON views the API returns. */
import { NDArray } from '@omega/storage';
import {
  PlanningMesh, ledgerFromPerson, part, planningInputFromPerson, whenCondition, type MarketAssumptions, type PaymentCapacity, type PaymentPart, type PaymentWhen,
} from '@omega/stochastic-mesh';
import { DEFAULT_ACCOUNT_IDS, dollarsToCents, formatCents, paymentCapacity, postPayment, validatePayment, type Ledger, type PaymentInput } from '@omega/accounting';
import type { Person } from '@omega/synthetic-data';
import { InvalidInputError, UnprocessableError } from '../errors.js';
import { addMonthsUtc, formatIsoDay, parseIsoDay } from './iso-date.js';

export interface MeshOptions {
  horizonYears: number;
  paths: number;
  seed: number;
  stepMonths: number;
  market?: MarketAssumptions;
}

export const BAND_PERCENTILES = [5, 25, 50, 75, 95] as const;

export type PartWhen = string | { wealthAtLeast: number; notBefore?: string; notAfter?: string };

export interface PartRequest {
  when: PartWhen;
  fraction?: number;
  amount?: number;
  rest?: boolean;
}

export interface PaymentRequest {
  milestoneId: string;
  parts: PartRequest[];
}

export interface AdvanceRequest {
  to?: string;
  months?: number;
  observedWealth?: number;
  path?: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Where milestone payments are taken from, in order. */
const PAYING_ACCOUNTS = [DEFAULT_ACCOUNT_IDS.checking, DEFAULT_ACCOUNT_IDS.savings] as const;

/**
 * The ledger payments that move `cents` from checking (first) and savings to milestone payments on `date`, each
 * validated against the account's rules — or why they cannot.
 */
function milestoneLegs(ledger: Ledger, cents: bigint, date: Date, milestoneId: string): PaymentInput[] | string {
  const legs: PaymentInput[] = [];
  let left = cents;
  for (const from of PAYING_ACCOUNTS) {
    if (left <= 0n) break;
    const cap = paymentCapacity(ledger, from, date).amount;
    const take = cap === null || cap >= left ? left : cap > 0n ? cap : 0n;
    if (take === 0n) continue;
    const leg: PaymentInput = { from, to: DEFAULT_ACCOUNT_IDS.milestonePayments, amount: take, date, description: `milestone ${milestoneId}`, meta: { milestoneId } };
    const verdict = validatePayment(ledger, leg);
    if (!verdict.ok) return verdict.violations.map((v) => v.message).join('; ');
    legs.push(leg);
    left -= take;
  }
  return left > 0n ? `checking and savings can pay $${formatCents(cents - left)} of $${formatCents(cents)} on ${formatIsoDay(date)}` : legs;
}

export class MeshSession {
  readonly mesh: PlanningMesh;
  readonly options: MeshOptions;
  /** The person's accounts (@omega/accounting), opened at the start; payments made now are checked and posted here. */
  readonly ledger: Ledger;
  readonly market: MarketAssumptions;
  /** Milestones of the person the mesh does not hold (due on/before the start or after the horizon). */
  readonly excluded: { milestoneId: string; date: string }[];
  private clockDate: Date;

  constructor(person: Person, start: Date, options: MeshOptions) {
    this.clockDate = start;
    this.options = options;
    this.ledger = ledgerFromPerson(person, { asOf: start });
    // The mesh asks before it pays anything now; the answer comes from the ledger as it stands after earlier payments.
    const capacity: PaymentCapacity = {
      canPay: ({ milestoneId, amount, date }) => {
        const legs = milestoneLegs(this.ledger, dollarsToCents(amount), date, milestoneId);
        return typeof legs === 'string' ? { ok: false, reason: legs } : { ok: true };
      },
    };
    const input = planningInputFromPerson(person, {
      asOf: start, seed: options.seed, horizonYears: options.horizonYears, paths: options.paths, stepMonths: options.stepMonths,
      paymentCapacity: capacity,
      ...(options.market ? { market: options.market } : {}),
    });
    this.market = input.market;
    const held = new Set((input.milestones ?? []).map((m) => m.id));
    this.excluded = person.milestones.filter((m) => !held.has(m.id)).map((m) => ({ milestoneId: m.id, date: m.date }));
    this.mesh = new PlanningMesh({ ...input, clock: { now: () => this.clockDate } });
  }

  private resolveWhen(when: PartWhen, field: string): PaymentWhen {
    if (typeof when === 'string') return when === 'now' ? this.clockDate : parseIsoDay(when, field);
    const threshold = when.wealthAtLeast;
    const window: { notBefore?: Date; notAfter?: Date } = {};
    if (when.notBefore !== undefined) window.notBefore = parseIsoDay(when.notBefore, `${field}.notBefore`);
    if (when.notAfter !== undefined) window.notAfter = parseIsoDay(when.notAfter, `${field}.notAfter`);
    return whenCondition(`wealth ≥ ${threshold}`, (s) => s.wealth >= threshold, window); // PlanningMesh applies the window
  }

  pay(request: PaymentRequest): { made: { milestoneId: string; amount: number; date: string }[] } {
    const parts: PaymentPart[] = request.parts.map((p, i) => {
      const field = `body.parts[${i}]`;
      const given = [p.fraction, p.amount, p.rest].filter((x) => x !== undefined).length;
      if (given !== 1) throw new InvalidInputError(field, 'exactly one of fraction, amount, rest');
      if (p.rest === false) throw new InvalidInputError(`${field}.rest`, 'true (omit it otherwise)', 'false');
      const when = this.resolveWhen(p.when, `${field}.when`);
      if (when instanceof Date && when < this.clockDate) throw new InvalidInputError(`${field}.when`, `a date on or after ${formatIsoDay(this.clockDate)}`, JSON.stringify(p.when));
      return p.rest ? part.rest(when) : p.fraction !== undefined ? part.fraction(when, p.fraction) : part.amount(when, p.amount!);
    });
    const made = this.mesh.pay(request.milestoneId, parts);
    this.post(request.milestoneId, made.reduce((sum, m) => sum + m.amount, 0));
    return { made: made.map((m) => ({ milestoneId: m.milestoneId, amount: round2(m.amount), date: formatIsoDay(m.date) })) };
  }

  /** Post what the mesh just paid now (the same total its capacity check approved) to the ledger. */
  private post(milestoneId: string, dollars: number): void {
    if (dollars <= 0) return;
    const legs = milestoneLegs(this.ledger, dollarsToCents(dollars), this.clockDate, milestoneId);
    // The capacity check approved exactly these legs a moment ago; anything else is a bug, not bad input.
    if (typeof legs === 'string') throw new Error(`ledger refused an approved milestone payment: ${legs}`);
    for (const leg of legs) {
      const outcome = postPayment(this.ledger, leg);
      if (outcome.status !== 'posted') throw new Error(`ledger did not post an approved milestone payment (${outcome.status})`);
    }
  }

  advance(request: AdvanceRequest): void {
    if ((request.to === undefined) === (request.months === undefined)) throw new InvalidInputError('body', 'exactly one of to, months');
    const target = request.to !== undefined ? parseIsoDay(request.to, 'body.to') : addMonthsUtc(this.clockDate, request.months!);
    if (target < this.clockDate) throw new UnprocessableError(`body.to: ${formatIsoDay(target)} is before the current date ${formatIsoDay(this.clockDate)}`, { field: 'body.to' });
    const horizon = this.mesh.dates[this.mesh.steps]!;
    if (target > horizon) throw new UnprocessableError(`advancing to ${formatIsoDay(target)} passes the mesh horizon ${formatIsoDay(horizon)}`, { field: request.to !== undefined ? 'body.to' : 'body.months' });
    const opts: { observedWealth?: number; path?: number } = {};
    if (request.observedWealth !== undefined) opts.observedWealth = request.observedWealth;
    if (request.path !== undefined) opts.path = request.path;
    this.mesh.advanceTo(target, opts);
    this.clockDate = target;
  }

  /** The JSON view: position, percentile bands from now to the horizon, milestones, funding, payments, history. */
  view(subjectId: string) {
    const m = this.mesh;
    const bands = m.wealthBands([...BAND_PERCENTILES]);
    return {
      subjectId,
      seed: m.seed,
      paths: m.paths,
      steps: m.steps,
      stepMonths: m.stepMonths,
      horizon: formatIsoDay(m.dates[m.steps]!),
      now: formatIsoDay(this.clockDate),
      position: m.position,
      balance: round2(m.balance),
      market: this.market,
      bands: {
        percentiles: [...BAND_PERCENTILES],
        dates: bands.map((b) => formatIsoDay(b.date)),
        visibility: bands.map((b) => b.visibility),
        values: BAND_PERCENTILES.map((q) => bands.map((b) => round2(b.percentiles[q]!))),
      },
      milestones: m.milestoneRecords().map((r) => ({
        id: r.id, name: r.name, amount: round2(r.amount), dueDate: formatIsoDay(r.dueDate), paid: round2(r.paid), remaining: round2(r.amount - r.paid),
        scheduled: r.scheduled.map((s) => ({ amount: round2(s.amount), date: s.date ? formatIsoDay(s.date) : null, condition: s.condition })),
      })),
      excludedMilestones: this.excluded,
      funding: m.milestoneFunding(),
      ruinProbability: m.ruinProbability(),
      payments: m.payments.map((p) => ({ milestoneId: p.milestoneId, amount: round2(p.amount), date: formatIsoDay(p.date), nodeId: p.nodeId })),
      history: m.history.map((h) => ({ id: h.id, step: h.step, date: formatIsoDay(h.date), wealth: round2(h.wealth), parentId: h.parentId, solid: h.solid })),
    };
  }

  /** The mesh as arrays (fits safetensors, npz and HDF5): times in years, wealth [paths, steps+1], bands [5, dates]. */
  arrays(): Record<string, NDArray> {
    const m = this.mesh;
    const t0 = m.dates[0]!.getTime();
    const times = Float64Array.from(m.dates, (d) => (d.getTime() - t0) / (365.25 * 86_400_000));
    const bands = m.wealthBands([...BAND_PERCENTILES]);
    const bandData = new Float64Array(BAND_PERCENTILES.length * bands.length);
    BAND_PERCENTILES.forEach((q, i) => bands.forEach((b, j) => (bandData[i * bands.length + j] = b.percentiles[q]!)));
    return {
      times: new NDArray('float64', [times.length], times),
      wealth: this.wealth(),
      bands: new NDArray('float64', [BAND_PERCENTILES.length, bands.length], bandData),
      percentiles: new NDArray('float64', [BAND_PERCENTILES.length], Float64Array.from(BAND_PERCENTILES)),
    };
  }

  /** Wealth per path and mesh date, [paths, steps + 1] (fits npy). */
  wealth(): NDArray {
    const m = this.mesh;
    return new NDArray('float64', [m.paths, m.steps + 1], Float64Array.from(m.wealth));
  }
}
