/**
 * Moving the plan state along its expected path (deterministic; the mesh is used for scoring, not for this):
 * the month's cash flow, then a month of expected growth and the milestone payments that fall due.
 */
import { amortizeDebt } from '@omega/stochastic-mesh';
import { MARKET, categoryById } from './catalog.js';
import { investedOf, monthlySurplus, syncInvested, type PlanState } from './plan-state.js';

/** The month's pay cycle: net income in, living expenses and required debt payments out (into/out of checking). */
export function applyMonthCashFlow(s: PlanState): void {
  const surplus = monthlySurplus(s);
  for (const d of s.person.debts) d.balanceCents = Math.round(amortizeDebt(d, 1).balances[1]!);
  s.person.assets.checkingCents += surplus;
  if (s.person.assets.checkingCents < 0) cover(s, -s.person.assets.checkingCents, true);
}

/** Pay `amount` out of checking → savings → invested money (in that order); returns what could not be covered. */
function cover(s: PlanState, amount: number, fromCheckingDeficit: boolean): number {
  const a = s.person.assets;
  let left = amount;
  if (fromCheckingDeficit) a.checkingCents = 0;
  else { const x = Math.min(left, a.checkingCents); a.checkingCents -= x; left -= x; }
  const y = Math.min(left, a.savingsCents);
  a.savingsCents -= y;
  left -= y;
  const invested = investedOf(s);
  if (left > 0 && invested > 0) {
    const take = Math.min(left, invested);
    let taken = 0;
    const ids = Object.keys(s.holdings).sort();
    ids.forEach((id, i) => {
      const v = s.holdings[id]!;
      const part = i === ids.length - 1 ? take - taken : Math.floor((take * v) / invested);
      s.holdings[id] = v - part;
      taken += part;
    });
    left -= take;
    syncInvested(s);
  }
  return left;
}

/** Expected growth over one month, then milestones (and scheduled parts) due in (from, to] are paid. */
export function growAndPay(s: PlanState, from: string, to: string): void {
  for (const id of Object.keys(s.holdings)) s.holdings[id] = Math.round(s.holdings[id]! * (1 + categoryById(id).mu / 12));
  s.person.assets.savingsCents = Math.round(s.person.assets.savingsCents * (1 + MARKET.cash.mu / 12));
  syncInvested(s);
  for (const m of s.person.milestones) {
    if (s.paid.includes(m.id)) continue;
    const plan = s.schedules[m.id];
    const due = plan ? plan.parts.filter((p) => p.date > from && p.date <= to) : m.date > from && m.date <= to ? [{ amountCents: m.amountCents, date: m.date }] : [];
    for (const part of due) {
      cover(s, part.amountCents, false);
      m.amountCents -= part.amountCents;
    }
    if (plan) plan.parts = plan.parts.filter((p) => !(p.date > from && p.date <= to));
    if (due.length > 0 && (m.amountCents <= 0 || (plan && plan.parts.length === 0))) s.paid.push(m.id);
  }
}
