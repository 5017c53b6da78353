/** Records the ledger keeps about payments: pending approvals and the decision log (approvals, rejections, overrides). */
import type { IsoDate } from './dates.js';
import type { Cents } from './money.js';

/** A violated payment rule, with a human-readable reason. */
export type PaymentRule =
  | 'invalid-amount'
  | 'invalid-date'
  | 'unknown-account'
  | 'same-account'
  | 'minimum-balance'
  | 'max-single-payment'
  | 'daily-limit'
  | 'monthly-limit'
  | 'approval-required'
  | 'blocked-date';

export interface Violation {
  readonly rule: PaymentRule;
  /** The account whose rule is violated (absent for rules about the payment itself). */
  readonly account?: string;
  readonly message: string;
  /** The limit in cents, for amount rules. */
  readonly limit?: Cents;
  /** What the payment would make of that quantity (new balance, day total, …), in cents. */
  readonly attempted?: Cents;
}

/** A payment waiting for approval. */
export interface PendingPayment {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly amount: Cents;
  /** The date the payment was requested for. */
  readonly requestedDate: IsoDate;
  readonly description: string;
  readonly meta: Readonly<Record<string, string>>;
}

/** One explicit decision about a payment, kept in the ledger's decision log. */
export interface PaymentDecision {
  readonly type: 'approved' | 'rejected' | 'override';
  readonly paymentId: string;
  readonly date: IsoDate;
  /** Who decided. */
  readonly by: string;
  /** Why (required for overrides and rejections). */
  readonly reason: string;
  /** The rules that were violated and overridden (overrides only; empty otherwise). */
  readonly overridden: readonly Violation[];
  /** The transaction that was posted, if any. */
  readonly transactionId?: string;
}
