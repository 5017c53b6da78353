/**
 * Grades come only from documented thresholds on bounded scores, applied to the pessimistic end of the 95 %
 * bootstrap interval (the lower bound where higher is better, the upper bound where lower is better), so a grade
 * never rests on a lucky point estimate. The overall grade is the worst graded metric.
 */
import type { MetricId } from './metrics/metric-definitions.js';
import type { Interval } from './stats/bootstrap.js';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface GradeRule {
  metric: MetricId;
  direction: 'higher' | 'lower';
  /** Thresholds for A, B, C, D (inclusive); anything worse is F. */
  thresholds: readonly [number, number, number, number];
  why: string;
}

export const GRADE_RULES: readonly GradeRule[] = [
  { metric: 'engineFailureRate', direction: 'lower', thresholds: [0.001, 0.01, 0.02, 0.05], why: 'a crash leaves the user with no advice at all' },
  { metric: 'feasibilityRate', direction: 'higher', thresholds: [0.99, 0.95, 0.9, 0.75], why: 'an infeasible recommendation cannot be carried out as advised' },
  { metric: 'suitabilityViolationRate', direction: 'lower', thresholds: [0.01, 0.03, 0.05, 0.1], why: 'unsuitable advice harms the user even when it is feasible' },
  { metric: 'expectedCalibrationError', direction: 'lower', thresholds: [0.02, 0.05, 0.1, 0.2], why: 'stated probabilities must mean what they say' },
  { metric: 'userCoverage', direction: 'higher', thresholds: [0.9, 0.75, 0.5, 0.25], why: 'a system that advises few users is of little use' },
];

const ORDER: readonly Grade[] = ['A', 'B', 'C', 'D', 'F'];

export function gradeValue(rule: GradeRule, value: number): Grade {
  for (let k = 0; k < 4; k++) {
    const t = rule.thresholds[k]!;
    if (rule.direction === 'higher' ? value >= t : value <= t) return ORDER[k]!;
  }
  return 'F';
}

/** The grade of one interval, or null when the interval is undefined (no data). */
export function gradeInterval(rule: GradeRule, interval: Interval): { grade: Grade; gradedValue: number } | null {
  const value = rule.direction === 'higher' ? interval.lo : interval.hi;
  if (value === null) return null;
  return { grade: gradeValue(rule, value), gradedValue: value };
}

export function worstGrade(grades: readonly Grade[]): Grade | null {
  if (grades.length === 0) return null;
  return grades.reduce((w, g) => (ORDER.indexOf(g) > ORDER.indexOf(w) ? g : w));
}
