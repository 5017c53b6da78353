/**
 * Suitability rules: advice that may be feasible but is wrong for this person. Each rule is checked against the
 * profile at asOf.
 */
import type { Person } from '@omega/synthetic-data';
import type { RecommendationView } from './recommendation-view.js';

export const SUITABILITY_RULES = {
  'risk-above-tolerance': 'investing in equities for a conservative investor (risk score ≤ 3)',
  'invest-with-high-rate-debt': 'investing while carrying debt at ≥ 15 % APR',
  'invest-without-emergency-fund': 'investing while checking + savings is below 3 months of expenses and debt payments',
  'outside-payment-flexibility': 'rescheduling a milestone whose payment is fixed (not deferrable, no installments)',
} as const;
export type SuitabilityRule = keyof typeof SUITABILITY_RULES;

export const HIGH_RATE_APR = 0.15;
export const EMERGENCY_FUND_MONTHS = 3;

export function monthlyNeedCents(person: Person): number {
  return person.cashFlow.expensesCents + person.cashFlow.debtPaymentsCents;
}

/** Rules broken by `rec`, judged on the profile at asOf. */
export function suitabilityViolations(person: Person, rec: RecommendationView): SuitabilityRule[] {
  const out: SuitabilityRule[] = [];
  const need = monthlyNeedCents(person);
  const liquidNow = person.assets.checkingCents + person.assets.savingsCents;
  if (rec.kind === 'invest') {
    if (person.riskTolerance.score <= 3) out.push('risk-above-tolerance');
    if (person.debts.some((d) => d.annualRate >= HIGH_RATE_APR && d.balanceCents > 0)) out.push('invest-with-high-rate-debt');
    if (liquidNow < EMERGENCY_FUND_MONTHS * need) out.push('invest-without-emergency-fund');
  }
  if (rec.kind === 'reschedule-milestone') {
    const m = person.milestones.find((x) => x.id === rec.target);
    if (m !== undefined && m.paymentFlexibility.kind === 'fixed') out.push('outside-payment-flexibility');
  }
  return out;
}
