/**
 * The flexible payment the demo shows: a milestone paid in three parts —
 * 1. a deposit today (10 % of the cost, checked against the mesh's balance and its payment capacity),
 * 2. on the due date, enough that deposit + this part reach max(50 %, the milestone's minimum upfront share),
 * 3. the rest on the first mesh date, within the milestone's deferral/installment window after the due date, at
 *    which wealth is at least twice that rest (a cushion); on paths where that never happens it stays unfunded.
 */
import { part, whenCondition, type PaymentRecord, type PlanningMesh } from '@omega/stochastic-mesh';
import type { PaymentFlexibility } from '@omega/synthetic-data';
import { addMonthsUtc, dateToDay } from './_dates.js';

export const DEPOSIT_SHARE = 0.1;

export interface ThreePartPayment {
  milestoneId: string;
  amount: number;
  parts: { label: string; amount: number; when: string }[];
  paidNow: PaymentRecord[];
}

/** Whether a milestone's flexibility allows this three-part plan (it may be split and part of it paid late). */
export function allowsThreeParts(flex: PaymentFlexibility): boolean {
  return flex.maxInstallments >= 2 && flex.minUpfrontShare <= 0.8;
}

/** Months after the due date in which the last part may fall. */
export function windowMonths(flex: PaymentFlexibility): number {
  return Math.max(1, flex.maxDeferralMonths + flex.maxInstallments - 1);
}

const toCents = (x: number): number => Math.floor(x * 100) / 100;

export function payInThreeParts(mesh: PlanningMesh, milestoneId: string, options: { today: Date; minUpfrontShare: number; windowMonths: number }): ThreePartPayment {
  const { input } = mesh.milestone(milestoneId);
  const due = input.dueDate;
  const deposit = toCents(DEPOSIT_SHARE * input.amount);
  const upfront = Math.max(0.5, options.minUpfrontShare);
  const onDue = toCents(upfront * input.amount - deposit);
  const rest = input.amount - deposit - onDue;
  const cushion = Math.ceil(2 * rest);
  const notBefore = addMonthsUtc(due, 1);
  const notAfter = addMonthsUtc(due, options.windowMonths);
  const condition = `wealth ≥ ${cushion} between ${dateToDay(notBefore)} and ${dateToDay(notAfter)}`;
  const paidNow = mesh.pay(milestoneId, [
    part.amount(options.today, deposit),
    part.amount(due, onDue),
    part.rest(whenCondition(condition, (s) => s.wealth >= cushion, { notBefore, notAfter })), // PlanningMesh applies the window
  ]);
  return {
    milestoneId,
    amount: input.amount,
    parts: [
      { label: 'deposit', amount: deposit, when: dateToDay(options.today) },
      { label: 'on the due date', amount: onDue, when: dateToDay(due) },
      { label: 'rest, when affordable', amount: rest, when: condition },
    ],
    paidNow,
  };
}
