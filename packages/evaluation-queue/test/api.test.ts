import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'DEFAULT_QUEUE_NAME', 'EVALUATION_TASK_NAME', 'EvaluationExportMissingError', 'EvaluationQueueError', 'InvalidJobDataError',
    'InvalidQueueUrlError', 'InvalidRunOptionError', 'RunAbortedError', 'SubjectsFailedError', 'UnknownTaskError',
    'createEvaluationTask', 'formatProgressLine', 'isEvaluationQueueError', 'parseQueueUrl', 'runQueuedEvaluation', 'runWorker',
  ]);
});
