/** @omega/evaluation — honest, bounded evaluation metrics, reports with charts, parallel evaluation runs. */
export { runEvaluation, DEFAULTS as EVALUATION_DEFAULTS } from './run/run-evaluation.js';
export type { RunEvaluationOptions, EvaluationRun, EvaluationProgress } from './run/run-evaluation.js';
export type { OutputFiles } from './run/write-outputs.js';
export { SUBJECTS_KIND, writeOutputs } from './run/write-outputs.js';
export { evaluateSubject } from './subject/evaluate-subject.js';
export type { SubjectSettings } from './subject/evaluate-subject.js';
export { OMEGA_RECOMMENDER } from './subject/recommender.js';
export type { Recommender, RecommenderContext } from './subject/recommender.js';
export type { SubjectResult, SubjectMetrics, MilestoneForecast, RecommendationOutcome } from './subject/subject-result.js';
export { FAN_PERCENTILES } from './subject/subject-result.js';
export { ACTION_KINDS } from './subject/recommendation-view.js';
export type { ActionKind, RecommendationView, TransferView } from './subject/recommendation-view.js';
export { SUITABILITY_RULES } from './subject/suitability.js';
export type { SuitabilityRule } from './subject/suitability.js';
export { aggregate } from './aggregate.js';
export type { Aggregate, MetricSummary, RunSettings } from './aggregate.js';
export { METRICS, metricDefinition, isWithinRange } from './metrics/metric-definitions.js';
export type { MetricDefinition, MetricId, MetricScope } from './metrics/metric-definitions.js';
export { brierScore, reliabilityTable, summarizeCalibration } from './metrics/calibration.js';
export type { ForecastPair, ReliabilityBin, CalibrationSummary } from './metrics/calibration.js';
export { intraListDiversity, jaccardDistance } from './metrics/diversity.js';
export { bootstrapInterval, DEFAULT_RESAMPLES } from './stats/bootstrap.js';
export type { BootstrapOptions, Interval } from './stats/bootstrap.js';
export { GRADE_RULES, gradeValue, gradeInterval, worstGrade } from './grades.js';
export type { Grade, GradeRule } from './grades.js';
export { markdownReport } from './report/markdown-report.js';
export { reliabilityChart } from './report/reliability-chart.js';
export { wealthFanChart } from './report/wealth-fan-chart.js';
export { metricBarsChart } from './report/metric-bars-chart.js';
export {
  EvaluationError, InvalidOptionError, WorkerFailedError, SubjectFailedError, OutputFailedError, isEvaluationError,
} from './errors.js';
export type { EvaluationErrorCode, EvaluationErrorContext } from './errors.js';
