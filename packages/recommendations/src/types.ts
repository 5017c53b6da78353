/**
 * Public result types of @omega/recommendations. Everything here is plain data (strings, finite numbers, arrays,
 * records) so a result can be saved through @omega/storage and loaded back equal.
 *
 * Units: money is integer US cents as a number (like @omega/synthetic-data), dates are `YYYY-MM-DD`, rates and
 * probabilities are fractions.
 */

/** The kinds of candidate action in the catalogue. */
export type ActionKind =
  | 'emergency-fund'
  | 'debt-payment'
  | 'invest'
  | 'rebalance'
  | 'raise-savings'
  | 'reschedule-milestone'
  | 'purchase';

export type RiskLevel = 'low' | 'medium' | 'high';

export interface RecommendOptions {
  /** Months to plan (1 … 120). */
  months: number;
  /** Seed of the mesh's random streams (safe integer ≥ 0). Same seed → same result, byte for byte. */
  seed: number;
  /** The plan's first day, `YYYY-MM-DD` (nothing reads the clock). */
  asOf: string;
  /** Mesh paths per scoring run (default 400). */
  paths?: number;
  /** Years simulated after each month's date (default 5). Milestones after it are not scored. */
  horizonYears?: number;
  /** Most recommendations emitted per month (default 3). */
  perMonth?: number;
  /** Scenarios in the matrix (default 5). */
  scenarios?: number;
}

/** Effect of one action on the simulated outcomes, measured against the same month without it (common random numbers). */
export interface ActionEffect {
  /** Δ mean probability of funding the milestones inside the horizon, in [−1, 1]. */
  fundingProbability: number;
  /** Δ mean net worth at the horizon (cents). */
  netWorthMeanCents: number;
  /** Δ 5th percentile of net worth at the horizon (cents). */
  netWorthP5Cents: number;
  /** Δ expected shortfall: mean of the worst 5 % of net worth at the horizon (cents; positive = better). */
  expectedShortfallCents: number;
  /** Δ position score (see `PositionAnalysis.score`), in [−1, 1]. */
  positionScore: number;
  /** The ranking utility built from the four deltas above (documented in the README). */
  utility: number;
}

/** A transfer the action makes; checked against the ledger before the action may be emitted. */
export interface Transfer {
  /** @omega/accounting account ids. */
  from: string;
  to: string;
  amountCents: number;
}

export interface Recommendation {
  /** `<month>-<kind>-<target>`, unique inside a plan. */
  id: string;
  month: number;
  date: string;
  kind: ActionKind;
  /** What the action is about: a debt id, a milestone id, a catalogue category, or `'cash'`. */
  target: string;
  /** The money the action moves (one-off) or, for `raise-savings`, the monthly change (cents). */
  amountCents: number;
  /** Rank inside its month, 1 = best. */
  rank: number;
  effect: ActionEffect;
  transfers: Transfer[];
  /** A sentence built from the numbers above. */
  rationale: string;
  /** Profile fields the action read, as paths into the Person record (e.g. `debts[0].annualRate`). */
  usedFields: string[];
  /** Other feasible candidates of the same month that were not chosen (best first). */
  alternatives: { kind: ActionKind; target: string; amountCents: number; utility: number }[];
}

export type DropReason =
  | 'accounting'
  | 'cash-flow'
  | 'liquidity-floor'
  | 'risk-band'
  | 'no-budget'
  | 'no-improvement'
  | 'outranked';

export interface DroppedCandidate {
  month: number;
  kind: ActionKind;
  target: string;
  amountCents: number;
  reason: DropReason;
  /** Human-readable detail (the violated rule's message, the numbers that failed). */
  detail: string;
}

export interface ComponentScore {
  /** The raw value (months, ratio, share …). */
  value: number;
  /** Bounded score in [0, 1], 1 = best. */
  score: number;
  /** The formula, as text. */
  formula: string;
}

export interface MilestoneOutlook {
  milestoneId: string;
  date: string;
  amountCents: number;
  /** Probability that it is paid without wealth going negative, in [0, 1]. */
  fundingProbability: number;
  stdErr: number;
  expectedShortfallCents: number;
}

export interface PositionAnalysis {
  date: string;
  liquidCents: number;
  investedCents: number;
  debtCents: number;
  monthlySurplusCents: number;
  liquidityFloorCents: number;
  emergencyFund: ComponentScore;
  debtToIncome: ComponentScore;
  highRateDebt: ComponentScore;
  savingsRate: ComponentScore;
  allocation: ComponentScore & { equityShare: number; band: { min: number; max: number } };
  milestones: MilestoneOutlook[];
  /** Mean of the five component scores, in [0, 1]. */
  score: number;
}

export interface ScenarioRow {
  /** Scenario label (e.g. `q1` = worst fifth of paths). */
  id: string;
  /** Probability weight (share of mesh paths), the weights sum to 1. */
  weight: number;
  /** Per period. */
  wealthCents: number[];
  cashFlowCents: number[];
  equityShare: number[];
  risk: RiskLevel[];
  /** Annualised mean return over its volatility (excess over the cash rate); 0 only if it really is 0. */
  riskAdjustedReturn: number;
}

export interface ScenarioMatrix {
  /** Period end dates. */
  periods: string[];
  scenarios: ScenarioRow[];
  /** Probability-weighted risk-adjusted return. */
  riskAdjustedReturn: number;
}

export interface RecommendationPlan {
  kind: 'omega-recommendation-plan';
  version: 1;
  personId: string;
  asOf: string;
  months: number;
  seed: number;
  paths: number;
  horizonYears: number;
  riskBand: { label: string; minEquity: number; maxEquity: number };
  analysis: PositionAnalysis;
  recommendations: Recommendation[];
  dropped: DroppedCandidate[];
  matrix: ScenarioMatrix;
}
