/**
 * Published US statistics the generator is calibrated to (../shared/docs/REFERENCES.md §8). Dollars here are
 * whole US dollars because that is how they are published; the model itself stores cents.
 */
import type { AgeBand, DebtKind } from './model.js';

export const CALIBRATION_TARGETS = {
  /** Census P60-282: median household income 2023, dollars, before taxes. */
  medianHouseholdIncomeDollars: 80_610,
  /** BLS: median usual weekly earnings of full-time wage and salary workers, Q2 2024, dollars. */
  medianFullTimeWeeklyEarningsDollars: 1_143,
  /** Fed SCF 2022: median household net worth by age of head, dollars. */
  medianNetWorthByAgeDollars: {
    '<35': 39_000,
    '35-44': 135_600,
    '45-54': 247_200,
    '55-64': 364_500,
    '65-74': 409_900,
    '75+': 335_600,
  } satisfies Record<AgeBand, number>,
  medianNetWorthOverallDollars: 192_900,
  meanNetWorthOverallDollars: 1_063_700,
  /** NY Fed Household Debt and Credit, Q4 2024, trillions of dollars (total 18.04 includes HELOC and other). */
  householdDebtTrillions: { mortgage: 12.61, 'auto-loan': 1.66, 'student-loan': 1.62, 'credit-card': 1.21 } satisfies Record<DebtKind, number>,
  householdDebtTotalTrillions: 18.04,
} as const;

/**
 * Debt composition target among the four kinds we model (HELOC and "other" are not modelled, so the shares are
 * normalised over mortgage + auto + student + card = $17.10T): mortgage 73.7 %, auto 9.7 %, student 9.5 %, card 7.1 %.
 */
export function debtShareTargets(): Record<DebtKind, number> {
  const d = CALIBRATION_TARGETS.householdDebtTrillions;
  const total = d.mortgage + d['auto-loan'] + d['student-loan'] + d['credit-card'];
  return { mortgage: d.mortgage / total, 'auto-loan': d['auto-loan'] / total, 'student-loan': d['student-loan'] / total, 'credit-card': d['credit-card'] / total };
}
