/** The per-subject record the pipeline produces (plain data: it crosses worker threads and is saved as is). */
import type { ActionKind } from './recommendation-view.js';

export interface MilestoneForecast {
  milestoneId: string;
  /** Predicted probability that the milestone is paid in full (with the recommendations), in [0, 1]. */
  predicted: number;
  /** Outcome paths simulated on independent streams, and how many of them paid it in full. */
  draws: number;
  funded: number;
}

export interface SubjectMetrics {
  /** 1 when the recommendation engine threw for this subject, else 0. */
  engineFailureRate: number;
  feasibilityRate: number | null;
  suitabilityViolationRate: number | null;
  intraListDiversity: number | null;
  deltaSuccessProbability: number;
  deltaP05NetWorth: number;
  meshNodes: number;
  solidifiedNodes: number;
  horizonCoverage: number | null;
}

export interface RecommendationOutcome {
  id: string;
  kind: ActionKind;
  target: string;
  amountCents: number;
  feasible: boolean;
  /** Accounting / budget rules that made it infeasible. */
  infeasibleBecause: string[];
  suitabilityViolations: string[];
}

export interface SubjectResult {
  index: number;
  personId: string;
  ageBand: string;
  riskLabel: string;
  /** The engine's error (`Name: message`) when it threw for this subject; its recommendations are then empty. */
  engineError: string | null;
  recommendations: RecommendationOutcome[];
  metrics: SubjectMetrics;
  successWith: number;
  successWithout: number;
  p05With: number;
  p05Without: number;
  forecasts: MilestoneForecast[];
  /** Wealth percentiles (5, 25, 50, 75, 95) with the recommendations, once a year from asOf to the horizon. */
  wealthFan: number[][];
}

export const FAN_PERCENTILES = [5, 25, 50, 75, 95] as const;
