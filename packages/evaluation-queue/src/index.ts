/** @omega/evaluation-queue — evaluation runs distributed over BullMQ on Redis. Public API (explicit list). */
export { runQueuedEvaluation } from './coordinator.js';
export type { QueuedEvaluationOptions, QueuedEvaluationResult } from './coordinator.js';
export { runWorker } from './worker.js';
export type { WorkerOptions, WorkerEvent, WorkerHandle } from './worker.js';
export type { RunSpec, SubjectTask } from './task.js';
export { createEvaluationTask, EVALUATION_TASK_NAME } from './evaluation-task.js';
export type { EvaluationStepExports, EvaluationRole } from './evaluation-task.js';
export { DEFAULT_QUEUE_NAME } from './defaults.js';
export { parseQueueUrl } from './queue-url.js';
export type { QueueConnection } from './queue-url.js';
export { formatProgressLine } from './progress.js';
export type { QueueProgress, ProgressMode } from './progress.js';
export {
  EvaluationQueueError, InvalidQueueUrlError, InvalidRunOptionError, InvalidJobDataError, UnknownTaskError,
  EvaluationExportMissingError, SubjectsFailedError, RunAbortedError, isEvaluationQueueError,
} from './errors.js';
export type { EvaluationQueueErrorCode, EvaluationQueueErrorContext, SubjectFailure } from './errors.js';
