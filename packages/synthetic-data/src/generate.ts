/**
 * `generate` and friends. Subject k of seed s is a pure function of (s, k, start, historyMonths): its random
 * draws come from streams keyed by (s, k) (`random.ts`), never from a shared sequence, so any count, any
 * `firstIndex` and any split across workers yield the same people.
 */
import { assembleHousehold, drawBirth, drawChildren, drawLocation, drawMarital, drawName, drawRiskTolerance, drawWork } from './demographics.js';
import { drawBalanceSheet } from './balance-sheet.js';
import { drawBudget, MAX_HISTORY_MONTHS } from './budget.js';
import { historyWindow, parseStart, toIsoDate } from './dates.js';
import { describeValue, InvalidOptionError } from './errors.js';
import { deriveGoals } from './goals.js';
import { drawIncome } from './income.js';
import { drawMilestones } from './milestones.js';
import type { IsoDate, Person } from './model.js';
import { writeNarrative } from './narrative.js';
import { LANE_HISTORY, LANE_PROFILE, Rng } from './random.js';
import { buildHistory, type HistoryWindow } from './transactions.js';

export const DEFAULT_HISTORY_MONTHS = 12;
/** Largest subject index (indices are hashed as 32-bit words). */
export const MAX_INDEX = 2 ** 32 - 1;

export interface SubjectOptions {
  /** Any safe integer ≥ 0. */
  seed: number;
  /** The "today" of the data set: ages, balances and the end of the history refer to it. Never the wall clock. */
  start: IsoDate | Date;
  /** Whole calendar months of checking history before the start's month (0 = none, at most 36). Default 12. */
  historyMonths?: number;
}

export interface GenerateOptions extends SubjectOptions {
  /** How many subjects (≥ 0). */
  count: number;
  /** Index of the first subject (default 0): workers split a run by giving disjoint ranges. */
  firstIndex?: number;
}

function checkInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError('out of range', { field, expected: `an integer in [${min}, ${max}]`, received: describeValue(value) });
  }
  return value;
}

/** Prepared per call (start date, history calendar), then asked for any index. */
class SubjectFactory {
  readonly seed: number;
  readonly start: Date;
  readonly window: HistoryWindow | undefined;

  constructor(options: SubjectOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new InvalidOptionError('missing options', { field: 'options', expected: 'an object { seed, start, … }', received: describeValue(options) });
    }
    this.seed = checkInteger(options.seed, 'options.seed', 0, Number.MAX_SAFE_INTEGER);
    this.start = parseStart(options.start);
    const months = checkInteger(options.historyMonths ?? DEFAULT_HISTORY_MONTHS, 'options.historyMonths', 0, MAX_HISTORY_MONTHS);
    this.window = months === 0 ? undefined : historyWindow(this.start, months);
  }

  make(index: number): Person {
    const { seed, start } = this;
    const rng = new Rng(seed, index, LANE_PROFILE);
    const { band, age, birthDate } = drawBirth(rng, start);
    const { givenName, familyName } = drawName(rng);
    const { location, state } = drawLocation(rng);
    const { occupation, info } = drawWork(rng, age);
    const marital = drawMarital(rng, age, !occupation.employed);
    const children = drawChildren(rng, birthDate, start, age, marital.maritalStatus === 'married');
    const household = assembleHousehold(marital, children);
    const { income, z, grossDollars } = drawIncome(rng, band, occupation, info, household, state.flatIncomeTaxRate);
    const riskTolerance = drawRiskTolerance(rng, age, z);
    const sheet = drawBalanceSheet(rng, { band: band.band, incomeZ: z, grossDollars, netMonthlyCents: income.householdNetMonthlyCents, retired: !occupation.employed });
    const milestones = drawMilestones(rng, { start, birthDate, age, household, employed: occupation.employed, owner: sheet.owner, grossDollars });
    const budget = drawBudget(rng, {
      grossAnnualCents: income.householdGrossAnnualCents, netMonthlyCents: income.householdNetMonthlyCents, household,
      employed: occupation.employed, realEstateCents: sheet.assets.realEstateCents, debts: sheet.debts,
      transferableCents: sheet.assets.savingsCents + sheet.assets.investmentsCents, milestones, start,
    });
    const goals = deriveGoals({ start, savingsCents: sheet.assets.savingsCents, expenses: budget.expenses, cashFlow: budget.cashFlow, debts: sheet.debts, milestones });
    const history = this.window === undefined
      ? null
      : buildHistory(new Rng(seed, index, LANE_HISTORY), this.window, sheet.assets.checkingCents, occupation.employed, budget.expenses, sheet.debts, budget.cashFlow, budget.savingFor);
    // One literal in the final key order (the export's byte layout); the narrative reads the finished record.
    const person: Person = {
      id: `syn-${seed}-${index}`, index, givenName, familyName, birthDate: toIsoDate(birthDate), age, ageBand: band.band, occupation, income,
      household, location, riskTolerance, assets: sheet.assets, debts: sheet.debts, netWorthCents: sheet.netWorthCents,
      monthlyExpenses: budget.expenses, cashFlow: budget.cashFlow, milestones, goals, history, narrative: '',
    };
    person.narrative = writeNarrative(person);
    return person;
  }
}

/** Subject `index` alone: identical to element `index − firstIndex` of any `generate` call that covers it. */
export function generateSubject(options: SubjectOptions & { index: number }): Person {
  const index = checkInteger(options?.index, 'options.index', 0, MAX_INDEX);
  return new SubjectFactory(options).make(index);
}

/** Lazily yields subjects firstIndex … firstIndex + count − 1 (constant memory: for large runs and benchmarks). */
export function iterateSubjects(options: GenerateOptions): Generator<Person, void, undefined> {
  const factory = new SubjectFactory(options); // validate now, not on the first `next()`
  const { count, first } = checkRange(options);
  return (function* () {
    for (let i = 0; i < count; i++) yield factory.make(first + i);
  })();
}

/** Subjects firstIndex … firstIndex + count − 1 as an array. */
export function generate(options: GenerateOptions): Person[] {
  return [...iterateSubjects(options)];
}

function checkRange(options: GenerateOptions): { count: number; first: number } {
  const count = checkInteger(options.count, 'options.count', 0, MAX_INDEX + 1);
  const first = checkInteger(options.firstIndex ?? 0, 'options.firstIndex', 0, MAX_INDEX);
  if (first + count - 1 > MAX_INDEX) {
    throw new InvalidOptionError('range passes the last index', { field: 'options.count', expected: `firstIndex + count ≤ ${MAX_INDEX + 1}`, received: String(first + count) });
  }
  return { count, first };
}
