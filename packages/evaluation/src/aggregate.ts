/**
 * The run's aggregate: every metric with its bootstrap 95 % interval over subjects, the pooled reliability
 * table, rule counts, and grades from documented thresholds.
 */
import { gradeInterval, GRADE_RULES, worstGrade, type Grade } from './grades.js';
import { summarizeCalibration, type CalibrationSummary, type ForecastPair } from './metrics/calibration.js';
import { METRICS, type MetricDefinition, type MetricId } from './metrics/metric-definitions.js';
import { deriveSeed, LANE } from './seeds.js';
import { bootstrapInterval, meanOf } from './stats/bootstrap.js';
import { ACTION_KINDS } from './subject/recommendation-view.js';
import type { SubjectResult } from './subject/subject-result.js';

export interface MetricSummary {
  id: MetricId;
  label: string;
  unit: MetricDefinition['unit'];
  better: MetricDefinition['better'];
  /** [min, max]; null stands for an infinite bound (JSON has no Infinity). */
  range: [number | null, number | null];
  /** Subjects for which the metric is defined. */
  n: number;
  estimate: number | null;
  ci95: [number | null, number | null];
  grade: Grade | null;
  /** The interval end the grade was read from. */
  gradedValue: number | null;
}

export interface RunSettings {
  seed: number;
  asOf: string;
  subjects: number;
  months: number;
  horizonYears: number;
  paths: number;
  outcomeDraws: number;
  recommenderPaths: number;
  bootstrapResamples: number;
}

export interface Aggregate {
  kind: 'omega-evaluation-aggregate';
  version: 1;
  /** The recommendation engine evaluated. */
  engine: string;
  settings: RunSettings;
  metrics: MetricSummary[];
  calibration: CalibrationSummary;
  recommendationsByKind: Record<string, number>;
  infeasibleByRule: Record<string, number>;
  suitabilityByRule: Record<string, number>;
  overallGrade: Grade | null;
}

function pairsOf(results: readonly SubjectResult[], indices: Int32Array): ForecastPair[] {
  const out: ForecastPair[] = [];
  for (const i of indices) {
    for (const f of results[i]!.forecasts) {
      for (let d = 0; d < f.draws; d++) out.push({ p: f.predicted, y: d < f.funded ? 1 : 0 });
    }
  }
  return out;
}

/** Rounding in a sum can put a mean of in-range values a hair outside the range; it is clamped back. */
function clampTo(def: MetricDefinition, v: number | null): number | null {
  return v === null ? null : Math.min(def.range[1], Math.max(def.range[0], v));
}

function statisticFor(id: MetricId, results: readonly SubjectResult[]): { n: number; stat: (idx: Int32Array) => number | null } {
  switch (id) {
    case 'catalogCoverage':
      return {
        n: results.length,
        stat: (idx) => {
          const seen = new Set<string>();
          for (const i of idx) for (const r of results[i]!.recommendations) seen.add(r.kind);
          return seen.size / ACTION_KINDS.length;
        },
      };
    case 'userCoverage': {
      const covered = results.map((r) => (r.recommendations.some((x) => x.feasible) ? 1 : 0));
      return { n: results.length, stat: (idx) => meanOf(covered, idx) };
    }
    case 'brierScore':
      return { n: results.filter((r) => r.forecasts.length > 0).length, stat: (idx) => summarizeCalibration(pairsOf(results, idx)).brier };
    case 'brierSkillScore':
      return { n: results.filter((r) => r.forecasts.length > 0).length, stat: (idx) => summarizeCalibration(pairsOf(results, idx)).skill };
    case 'expectedCalibrationError':
      return { n: results.filter((r) => r.forecasts.length > 0).length, stat: (idx) => summarizeCalibration(pairsOf(results, idx)).expectedCalibrationError };
    default: {
      const values = results.map((r) => r.metrics[id]);
      return { n: values.filter((v) => v !== null).length, stat: (idx) => meanOf(values, idx) };
    }
  }
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

export function aggregate(results: readonly SubjectResult[], settings: RunSettings, engine: string): Aggregate {
  const bootSeed = deriveSeed(settings.seed, 0, LANE.bootstrap);
  const metrics = METRICS.map((def, k): MetricSummary => {
    const { n, stat } = statisticFor(def.id, results);
    const iv = bootstrapInterval(results.length, stat, { seed: bootSeed, stream: k, resamples: settings.bootstrapResamples });
    const interval = { estimate: clampTo(def, iv.estimate), lo: clampTo(def, iv.lo), hi: clampTo(def, iv.hi) };
    const rule = GRADE_RULES.find((g) => g.metric === def.id);
    const graded = rule === undefined ? null : gradeInterval(rule, interval);
    return {
      id: def.id, label: def.label, unit: def.unit, better: def.better,
      range: [finiteOrNull(def.range[0]), finiteOrNull(def.range[1])],
      n, estimate: interval.estimate, ci95: [interval.lo, interval.hi],
      grade: graded?.grade ?? null, gradedValue: graded?.gradedValue ?? null,
    };
  });
  const all = Int32Array.from({ length: results.length }, (_, i) => i);
  const recommendationsByKind: Record<string, number> = Object.fromEntries(ACTION_KINDS.map((k) => [k, 0]));
  const infeasibleByRule: Record<string, number> = {};
  const suitabilityByRule: Record<string, number> = {};
  for (const r of results) {
    for (const rec of r.recommendations) {
      count(recommendationsByKind, rec.kind);
      for (const rule of rec.infeasibleBecause) count(infeasibleByRule, rule);
      for (const rule of rec.suitabilityViolations) count(suitabilityByRule, rule);
    }
  }
  const sortKeys = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    kind: 'omega-evaluation-aggregate', version: 1, engine, settings, metrics,
    calibration: summarizeCalibration(pairsOf(results, all)),
    recommendationsByKind, infeasibleByRule: sortKeys(infeasibleByRule), suitabilityByRule: sortKeys(suitabilityByRule),
    overallGrade: worstGrade(metrics.flatMap((m) => (m.grade === null ? [] : [m.grade]))),
  };
}

