/**
 * Posting payments: ok → posted; only approval missing → pending; anything else → rejected, unless an explicit
 * override (who and why) is given, which is recorded in the decision log with the rules it set aside.
 */
import { toIsoDate, type DateInput } from './dates.js';
import { InvalidArgumentError } from './errors.js';
import type { Ledger } from './ledger.js';
import type { PaymentDecision, PendingPayment, Violation } from './payment-records.js';
import type { Transaction } from './transaction.js';
import { STRUCTURAL_RULES, checkPayment, type PaymentInput } from './validate-payment.js';

/** An explicit decision to post despite violated rules. Structural rules (bad amount, date, account) cannot be overridden. */
export interface PaymentOverride {
  by: string;
  reason: string;
}

export type PaymentOutcome =
  | { readonly status: 'posted'; readonly paymentId: string; readonly transaction: Transaction; readonly override?: PaymentDecision }
  | { readonly status: 'pending'; readonly paymentId: string; readonly pending: PendingPayment; readonly violations: readonly Violation[] }
  | { readonly status: 'rejected'; readonly paymentId?: string; readonly violations: readonly Violation[] };

function checkOverride(override: PaymentOverride | undefined): void {
  if (override === undefined) return;
  if (typeof override.reason !== 'string' || override.reason.trim() === '') {
    throw new InvalidArgumentError('an override needs a reason', { field: 'override.reason', expected: 'a non-empty string', received: JSON.stringify(override.reason) });
  }
  if (typeof override.by !== 'string' || override.by.trim() === '') {
    throw new InvalidArgumentError('an override needs the name of who decided', { field: 'override.by', expected: 'a non-empty string', received: JSON.stringify(override.by) });
  }
}

function postTransaction(ledger: Ledger, paymentId: string, p: PaymentInput, requestedDate: string): Transaction {
  return ledger.post({
    date: p.date,
    description: p.description ?? `Payment ${paymentId}`,
    kind: 'payment',
    postings: [{ account: p.to, amount: p.amount }, { account: p.from, amount: -p.amount }],
    meta: { ...(p.meta ?? {}), paymentId, requestedDate },
  });
}

/** Decide and post (or hold, or refuse) a payment. Posting order: validate, then post; nothing is half-done. */
function settle(ledger: Ledger, paymentId: string, p: PaymentInput, requestedDate: string, approved: boolean, override: PaymentOverride | undefined, onPosted: () => void): PaymentOutcome {
  const { violations } = checkPayment(ledger, p, approved);
  if (violations.some((v) => STRUCTURAL_RULES.includes(v.rule))) return { status: 'rejected', paymentId, violations };
  if (violations.length === 0) {
    const transaction = postTransaction(ledger, paymentId, p, requestedDate);
    onPosted();
    return { status: 'posted', paymentId, transaction };
  }
  if (override !== undefined) {
    const transaction = postTransaction(ledger, paymentId, p, requestedDate);
    onPosted();
    const decision: PaymentDecision = { type: 'override', paymentId, date: toIsoDate(p.date), by: override.by, reason: override.reason, overridden: violations, transactionId: transaction.id };
    ledger.recordDecision(decision);
    return { status: 'posted', paymentId, transaction, override: decision };
  }
  return { status: 'rejected', paymentId, violations };
}

/**
 * Submit a payment. Returns 'posted' (a 'payment' transaction crediting `from`, debiting `to`), 'pending' when the
 * only unmet rule is approval (see `approvePayment`), or 'rejected' with every violated rule. With
 * `options.override`, violated constraint rules are set aside and the decision is logged (`ledger.decisions()`).
 */
export function postPayment(ledger: Ledger, payment: PaymentInput, options: { override?: PaymentOverride } = {}): PaymentOutcome {
  checkOverride(options.override);
  const structural = checkPayment(ledger, payment, true).violations.filter((v) => STRUCTURAL_RULES.includes(v.rule));
  if (structural.length > 0) return { status: 'rejected', violations: structural };
  const paymentId = ledger.claimPaymentId(payment.id);
  const requestedDate = toIsoDate(payment.date);
  const unapproved = checkPayment(ledger, payment, false);
  const onlyApproval = unapproved.violations.length > 0 && unapproved.violations.every((v) => v.rule === 'approval-required');
  if (onlyApproval && options.override === undefined) {
    const pending: PendingPayment = {
      id: paymentId, from: payment.from, to: payment.to, amount: payment.amount, requestedDate,
      description: payment.description ?? `Payment ${paymentId}`, meta: { ...(payment.meta ?? {}) },
    };
    ledger.addPending(pending);
    return { status: 'pending', paymentId, pending, violations: unapproved.violations };
  }
  return settle(ledger, paymentId, payment, requestedDate, false, options.override, () => undefined);
}

export interface ApprovalOptions {
  /** The approval date: the payment is re-validated and posted as of this day. */
  date: DateInput;
  by: string;
  /** Post even if rules fail at approval time (logged). */
  override?: PaymentOverride;
}

/**
 * Approve a pending payment. Every rule is checked again *now* (balances, limits and blocked dates as of the
 * approval date); if any fails, the payment stays pending and the outcome is 'rejected' with the violations.
 */
export function approvePayment(ledger: Ledger, paymentId: string, options: ApprovalOptions): PaymentOutcome {
  checkOverride(options.override);
  if (typeof options.by !== 'string' || options.by.trim() === '') throw new InvalidArgumentError('approval needs the name of who approves', { field: 'by', received: JSON.stringify(options.by) });
  const pending = ledger.pending(paymentId);
  const date = toIsoDate(options.date, 'date');
  const payment: PaymentInput = { from: pending.from, to: pending.to, amount: pending.amount, date, description: pending.description, meta: pending.meta };
  return settle(ledger, paymentId, payment, pending.requestedDate, true, options.override, () => {
    ledger.removePending(paymentId);
    ledger.recordDecision({ type: 'approved', paymentId, date, by: options.by, reason: '', overridden: [] });
  });
}

/** Refuse a pending payment; it leaves the pending list and the refusal is logged with its reason. */
export function rejectPayment(ledger: Ledger, paymentId: string, options: { date: DateInput; by: string; reason: string }): PaymentDecision {
  if (typeof options.reason !== 'string' || options.reason.trim() === '') throw new InvalidArgumentError('a rejection needs a reason', { field: 'reason', received: JSON.stringify(options.reason) });
  if (typeof options.by !== 'string' || options.by.trim() === '') throw new InvalidArgumentError('a rejection needs the name of who rejects', { field: 'by', received: JSON.stringify(options.by) });
  const date = toIsoDate(options.date, 'date');
  ledger.removePending(paymentId);
  const decision: PaymentDecision = { type: 'rejected', paymentId, date, by: options.by, reason: options.reason, overridden: [] };
  ledger.recordDecision(decision);
  return decision;
}
