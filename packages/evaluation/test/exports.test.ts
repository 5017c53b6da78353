import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'ACTION_KINDS', 'DEFAULT_RESAMPLES', 'EVALUATION_DEFAULTS', 'EvaluationError', 'FAN_PERCENTILES', 'GRADE_RULES', 'InvalidOptionError',
    'METRICS', 'OMEGA_RECOMMENDER', 'OutputFailedError', 'SUBJECTS_KIND', 'SUITABILITY_RULES', 'SubjectFailedError', 'WorkerFailedError', 'aggregate',
    'bootstrapInterval', 'brierScore', 'evaluateSubject', 'gradeInterval', 'gradeValue', 'intraListDiversity', 'isEvaluationError',
    'isWithinRange', 'jaccardDistance', 'markdownReport', 'metricBarsChart', 'metricDefinition', 'reliabilityChart',
    'reliabilityTable', 'runEvaluation', 'summarizeCalibration', 'wealthFanChart', 'worstGrade', 'writeOutputs',
  ]);
});
