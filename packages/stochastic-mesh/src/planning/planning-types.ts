/**
 * Structural input types of the planning mesh. They are deliberately our own (not imported from
 * @omega/synthetic-data or @omega/accounting) so any adapter can map a synthetic person or a ledger onto them.
 */

/** The only source of "now": the mesh never reads the wall clock. */
export interface Clock {
  now(): Date;
}

export interface CashFlowInput {
  id: string;
  kind: 'income' | 'expense';
  /** Amount per occurrence (positive). */
  amount: number;
  every: 'month' | 'year';
  /** First occurrence (default: the plan start). */
  start?: Date;
  /** No occurrences after this date. */
  end?: Date;
  /** Annual growth rate of the amount (e.g. 0.02 for inflation-indexed). */
  growth?: number;
}

export interface MilestoneInput {
  id: string;
  name: string;
  /** Total cost (positive). */
  amount: number;
  /** When it is due; until a payment plan is given it is assumed paid in full on this date. */
  dueDate: Date;
}

export interface MarketAssumptions {
  /** Expected (arithmetic) annual return of invested wealth. */
  mu: number;
  sigma: number;
}

export interface VisibilityOptions {
  /** Months ahead that are fully visible. */
  clearMonths: number;
  /** Months over which visibility then fades linearly to 0. */
  fadeMonths: number;
}

export interface PlanningInput {
  clock: Clock;
  initialWealth: number;
  flows?: readonly CashFlowInput[];
  milestones?: readonly MilestoneInput[];
  market: MarketAssumptions;
  horizonYears: number;
  /** Months per mesh step (default 1). */
  stepMonths?: number;
  /** Paths (nodes per date), default 1000. */
  paths?: number;
  seed: number;
  visibility?: VisibilityOptions;
  /** Optional external payment-capacity check (e.g. an @omega/accounting ledger adapter). */
  paymentCapacity?: PaymentCapacity;
}

/** What the mesh asks a ledger before an immediate payment. */
export interface PaymentCapacity {
  canPay(request: { milestoneId: string; amount: number; date: Date }): { ok: boolean; available?: number; reason?: string };
}

/** The state a conditional payment trigger sees on one path at one date. */
export interface ConditionState {
  date: Date;
  wealth: number;
}

/** A payment date: a calendar date, or the first mesh date on which `holds` is true (per path). */
export type PaymentWhen = Date | { condition: string; holds: (state: ConditionState) => boolean; notBefore?: Date; notAfter?: Date };

/** One part of a milestone payment: a fraction of the total, a fixed amount, or whatever remains. */
export interface PaymentPart {
  when: PaymentWhen;
  fraction?: number;
  amount?: number;
  rest?: boolean;
}
