/**
 * Future milestones: dated, priced, with a probability and how flexibly they can be paid. Every date is strictly
 * after the start date, at most 40 years after it, and before the person turns 95.
 */
import { addDays, addMonths, addYears, daysBetween, ownIsoToDate, toIsoDate } from './dates.js';
import type { Household, Milestone, MilestoneType, PaymentFlexibility } from './model.js';
import { dollarsToCents } from './money.js';
import type { Rng } from './random.js';
import { sortSmallStable } from './stable-sort.js';

const HORIZON_YEARS = 40;
const LAST_AGE = 95;

export interface MilestoneInput {
  start: Date;
  birthDate: Date;
  age: number;
  household: Household;
  employed: boolean;
  owner: boolean;
  grossDollars: number;
}

function flexibility(maxDeferralMonths: number, maxInstallments: number, minUpfrontShare: number): PaymentFlexibility {
  const kind: PaymentFlexibility['kind'] = maxDeferralMonths > 0
    ? (maxInstallments > 1 ? 'deferrable-installments' : 'deferrable')
    : (maxInstallments > 1 ? 'installments' : 'fixed');
  return { kind, maxDeferralMonths, maxInstallments, minUpfrontShare: maxInstallments > 1 ? minUpfrontShare : 1 };
}

function roundProbability(p: number): number {
  return Math.round(p * 100) / 100;
}

export function drawMilestones(rng: Rng, input: MilestoneInput): Milestone[] {
  const { start, birthDate, age, household } = input;
  const limit = addYears(start, HORIZON_YEARS);
  const lifeEnd = addYears(birthDate, LAST_AGE);
  const last = daysBetween(limit, lifeEnd) < 0 ? lifeEnd : limit;
  const drafts: { type: MilestoneType; date: Date; dollars: number; probability: number; flex: PaymentFlexibility }[] = [];
  const inMonths = (min: number, max: number): Date => addDays(addMonths(start, rng.int(min, max)), rng.int(0, 27));
  const incomeScale = Math.max(0.4, input.grossDollars / 80_000);

  if (input.employed) {
    const retireAge = Math.max(age + 1, rng.int(62, 70));
    drafts.push({ type: 'retirement', date: addYears(birthDate, retireAge), dollars: input.grossDollars * 0.7 * 25, probability: rng.between(0.85, 0.97), flex: flexibility(rng.pick([24, 36, 60]), 1, 1) });
  }
  if (!input.owner && age < 55 && rng.chance(0.5)) {
    drafts.push({ type: 'home-purchase', date: inMonths(12, 96), dollars: input.grossDollars * 3.2 * rng.between(0.1, 0.2), probability: rng.between(0.35, 0.85), flex: flexibility(rng.pick([12, 24]), 1, 1) });
  }
  if (rng.chance(age < 75 ? 0.5 : 0.15)) {
    drafts.push({ type: 'car-purchase', date: inMonths(6, 72), dollars: rng.between(18_000, 45_000) * incomeScale ** 0.3, probability: rng.between(0.6, 0.95), flex: flexibility(12, rng.pick([36, 48, 60]), rng.between(0.1, 0.2)) });
  }
  for (const child of household.children) {
    if (!child.dependent) continue;
    const born = ownIsoToDate(child.birthDate);
    drafts.push({ type: 'education', date: addYears(born, 18), dollars: rng.between(40_000, 120_000) * incomeScale ** 0.3, probability: rng.between(0.55, 0.9), flex: flexibility(0, 48, 0.25) });
  }
  if (household.maritalStatus !== 'married' && age < 45 && rng.chance(0.25)) {
    drafts.push({ type: 'wedding', date: inMonths(9, 48), dollars: rng.between(15_000, 40_000), probability: rng.between(0.4, 0.8), flex: flexibility(12, 12, 0.3) });
  }
  if (household.maritalStatus === 'married' && age < 40 && rng.chance(0.3)) {
    drafts.push({ type: 'child-birth', date: inMonths(10, 36), dollars: rng.between(8_000, 20_000), probability: rng.between(0.35, 0.7), flex: flexibility(0, 12, 0.2) });
  }
  if (input.owner && rng.chance(0.3)) {
    drafts.push({ type: 'home-renovation', date: inMonths(6, 60), dollars: rng.between(10_000, 60_000) * incomeScale ** 0.3, probability: rng.between(0.4, 0.8), flex: flexibility(24, 24, 0.25) });
  }
  if (age >= 50 && rng.chance(0.2)) {
    drafts.push({ type: 'medical', date: inMonths(12, 120), dollars: rng.between(5_000, 30_000), probability: rng.between(0.15, 0.5), flex: flexibility(0, 24, 0.1) });
  }

  const kept = drafts.filter((d) => daysBetween(start, d.date) > 0 && daysBetween(d.date, last) >= 0);
  sortSmallStable(kept, (a, b) => daysBetween(b.date, a.date)); // stable: equal dates keep their order
  return kept.map((d, i) => ({
    id: `m${i + 1}`,
    type: d.type,
    date: toIsoDate(d.date),
    amountCents: dollarsToCents(Math.round(d.dollars)),
    probability: roundProbability(d.probability),
    paymentFlexibility: {
      kind: d.flex.kind, maxDeferralMonths: d.flex.maxDeferralMonths, maxInstallments: d.flex.maxInstallments,
      minUpfrontShare: Math.round(d.flex.minUpfrontShare * 100) / 100,
    },
  }));
}
