/**
 * Feasibility of a set of actions in one month: monthly cash flow ≥ 0, liquid cash ≥ the liquidity floor, the
 * equity share inside the risk band (or moving towards it), and every transfer accepted by an @omega/accounting
 * ledger opened from the month's balances with the floor as minimum-balance constraints (`validatePayment` then
 * `postPayment`, so later transfers see earlier ones).
 */
import { DEFAULT_ACCOUNT_IDS as A, postPayment, validatePayment } from '@omega/accounting';
import { ledgerFromPerson } from '@omega/stochastic-mesh';
import { RISK_BANDS } from './catalog.js';
import { applyAction, splitFloor, type Candidate } from './actions.js';
import { cloneState, equityShare, investedOf, liquidOf, monthlySurplus, type PlanState } from './plan-state.js';
import type { DropReason, Transfer } from './types.js';

export type Feasibility = { ok: true; state: PlanState; transfers: Transfer[][] } | { ok: false; reason: DropReason; detail: string };

const bandDistance = (s: PlanState): number => {
  if (investedOf(s) <= 0) return 0;
  const b = RISK_BANDS[s.person.riskTolerance.label];
  const e = equityShare(s);
  return Math.max(0, b.minEquity - e, e - b.maxEquity);
};

/** Apply `actions` in order to a copy of `before` and check every constraint. */
export function checkActions(before: PlanState, date: string, floor: number, actions: readonly { c: Candidate; amount: number }[]): Feasibility {
  const split = splitFloor(before, floor);
  const after = cloneState(before);
  const transfers: Transfer[][] = [];
  for (const { c, amount } of actions) {
    if (!(Number.isSafeInteger(amount) && amount > 0)) return { ok: false, reason: 'accounting', detail: `${c.kind} ${c.target}: amount ${amount} is not positive integer cents` };
    if (c.kind === 'debt-payment') {
      const d = after.person.debts.find((x) => x.id === c.target);
      if (d === undefined || amount > d.balanceCents) return { ok: false, reason: 'accounting', detail: `payment of ${amount}¢ exceeds the balance ${d?.balanceCents ?? 0}¢ of debt ${c.target}` };
    }
    if (c.kind === 'rebalance' && amount > (after.holdings[c.sell!] ?? 0)) return { ok: false, reason: 'accounting', detail: `rebalance sells ${amount}¢ of ${c.sell} but only ${after.holdings[c.sell!] ?? 0}¢ is held` };
    if (c.kind === 'raise-savings' && amount > after.person.monthlyExpenses.discretionaryCents) return { ok: false, reason: 'cash-flow', detail: `cut of ${amount}¢ exceeds discretionary spending ${after.person.monthlyExpenses.discretionaryCents}¢` };
    transfers.push(applyAction(after, c, amount, split));
  }
  const takesCash = actions.some(({ c }) => c.usesBudget);
  const flow = monthlySurplus(after);
  if (takesCash && flow < 0) return { ok: false, reason: 'cash-flow', detail: `monthly cash flow would be ${flow}¢ (< 0): no cash may leave the accounts` };
  const liquid = liquidOf(after);
  if (liquid < floor) return { ok: false, reason: 'liquidity-floor', detail: `liquid cash would fall to ${liquid}¢, below the floor ${floor}¢` };
  const d0 = bandDistance(before);
  const d1 = bandDistance(after);
  if (d1 > 1e-12 && d1 > d0 + 1e-12) {
    const b = RISK_BANDS[after.person.riskTolerance.label];
    return { ok: false, reason: 'risk-band', detail: `equity share would be ${equityShare(after).toFixed(3)}, outside the ${b.label} band [${b.minEquity}, ${b.maxEquity}] and further from it than ${equityShare(before).toFixed(3)}` };
  }
  const ledger = ledgerFromPerson(before.person, {
    asOf: date,
    constraints: { [A.checking]: { minimumBalance: BigInt(split.checking) }, [A.savings]: { minimumBalance: BigInt(split.savings) } },
  });
  for (const t of transfers.flat()) {
    const payment = { from: t.from, to: t.to, amount: BigInt(t.amountCents), date };
    const verdict = validatePayment(ledger, payment);
    if (!verdict.ok) return { ok: false, reason: 'accounting', detail: verdict.violations.map((v) => v.message).join('; ') };
    const posted = postPayment(ledger, payment);
    if (posted.status !== 'posted') return { ok: false, reason: 'accounting', detail: `payment ${t.from} → ${t.to} was ${posted.status}` };
  }
  return { ok: true, state: after, transfers };
}
