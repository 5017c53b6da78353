/** Typed errors of @omega/evaluation. Messages name the field and say what was expected and what was found. */

export type EvaluationErrorCode = 'INVALID_OPTION' | 'WORKER_FAILED' | 'SUBJECT_FAILED' | 'OUTPUT_FAILED';

export interface EvaluationErrorContext {
  /** The option or location, e.g. `options.workers` or `subjects[17]`. */
  field?: string;
  expected?: string;
  received?: string;
  cause?: unknown;
}

export class EvaluationError extends Error {
  readonly code: EvaluationErrorCode;
  readonly field: string | undefined;
  readonly expected: string | undefined;
  readonly received: string | undefined;

  constructor(code: EvaluationErrorCode, message: string, ctx: EvaluationErrorContext = {}) {
    let text = ctx.field === undefined ? message : `${ctx.field}: ${message}`;
    if (ctx.expected !== undefined) text += `; expected ${ctx.expected}`;
    if (ctx.received !== undefined) text += `, got ${ctx.received}`;
    super(text, ctx.cause === undefined ? undefined : { cause: ctx.cause });
    this.name = new.target.name;
    this.code = code;
    this.field = ctx.field;
    this.expected = ctx.expected;
    this.received = ctx.received;
  }
}

/** An option of `runEvaluation` / `evaluateSubject` / a metric function is out of range or of the wrong type. */
export class InvalidOptionError extends EvaluationError {
  constructor(message: string, ctx: EvaluationErrorContext = {}) {
    super('INVALID_OPTION', message, ctx);
  }
}

/** A worker thread could not start (e.g. the package is not built) or exited unexpectedly. */
export class WorkerFailedError extends EvaluationError {
  constructor(message: string, ctx: EvaluationErrorContext = {}) {
    super('WORKER_FAILED', message, ctx);
  }
}

/** Evaluating one subject threw; `field` is `subjects[<index>]` and `cause` the original error. */
export class SubjectFailedError extends EvaluationError {
  constructor(message: string, ctx: EvaluationErrorContext = {}) {
    super('SUBJECT_FAILED', message, ctx);
  }
}

/** Writing the output folder failed. */
export class OutputFailedError extends EvaluationError {
  constructor(message: string, ctx: EvaluationErrorContext = {}) {
    super('OUTPUT_FAILED', message, ctx);
  }
}

export function isEvaluationError(value: unknown): value is EvaluationError {
  return value instanceof EvaluationError;
}

/** Short, printable description of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value == null) return String(value);
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}
