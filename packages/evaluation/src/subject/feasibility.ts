/**
 * Feasibility: a recommendation is feasible when every one of its transfers passes `validatePayment` on the
 * subject's ledger (with the transfers of earlier feasible recommendations already posted), when checking +
 * savings stay at or above the liquidity floor after it, and, for a monthly savings increase, when it fits
 * inside the subject's discretionary spending.
 */
import { DEFAULT_ACCOUNT_IDS as A, postPayment, validatePayment } from '@omega/accounting';
import type { Person } from '@omega/synthetic-data';
import { liquidAt, liquidityFloorAt, type PlanLedger } from './profile-ledger.js';
import type { RecommendationView } from './recommendation-view.js';

export interface FeasibilityVerdict {
  feasible: boolean;
  /** Rules broken (accounting rule names, 'liquidity-floor' or 'budget'). */
  rules: string[];
}

export function checkFeasibility(plan: PlanLedger, person: Person, recs: readonly RecommendationView[]): FeasibilityVerdict[] {
  const ledger = plan.ledger;
  const isLiquid = (account: string) => account === A.checking || account === A.savings;
  return recs.map((rec) => {
    const rules = new Set<string>();
    if (rec.kind === 'raise-savings' && !(Number.isSafeInteger(rec.amountCents) && rec.amountCents >= 0 && rec.amountCents <= person.monthlyExpenses.discretionaryCents)) rules.add('budget');
    const payments = rec.transfers.map((t, k) => ({
      id: `${rec.id}#${k}`, from: t.from, to: t.to, date: rec.date, description: `${rec.kind} ${rec.target}`,
      amount: Number.isSafeInteger(t.amountCents) ? BigInt(t.amountCents) : -1n,
    }));
    // Each transfer is validated against the ledger as it stands; they are posted only when all pass (the ledger
    // has no rollback). Two transfers of one recommendation drawing on the same account are therefore checked
    // separately, not jointly: a known, stated simplification (recommendations emit one transfer in practice).
    for (const p of payments) {
      const verdict = validatePayment(ledger, p);
      for (const v of verdict.violations) rules.add(v.rule);
    }
    const drawn = rec.transfers.reduce((s, t) => s + (isLiquid(t.from) && !isLiquid(t.to) && Number.isSafeInteger(t.amountCents) ? BigInt(t.amountCents) : 0n), 0n);
    if (drawn > 0n && liquidAt(plan, rec.date) - drawn < liquidityFloorAt(plan, rec.date)) rules.add('liquidity-floor');
    const feasible = rules.size === 0;
    if (feasible) for (const p of payments) postPayment(ledger, p);
    if (feasible && rec.kind === 'raise-savings') postSpendingCut(plan, rec);
    return { feasible, rules: [...rules].sort() };
  });
}

/** A lasting spending cut leaves its amount in checking on every later month date of the plan. */
function postSpendingCut(plan: PlanLedger, rec: RecommendationView): void {
  const amount = BigInt(rec.amountCents);
  if (amount <= 0n) return;
  for (const date of plan.monthDates) {
    if (date <= rec.date) continue;
    plan.ledger.post({ date, description: `Spending cut (${rec.id})`, postings: [{ account: A.checking, amount }, { account: A.livingExpenses, amount: -amount }] });
  }
}
