/**
 * A simplified US tax model used to turn gross into net income: 2024 federal brackets and standard deduction,
 * the child tax credit (with its phase-out), payroll tax on wages (Social Security up to the wage base, Medicare
 * with the additional 0.9 %), and a flat state rate. Not a tax calculator: it ignores itemising, retirement-account
 * deferrals and the taxation of Social Security benefits (retirement income is taxed like ordinary income, without
 * payroll tax). Amounts are cents.
 */
import type { Income } from './model.js';

type FilingStatus = Income['filingStatus'];

/** [upper bound in dollars, marginal rate]; the last bound is Infinity. IRS Rev. Proc. 2023-34. */
const BRACKETS: Record<FilingStatus, readonly (readonly [number, number])[]> = {
  single: [[11_600, 0.1], [47_150, 0.12], [100_525, 0.22], [191_950, 0.24], [243_725, 0.32], [609_350, 0.35], [Infinity, 0.37]],
  'married-joint': [[23_200, 0.1], [94_300, 0.12], [201_050, 0.22], [383_900, 0.24], [487_450, 0.32], [731_200, 0.35], [Infinity, 0.37]],
  'head-of-household': [[16_550, 0.1], [63_100, 0.12], [100_500, 0.22], [191_950, 0.24], [243_700, 0.32], [609_350, 0.35], [Infinity, 0.37]],
};
const STANDARD_DEDUCTION: Record<FilingStatus, number> = { single: 14_600, 'married-joint': 29_200, 'head-of-household': 21_900 };
const CHILD_CREDIT_DOLLARS = 2_000;
const CHILD_CREDIT_PHASEOUT_START: Record<FilingStatus, number> = { single: 200_000, 'married-joint': 400_000, 'head-of-household': 200_000 };
const SOCIAL_SECURITY_RATE = 0.062;
const SOCIAL_SECURITY_WAGE_BASE = 168_600;
const MEDICARE_RATE = 0.0145;
const ADDITIONAL_MEDICARE_RATE = 0.009;
const ADDITIONAL_MEDICARE_THRESHOLD: Record<FilingStatus, number> = { single: 200_000, 'married-joint': 250_000, 'head-of-household': 200_000 };

export interface TaxInput {
  filingStatus: FilingStatus;
  /** Household gross income, cents. */
  grossCents: number;
  /** Wage earnings of each earner, cents (payroll tax applies per earner). */
  wageCentsPerEarner: readonly number[];
  childrenUnder17: number;
  stateRate: number;
}

function federalIncomeTaxDollars(taxable: number, status: FilingStatus): number {
  let tax = 0;
  let lower = 0;
  for (const [upper, rate] of BRACKETS[status]) {
    if (taxable <= lower) break;
    tax += (Math.min(taxable, upper) - lower) * rate;
    lower = upper;
  }
  return tax;
}

/** Total annual taxes in cents (≥ 0 and < gross). */
export function annualTaxesCents(input: TaxInput): number {
  const gross = input.grossCents / 100;
  const taxable = Math.max(0, gross - STANDARD_DEDUCTION[input.filingStatus]);
  let federal = federalIncomeTaxDollars(taxable, input.filingStatus);
  const phaseout = Math.max(0, Math.ceil((gross - CHILD_CREDIT_PHASEOUT_START[input.filingStatus]) / 1000) * 50);
  const credit = Math.max(0, input.childrenUnder17 * CHILD_CREDIT_DOLLARS - phaseout);
  federal = Math.max(0, federal - credit); // the refundable part of the credit is ignored
  let payroll = 0;
  let wages = 0;
  for (const cents of input.wageCentsPerEarner) {
    const w = cents / 100;
    wages += w;
    payroll += Math.min(w, SOCIAL_SECURITY_WAGE_BASE) * SOCIAL_SECURITY_RATE + w * MEDICARE_RATE;
  }
  payroll += Math.max(0, wages - ADDITIONAL_MEDICARE_THRESHOLD[input.filingStatus]) * ADDITIONAL_MEDICARE_RATE;
  const state = taxable * input.stateRate;
  return Math.round((federal + payroll + state) * 100);
}
