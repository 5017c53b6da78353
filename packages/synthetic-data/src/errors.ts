/** Typed errors of @omega/synthetic-data. Messages name the field and say what was expected and what was found. */

export type SyntheticDataErrorCode = 'INVALID_OPTION' | 'INVALID_SUBJECT_FILE';

export interface SyntheticDataErrorContext {
  /** The option or JSON-path-like location, e.g. `options.seed` or `$.subjects[3].id`. */
  field?: string;
  expected?: string;
  received?: string;
  cause?: unknown;
}

export class SyntheticDataError extends Error {
  readonly code: SyntheticDataErrorCode;
  readonly field: string | undefined;
  readonly expected: string | undefined;
  readonly received: string | undefined;

  constructor(code: SyntheticDataErrorCode, message: string, ctx: SyntheticDataErrorContext = {}) {
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

/** An argument to `generate` / `generateSubject` / `saveSubjects` is out of range or of the wrong type. */
export class InvalidOptionError extends SyntheticDataError {
  constructor(message: string, ctx: SyntheticDataErrorContext = {}) {
    super('INVALID_OPTION', message, ctx);
  }
}

/** A loaded file is not a subjects file written by `saveSubjects`. */
export class InvalidSubjectFileError extends SyntheticDataError {
  constructor(message: string, ctx: SyntheticDataErrorContext = {}) {
    super('INVALID_SUBJECT_FILE', message, ctx);
  }
}

export function isSyntheticDataError(value: unknown): value is SyntheticDataError {
  return value instanceof SyntheticDataError;
}

/** Short, printable description of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value == null) return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}
