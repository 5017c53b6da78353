/**
 * Every metric the evaluation reports: what it measures, its range, and which direction is better. No metric can
 * leave its range (a property test checks this on random subjects); only bounded metrics are graded.
 */

export type MetricId =
  | 'engineFailureRate'
  | 'feasibilityRate'
  | 'suitabilityViolationRate'
  | 'catalogCoverage'
  | 'userCoverage'
  | 'intraListDiversity'
  | 'deltaSuccessProbability'
  | 'deltaP05NetWorth'
  | 'brierScore'
  | 'brierSkillScore'
  | 'expectedCalibrationError'
  | 'meshNodes'
  | 'solidifiedNodes'
  | 'horizonCoverage';

/** How a metric is pooled over subjects (and therefore bootstrapped). */
export type MetricScope =
  /** Mean over the subjects for which the metric is defined. */
  | 'subject-mean'
  /** Computed from the pooled subjects (coverage, Brier): the bootstrap resamples subjects and recomputes it. */
  | 'pooled';

export interface MetricDefinition {
  id: MetricId;
  label: string;
  definition: string;
  /** Closed range [min, max]; ±Infinity where the metric is a measurement without a natural bound. */
  range: readonly [number, number];
  /** 'higher', 'lower', or 'none' (a descriptive statistic). */
  better: 'higher' | 'lower' | 'none';
  unit: 'fraction' | 'probability' | 'USD' | 'count' | 'score';
  scope: MetricScope;
}

export const METRICS: readonly MetricDefinition[] = [
  {
    id: 'engineFailureRate', label: 'Engine failure rate', range: [0, 1], better: 'lower', unit: 'fraction', scope: 'subject-mean',
    definition: 'Share of subjects for whom the recommendation engine threw instead of returning a plan (such subjects count as having no recommendations).',
  },
  {
    id: 'feasibilityRate', label: 'Feasibility rate', range: [0, 1], better: 'higher', unit: 'fraction', scope: 'subject-mean',
    definition: 'Share of a subject\'s recommendations that pass every accounting rule of the subject\'s ledger (validatePayment: no overdraft, limits, approvals; earlier feasible ones posted first), keep checking + savings at or above the liquidity floor (one month of expenses and debt payments, or the cash held if less), fit a savings increase inside discretionary spending, and that the planning mesh can execute. Subjects without recommendations are excluded.',
  },
  {
    id: 'suitabilityViolationRate', label: 'Suitability violation rate', range: [0, 1], better: 'lower', unit: 'fraction', scope: 'subject-mean',
    definition: 'Share of a subject\'s recommendations that break at least one suitability rule (risk above the subject\'s tolerance, investing while carrying debt at ≥ 15 % APR or without a 3-month emergency fund, a payment plan outside the milestone\'s payment flexibility). Subjects without recommendations are excluded.',
  },
  {
    id: 'catalogCoverage', label: 'Catalog coverage', range: [0, 1], better: 'higher', unit: 'fraction', scope: 'pooled',
    definition: 'Distinct catalog items recommended to at least one subject, divided by the catalog size.',
  },
  {
    id: 'userCoverage', label: 'User coverage', range: [0, 1], better: 'higher', unit: 'fraction', scope: 'pooled',
    definition: 'Share of subjects who received at least one feasible recommendation.',
  },
  {
    id: 'intraListDiversity', label: 'Intra-list diversity', range: [0, 1], better: 'none', unit: 'fraction', scope: 'subject-mean',
    definition: 'Mean pairwise Jaccard distance between the feature sets (catalog item, action kind, account, milestone type) of a subject\'s recommendations. Defined for lists of two or more.',
  },
  {
    id: 'deltaSuccessProbability', label: 'Δ success probability', range: [-1, 1], better: 'higher', unit: 'probability', scope: 'subject-mean',
    definition: 'P(wealth never below zero over the horizon, every milestone paid) with the feasible recommendations minus without them, on the same mesh paths (common random numbers).',
  },
  {
    id: 'deltaP05NetWorth', label: 'Δ 5th-percentile terminal wealth', range: [-Infinity, Infinity], better: 'higher', unit: 'USD', scope: 'subject-mean',
    definition: '5th percentile of liquid and invested wealth at the horizon with the recommendations minus without them (same paths). A measurement in dollars, not a score: it is not graded.',
  },
  {
    id: 'brierScore', label: 'Brier score', range: [0, 1], better: 'lower', unit: 'score', scope: 'pooled',
    definition: 'Mean squared difference between each predicted milestone-funding probability and outcomes simulated on independent random streams (two outcome paths per milestone).',
  },
  {
    id: 'brierSkillScore', label: 'Brier skill score', range: [-Infinity, 1], better: 'higher', unit: 'score', scope: 'pooled',
    definition: '1 − Brier / Brier of the constant base-rate forecast on the same outcomes (> 0: better than the base rate). Unbounded below, so it is reported but not graded.',
  },
  {
    id: 'expectedCalibrationError', label: 'Expected calibration error', range: [0, 1], better: 'lower', unit: 'score', scope: 'pooled',
    definition: 'Σ over 10 equal-width probability bins of (bin count / total) × |mean prediction − observed frequency|.',
  },
  {
    id: 'meshNodes', label: 'Mesh nodes', range: [0, Infinity], better: 'none', unit: 'count', scope: 'subject-mean',
    definition: 'Nodes of the subject\'s planning mesh: paths × (steps + 1).',
  },
  {
    id: 'solidifiedNodes', label: 'Solidified nodes', range: [0, Infinity], better: 'none', unit: 'count', scope: 'subject-mean',
    definition: 'History nodes made solid by executed payments (a node and its ancestors become solid when a payment is made there).',
  },
  {
    id: 'horizonCoverage', label: 'Horizon coverage', range: [0, 1], better: 'higher', unit: 'fraction', scope: 'subject-mean',
    definition: 'Share of the subject\'s milestones (retirement included) dated inside the mesh horizon. Subjects without milestones are excluded.',
  },
];

export function metricDefinition(id: MetricId): MetricDefinition {
  const found = METRICS.find((m) => m.id === id);
  if (found === undefined) throw new RangeError(`unknown metric ${id}`);
  return found;
}

/** True when `value` lies inside the metric's closed range (null means "not defined for this subject"). */
export function isWithinRange(id: MetricId, value: number | null): boolean {
  if (value === null) return true;
  const [lo, hi] = metricDefinition(id).range;
  return !Number.isNaN(value) && value >= lo && value <= hi;
}
