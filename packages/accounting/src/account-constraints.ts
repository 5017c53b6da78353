/** Per-account payment constraints: their type and the check of their shape. */
import { InvalidArgumentError } from './errors.js';
import { toIsoDate, type IsoDate } from './dates.js';
import type { Cents } from './money.js';

/**
 * Rules that payments *from* an account must satisfy. All amounts are cents; all are optional.
 * Asset accounts without `minimumBalance` behave as if it were 0 (no overdraft); set a negative value to allow one.
 */
export interface AccountConstraints {
  /** The account's balance (normal sign) must stay ≥ this on the payment date and at every later date. */
  minimumBalance?: Cents;
  /** No single payment may exceed this. */
  maxSinglePayment?: Cents;
  /** Payments from the account on one calendar day may total at most this. */
  dailyLimit?: Cents;
  /** Payments from the account in one calendar month may total at most this. */
  monthlyLimit?: Cents;
  /** Every payment must be approved (it waits as pending until `approvePayment`). */
  approvalRequired?: boolean;
  /** Days on which no payment may be made. */
  blockedDates?: readonly IsoDate[];
}

const AMOUNT_KEYS = ['minimumBalance', 'maxSinglePayment', 'dailyLimit', 'monthlyLimit'] as const;

/** Check and copy a constraints object; `field` names where it came from. */
export function checkConstraints(input: AccountConstraints, field = 'constraints'): AccountConstraints {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError('constraints must be an object', { field, received: String(input) });
  const out: { -readonly [K in keyof AccountConstraints]: AccountConstraints[K] } = {};
  for (const key of AMOUNT_KEYS) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== 'bigint') throw new InvalidArgumentError('constraint amount must be integer cents (bigint)', { field: `${field}.${key}`, received: typeof v });
    if (key !== 'minimumBalance' && v < 0n) throw new InvalidArgumentError('limit must be non-negative', { field: `${field}.${key}`, received: v.toString() });
    out[key] = v;
  }
  if (input.approvalRequired !== undefined) {
    if (typeof input.approvalRequired !== 'boolean') throw new InvalidArgumentError('approvalRequired must be a boolean', { field: `${field}.approvalRequired`, received: typeof input.approvalRequired });
    out.approvalRequired = input.approvalRequired;
  }
  if (input.blockedDates !== undefined) {
    if (!Array.isArray(input.blockedDates)) throw new InvalidArgumentError('blockedDates must be an array of YYYY-MM-DD', { field: `${field}.blockedDates`, received: typeof input.blockedDates });
    out.blockedDates = [...new Set(input.blockedDates.map((d, i) => toIsoDate(d, `${field}.blockedDates[${i}]`)))].sort();
  }
  return out;
}
