/** Deterministic amortisation of one debt at its rate with its required monthly payment. */
import { InvalidArgumentError } from '../errors.js';

export interface DebtTerms {
  balanceCents: number;
  /** Annual rate as a fraction; interest accrues monthly at rate / 12. */
  annualRate: number;
  minimumPaymentCents: number;
}

export interface DebtSchedule {
  /** Balance after each month's interest and payment; `balances[0]` is today's balance. Length months + 1. */
  balances: number[];
  /** Payment made in month k (1-based index k − 1). Length months. */
  payments: number[];
  /** The month (1-based) of the last payment, or null when the debt is not paid off within `months`. */
  payoffMonth: number | null;
}

/**
 * Amortise for `months` months: each month interest `B · rate / 12` accrues, then `min(payment, B + interest)` is
 * paid, so the balance reaches exactly 0 on the payoff month. Values are real-valued cents (no rounding), so
 * scaling every amount by a factor scales the whole schedule by it.
 */
export function amortizeDebt(terms: DebtTerms, months: number, field = 'debt'): DebtSchedule {
  if (!(terms.balanceCents >= 0) || !Number.isFinite(terms.balanceCents)) throw new InvalidArgumentError(`${field}.balanceCents`, 'a finite number ≥ 0', terms.balanceCents);
  if (!(terms.annualRate >= 0) || !Number.isFinite(terms.annualRate)) throw new InvalidArgumentError(`${field}.annualRate`, 'a finite number ≥ 0', terms.annualRate);
  if (!(terms.minimumPaymentCents >= 0) || !Number.isFinite(terms.minimumPaymentCents)) throw new InvalidArgumentError(`${field}.minimumPaymentCents`, 'a finite number ≥ 0', terms.minimumPaymentCents);
  if (!Number.isInteger(months) || months < 0) throw new InvalidArgumentError('months', 'an integer ≥ 0', months);
  const balances = [terms.balanceCents];
  const payments: number[] = [];
  let b = terms.balanceCents;
  let payoffMonth: number | null = b === 0 ? 0 : null;
  for (let k = 1; k <= months; k++) {
    const owed = b + (b * terms.annualRate) / 12;
    const pay = Math.min(terms.minimumPaymentCents, owed);
    b = owed - pay;
    balances.push(b);
    payments.push(pay);
    if (payoffMonth === null && b === 0) payoffMonth = k;
  }
  return { balances, payments, payoffMonth };
}
