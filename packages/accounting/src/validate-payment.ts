/** Payment rules: `validatePayment` reports every violated rule; `paymentCapacity` is the most payable now. */
import { normalSide } from './chart-of-accounts.js';
import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import { isAccountingError } from './errors.js';
import type { Ledger } from './ledger.js';
import { formatCents, type Cents } from './money.js';
import type { PaymentRule, Violation } from './payment-records.js';

/** A payment from one account to another: the `from` account is credited, `to` is debited. */
export interface PaymentInput {
  /** Optional; generated (`pay-1`, …) when absent. */
  id?: string;
  from: string;
  to: string;
  /** Positive integer cents. */
  amount: Cents;
  date: DateInput;
  description?: string;
  meta?: Readonly<Record<string, string>>;
}

export interface ValidationResult {
  readonly ok: boolean;
  /** Every violated rule (empty when ok). */
  readonly violations: readonly Violation[];
}

/** Rules about the payment itself; no override can set them aside. */
export const STRUCTURAL_RULES: readonly PaymentRule[] = ['invalid-amount', 'invalid-date', 'unknown-account', 'same-account'];

const usd = (c: Cents): string => `$${formatCents(c)}`;

/** Structural checks; returns the normalised date when it is valid. */
function checkStructure(ledger: Ledger, p: PaymentInput, out: Violation[]): IsoDate | undefined {
  if (typeof p.amount !== 'bigint') {
    out.push({ rule: 'invalid-amount', message: `amount must be integer cents (bigint), got ${typeof p.amount}` });
  } else if (p.amount <= 0n) {
    out.push({ rule: 'invalid-amount', message: `amount must be positive, got ${usd(p.amount)}`, attempted: p.amount });
  }
  let date: IsoDate | undefined;
  try {
    date = toIsoDate(p.date, 'date');
  } catch (e) {
    if (!isAccountingError(e)) throw e;
    out.push({ rule: 'invalid-date', message: e.message });
  }
  for (const side of ['from', 'to'] as const) {
    if (typeof p[side] !== 'string' || !ledger.hasAccount(p[side])) {
      out.push({ rule: 'unknown-account', account: String(p[side]), message: `${side} account ${JSON.stringify(p[side])} is not in the chart of accounts` });
    }
  }
  if (p.from === p.to && typeof p.from === 'string') out.push({ rule: 'same-account', account: p.from, message: 'from and to are the same account' });
  return date;
}

/** The minimum natural balance enforced on an account, if any (assets default to 0: no overdraft). */
function minimumOf(ledger: Ledger, account: string): Cents | undefined {
  const c = ledger.constraintsOf(account);
  if (c.minimumBalance !== undefined) return c.minimumBalance;
  return ledger.account(account).type === 'asset' ? 0n : undefined;
}

/** How a payment of +1 cent changes the natural balance of the paying account. */
function naturalDeltaPerCent(ledger: Ledger, account: string): bigint {
  return normalSide(ledger.account(account).type) === 'debit' ? -1n : 1n;
}

/**
 * Every rule, for a payment made on `date` (`approved`: approval has been given). Exported inside the package
 * only; callers outside use `validatePayment`, which never treats a payment as approved.
 */
