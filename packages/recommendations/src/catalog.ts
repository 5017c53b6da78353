/**
 * The explicit catalogue of investment categories and the risk bands. Returns and volatilities are modelling
 * assumptions (long-run nominal orders of magnitude), not forecasts; they are the only market inputs the plan uses.
 */
import type { RiskTolerance } from '@omega/synthetic-data';

export interface InvestmentCategory {
  id: string;
  name: string;
  /** Share of the category held in equities, in [0, 1]. */
  equityShare: number;
  /** Expected annual return. */
  mu: number;
  /** Annual volatility. */
  sigma: number;
}

/** Building blocks: equities and bonds, correlation ρ between them; cash is separate and nearly riskless. */
export const MARKET = {
  equity: { mu: 0.07, sigma: 0.16 },
  bonds: { mu: 0.04, sigma: 0.06 },
  correlation: 0.2,
  cash: { mu: 0.02, sigma: 0.005 },
} as const;

function category(id: string, name: string, e: number): InvestmentCategory {
  const { equity: q, bonds: b, correlation: rho } = MARKET;
  const sigma = Math.sqrt((e * q.sigma) ** 2 + ((1 - e) * b.sigma) ** 2 + 2 * rho * e * (1 - e) * q.sigma * b.sigma);
  return { id, name, equityShare: e, mu: e * q.mu + (1 - e) * b.mu, sigma };
}

export const INVESTMENT_CATEGORIES: readonly InvestmentCategory[] = [
  category('bond-index', 'Broad bond index fund', 0),
  category('balanced-fund', 'Balanced 60/40 fund', 0.6),
  category('equity-index', 'Total stock market index fund', 1),
];

/** The category existing investments are assumed to sit in (the Person record has no holdings breakdown). */
export const ASSUMED_EXISTING_CATEGORY = 'balanced-fund';

export interface RiskBand {
  label: RiskTolerance['label'];
  /** Allowed equity share of invested money. */
  minEquity: number;
  maxEquity: number;
  /** Months of required outflows targeted for the emergency fund. */
  emergencyMonths: number;
  /** Weight of the tail (P5, expected shortfall) against the mean in the utility's money term. */
  tailWeight: number;
}

export const RISK_BANDS: Readonly<Record<RiskTolerance['label'], RiskBand>> = {
  conservative: { label: 'conservative', minEquity: 0.2, maxEquity: 0.5, emergencyMonths: 6, tailWeight: 0.75 },
  moderate: { label: 'moderate', minEquity: 0.4, maxEquity: 0.75, emergencyMonths: 4, tailWeight: 0.5 },
  aggressive: { label: 'aggressive', minEquity: 0.6, maxEquity: 0.95, emergencyMonths: 3, tailWeight: 0.25 },
};

/** A debt is high-rate at or above this APR (a common threshold; card APRs are usually far above it). */
export const HIGH_RATE_APR = 0.1;

export function categoryById(id: string): InvestmentCategory {
  const c = INVESTMENT_CATEGORIES.find((x) => x.id === id);
  if (c === undefined) throw new RangeError(`unknown investment category ${JSON.stringify(id)}`);
  return c;
}
