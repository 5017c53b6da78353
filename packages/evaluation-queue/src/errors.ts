/** Typed errors of @omega/evaluation-queue: one base class with a `code`, one subclass per failure kind. */
export type EvaluationQueueErrorCode =
  | 'INVALID_QUEUE_URL'
  | 'INVALID_RUN_OPTION'
  | 'INVALID_JOB_DATA'
  | 'UNKNOWN_TASK'
  | 'EVALUATION_EXPORT_MISSING'
  | 'SUBJECTS_FAILED'
  | 'RUN_ABORTED';

export interface EvaluationQueueErrorContext {
  /** The option or field the error is about, e.g. `options.subjects` or `job.data.start`. */
  field?: string;
  expected?: string;
  received?: unknown;
  cause?: unknown;
}

export class EvaluationQueueError extends Error {
  readonly code: EvaluationQueueErrorCode;
  readonly field: string | undefined;
  readonly expected: string | undefined;
  readonly received: unknown;

  constructor(code: EvaluationQueueErrorCode, message: string, context: EvaluationQueueErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.code = code;
    this.field = context.field;
    this.expected = context.expected;
    this.received = context.received;
  }
}

export class InvalidQueueUrlError extends EvaluationQueueError {
  constructor(message: string, context: EvaluationQueueErrorContext = {}) {
    super('INVALID_QUEUE_URL', message, context);
  }
}

export class InvalidRunOptionError extends EvaluationQueueError {
  constructor(message: string, context: EvaluationQueueErrorContext = {}) {
    super('INVALID_RUN_OPTION', message, context);
  }
}

/** A job whose data does not describe a subject range (written by something other than our coordinator). */
export class InvalidJobDataError extends EvaluationQueueError {
  constructor(message: string, context: EvaluationQueueErrorContext = {}) {
    super('INVALID_JOB_DATA', message, context);
  }
}

/** A job names a subject task this worker was not started with. */
export class UnknownTaskError extends EvaluationQueueError {
  constructor(message: string, context: EvaluationQueueErrorContext = {}) {
    super('UNKNOWN_TASK', message, context);
  }
}

/** @omega/evaluation does not (yet) export the per-subject or aggregate function the queue needs. */
export class EvaluationExportMissingError extends EvaluationQueueError {
  constructor(message: string, context: EvaluationQueueErrorContext = {}) {
    super('EVALUATION_EXPORT_MISSING', message, context);
  }
}

export interface SubjectFailure {
  index: number;
  message: string;
}

/** Thrown by a worker when some subjects of a job failed; BullMQ retries the job, and only those subjects rerun. */
export class SubjectsFailedError extends EvaluationQueueError {
  readonly failures: readonly SubjectFailure[];

  constructor(failures: readonly SubjectFailure[]) {
    const list = failures.map((f) => `#${f.index}: ${f.message}`).join('; ');
    super('SUBJECTS_FAILED', `${failures.length} subject(s) failed: ${list}`);
    this.failures = failures;
  }
}

export class RunAbortedError extends EvaluationQueueError {
  constructor(message: string, context: EvaluationQueueErrorContext = {}) {
    super('RUN_ABORTED', message, context);
  }
}

export function isEvaluationQueueError(value: unknown): value is EvaluationQueueError {
  return value instanceof EvaluationQueueError;
}
