/** Household gross income (calibrated log-normal), the person's own earnings, and net income after taxes. */
import { earnerLogEffect, type EarnerState, incomeLogOffset } from './income-model.js';
import type { Child, Household, Income, Occupation } from './model.js';
import { dollarsToCents } from './money.js';
import type { BandInfo, OccupationInfo } from './population.js';
import { INCOME_LOG_SIGMA, RETIRED_INCOME_LOG_EFFECT } from './population.js';
import type { Rng } from './random.js';
import { annualTaxesCents } from './tax.js';

export interface IncomeDraw {
  income: Income;
  /** The standard normal residual (drives correlated wealth and risk draws). */
  z: number;
  grossDollars: number;
}

export function drawIncome(
  rng: Rng,
  band: BandInfo,
  occupation: Occupation,
  info: OccupationInfo | undefined,
  household: Household,
  stateRate: number,
): IncomeDraw {
  const married = household.maritalStatus === 'married';
  const earners: EarnerState = !married ? 'single' : household.partnerEarns ? 'two-earner-couple' : 'one-earner-couple';
  const occupationEffect = info === undefined ? RETIRED_INCOME_LOG_EFFECT : info.incomeLogEffect;
  const z = rng.normal();
  const grossDollars = Math.exp(incomeLogOffset() + band.incomeLogEffect + occupationEffect + earnerLogEffect(earners) + INCOME_LOG_SIGMA * z);
  const grossCents = dollarsToCents(grossDollars);

  let personalCents = 0;
  let wages: number[];
  if (occupation.employed) {
    personalCents = earners === 'two-earner-couple' ? Math.round(grossCents * rng.between(0.45, 0.7)) : grossCents;
    wages = earners === 'two-earner-couple' ? [personalCents, grossCents - personalCents] : [personalCents];
  } else {
    // Retired: benefits and withdrawals, plus a working spouse's wages if there is one.
    wages = household.partnerEarns ? [Math.round(grossCents * rng.between(0.3, 0.6))] : [];
  }
  const filingStatus: Income['filingStatus'] = married ? 'married-joint' : household.children.some(isDependent) ? 'head-of-household' : 'single';
  const taxes = Math.min(grossCents - 1, annualTaxesCents({
    filingStatus, grossCents, wageCentsPerEarner: wages, childrenUnder17: household.children.filter((c) => c.age < 17).length, stateRate,
  }));
  const netCents = grossCents - taxes;
  return {
    income: {
      householdGrossAnnualCents: grossCents,
      householdNetAnnualCents: netCents,
      householdNetMonthlyCents: Math.round(netCents / 12),
      personalGrossEarningsAnnualCents: personalCents,
      taxesAnnualCents: taxes,
      filingStatus,
    },
    z,
    grossDollars,
  };
}

function isDependent(child: Child): boolean {
  return child.dependent;
}
