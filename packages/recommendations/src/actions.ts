/** Applying one candidate action to a plan state: the state change and the ledger transfers it implies. */
import { DEFAULT_ACCOUNT_IDS as A } from '@omega/accounting';
import { debtAccountId } from '@omega/stochastic-mesh';
import { syncInvested, type MilestoneSchedule, type PlanState } from './plan-state.js';
import type { ActionKind, Transfer } from './types.js';

export interface Candidate {
  kind: ActionKind;
  target: string;
  /** Largest sensible amount (cents); divisible candidates may be given less. */
  maxCents: number;
  /** Takes money from liquid cash (competes for the month's budget). */
  usesBudget: boolean;
  divisible: boolean;
  usedFields: string[];
  schedule?: MilestoneSchedule;
  /** Rebalance: the category sold and the one bought. */
  sell?: string;
  buy?: string;
}

/** Where the liquidity floor sits: checking first, the rest in savings (matches the ledger constraints). */
export interface FloorSplit {
  checking: number;
  savings: number;
}

export function splitFloor(s: PlanState, floor: number): FloorSplit {
  const checking = Math.min(floor, s.person.assets.checkingCents);
  return { checking, savings: Math.min(floor - checking, s.person.assets.savingsCents) };
}

/** Take `amount` from liquid cash above the floor: checking first, then savings. */
function takeLiquid(s: PlanState, amount: number, split: FloorSplit, to: string, out: Transfer[]): void {
  const a = s.person.assets;
  const fromChecking = Math.min(amount, Math.max(0, a.checkingCents - split.checking));
  const fromSavings = amount - fromChecking;
  if (fromChecking > 0) out.push({ from: A.checking, to, amountCents: fromChecking });
  if (fromSavings > 0) out.push({ from: A.savings, to, amountCents: fromSavings });
  a.checkingCents -= fromChecking;
  a.savingsCents -= fromSavings;
}

/** Mutates `s`; returns the transfers (empty for actions that move no money today). */
export function applyAction(s: PlanState, c: Candidate, amount: number, split: FloorSplit): Transfer[] {
  const out: Transfer[] = [];
  const p = s.person;
  switch (c.kind) {
    case 'emergency-fund':
      out.push({ from: A.checking, to: A.savings, amountCents: amount });
      p.assets.checkingCents -= amount;
      p.assets.savingsCents += amount;
      break;
    case 'debt-payment': {
      const debt = p.debts.find((d) => d.id === c.target)!;
      takeLiquid(s, amount, split, debtAccountId(debt), out);
      debt.balanceCents -= amount;
      break;
    }
    case 'invest':
      takeLiquid(s, amount, split, A.stocks, out);
      s.holdings[c.target] = (s.holdings[c.target] ?? 0) + amount;
      syncInvested(s);
      break;
    case 'rebalance':
      s.holdings[c.sell!] = (s.holdings[c.sell!] ?? 0) - amount;
      s.holdings[c.buy!] = (s.holdings[c.buy!] ?? 0) + amount;
      break;
    case 'raise-savings':
      p.monthlyExpenses.discretionaryCents -= amount;
      p.monthlyExpenses.totalCents -= amount;
      break;
    case 'reschedule-milestone':
      s.schedules[c.target] = structuredClone(c.schedule!);
      break;
    case 'purchase': {
      takeLiquid(s, amount, split, A.milestonePayments, out);
      const m = p.milestones.find((x) => x.id === c.target)!;
      m.amountCents -= amount;
      if (m.amountCents <= 0) s.paid.push(m.id);
      break;
    }
  }
  return out;
}
