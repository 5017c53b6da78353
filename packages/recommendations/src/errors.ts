/** Typed errors of @omega/recommendations: a base class with a `code`, one subclass per kind of failure. */
export type RecommendationErrorCode = 'INVALID_OPTION' | 'INVALID_PERSON' | 'INVALID_PLAN_FILE';

export interface RecommendationErrorContext {
  /** The option or Person field at fault, e.g. `options.months` or `person.debts[2].annualRate`. */
  field?: string;
  expected?: string;
  received?: string;
}

export class RecommendationError extends Error {
  readonly code: RecommendationErrorCode;
  readonly context: RecommendationErrorContext;
  constructor(code: RecommendationErrorCode, message: string, context: RecommendationErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.context = context;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `array(length ${value.length})`;
  if (value === null || typeof value !== 'object') return String(value);
  return 'object';
}

/** An option of `recommend` is missing or outside its domain. */
export class InvalidOptionError extends RecommendationError {
  constructor(field: string, expected: string, received: unknown) {
    super('INVALID_OPTION', `${field}: expected ${expected}, received ${show(received)}`, { field, expected, received: show(received) });
  }
}

/** The Person record cannot be planned for (a field has the wrong type or an impossible value). */
export class InvalidPersonError extends RecommendationError {
  constructor(field: string, expected: string, received: unknown) {
    super('INVALID_PERSON', `${field}: expected ${expected}, received ${show(received)}`, { field, expected, received: show(received) });
  }
}

/** A saved plan file does not hold a recommendation plan. */
export class InvalidPlanFileError extends RecommendationError {
  constructor(field: string, expected: string, received: unknown, options?: { cause?: unknown }) {
    super('INVALID_PLAN_FILE', `${field}: expected ${expected}, received ${show(received)}`, { field, expected, received: show(received) }, options);
  }
}

export function isRecommendationError(value: unknown): value is RecommendationError {
  return value instanceof RecommendationError;
}