export function checkPayment(ledger: Ledger, p: PaymentInput, approved: boolean): ValidationResult {
  const out: Violation[] = [];
  const date = checkStructure(ledger, p, out);
  if (out.length > 0 || date === undefined) return { ok: false, violations: out };
  const from = p.from;
  const amount = p.amount;
  const c = ledger.constraintsOf(from);

  const minimum = minimumOf(ledger, from);
  if (minimum !== undefined) {
    const after = ledger.lowestBalanceFrom(from, date) + naturalDeltaPerCent(ledger, from) * amount;
    if (after < minimum) {
      const now = ledger.balance(from, date);
      out.push({ rule: 'minimum-balance', account: from, limit: minimum, attempted: after,
        message: `${from} would fall to ${usd(after)} (balance ${usd(now)} on ${date}, lowest from then on considered), below its minimum ${usd(minimum)}` });
    }
  }
  if (c.maxSinglePayment !== undefined && amount > c.maxSinglePayment) {
    out.push({ rule: 'max-single-payment', account: from, limit: c.maxSinglePayment, attempted: amount,
      message: `payment of ${usd(amount)} exceeds the maximum single payment ${usd(c.maxSinglePayment)} for ${from}` });
  }
  if (c.dailyLimit !== undefined) {
    const total = ledger.paymentOutflow(from, date, 'day') + amount;
    if (total > c.dailyLimit) {
      out.push({ rule: 'daily-limit', account: from, limit: c.dailyLimit, attempted: total,
        message: `payments from ${from} on ${date} would total ${usd(total)}, above the daily limit ${usd(c.dailyLimit)}` });
    }
  }
  if (c.monthlyLimit !== undefined) {
    const total = ledger.paymentOutflow(from, date, 'month') + amount;
    if (total > c.monthlyLimit) {
      out.push({ rule: 'monthly-limit', account: from, limit: c.monthlyLimit, attempted: total,
        message: `payments from ${from} in ${date.slice(0, 7)} would total ${usd(total)}, above the monthly limit ${usd(c.monthlyLimit)}` });
    }
  }
  if (c.blockedDates?.includes(date) === true) {
    out.push({ rule: 'blocked-date', account: from, message: `payments from ${from} are blocked on ${date}` });
  }
  if (c.approvalRequired === true && !approved) {
    out.push({ rule: 'approval-required', account: from, message: `payments from ${from} require approval` });
  }
  return { ok: out.length === 0, violations: out };
}

/**
 * Check a payment against every rule and return ok or *every* violated rule with a reason. Never throws for a
 * bad payment (a bad amount, date or account is a violation); never posts anything. A payment from an account
 * with `approvalRequired` always reports 'approval-required' here: approval happens through `approvePayment`.
 */
export function validatePayment(ledger: Ledger, payment: PaymentInput): ValidationResult {
  return checkPayment(ledger, payment, false);
}

export interface PaymentCapacity {
  readonly account: string;
  readonly date: IsoDate;
  /** The most that can be paid from the account on `date` under every amount rule; null when nothing limits it. */
  readonly amount: Cents | null;
  /** The rules that set `amount` (several when they tie). */
  readonly limitedBy: readonly PaymentRule[];
  /** Whether a payment would still need approval. */
  readonly requiresApproval: boolean;
}

/** The most payable from `account` on `date` under minimum balance, single, daily and monthly limits and blocked dates. */
export function paymentCapacity(ledger: Ledger, account: string, on: DateInput): PaymentCapacity {
  ledger.account(account, 'account');
  const date = toIsoDate(on, 'date');
  const c = ledger.constraintsOf(account);
  const caps: [PaymentRule, Cents][] = [];
  if (c.blockedDates?.includes(date) === true) caps.push(['blocked-date', 0n]);
  const minimum = minimumOf(ledger, account);
  // Only debit-normal accounts lose balance by paying; a credit-normal account's balance rises instead.
  if (minimum !== undefined && naturalDeltaPerCent(ledger, account) < 0n) caps.push(['minimum-balance', ledger.lowestBalanceFrom(account, date) - minimum]);
  if (c.maxSinglePayment !== undefined) caps.push(['max-single-payment', c.maxSinglePayment]);
  if (c.dailyLimit !== undefined) caps.push(['daily-limit', c.dailyLimit - ledger.paymentOutflow(account, date, 'day')]);
  if (c.monthlyLimit !== undefined) caps.push(['monthly-limit', c.monthlyLimit - ledger.paymentOutflow(account, date, 'month')]);
  const requiresApproval = c.approvalRequired === true;
  if (caps.length === 0) return { account, date, amount: null, limitedBy: [], requiresApproval };
  let amount = caps.reduce((m, [, v]) => (v < m ? v : m), caps[0]![1]);
  if (amount < 0n) amount = 0n;
  const limitedBy = caps.filter(([, v]) => (v < 0n ? 0n : v) === amount).map(([r]) => r);
  return { account, date, amount, limitedBy, requiresApproval };
}
