/** Typed errors for @omega/stochastic-mesh: one base class with a `code`, one subclass per kind of failure. */
export type MeshErrorCode = 'INVALID_ARGUMENT' | 'NUMERICAL' | 'INSUFFICIENT_FUNDS' | 'UNKNOWN_ENTITY' | 'WORKER';

export interface MeshErrorContext {
  /** Field or path of the offending input, e.g. `correlation[1][0]`. */
  field?: string;
  expected?: string;
  received?: unknown;
}

export class MeshError extends Error {
  readonly code: MeshErrorCode;
  readonly context: MeshErrorContext;
  constructor(code: MeshErrorCode, message: string, context: MeshErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.context = context;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `array(length ${value.length})`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  return typeof value;
}

/** An input field is missing, of the wrong shape, or outside its domain. */
export class InvalidArgumentError extends MeshError {
  constructor(field: string, expected: string, received: unknown) {
    super('INVALID_ARGUMENT', `${field}: expected ${expected}, received ${describe(received)}`, { field, expected, received });
  }
}

/** A numerical procedure failed (e.g. a correlation matrix that is not positive definite). */
export class NumericalError extends MeshError {
  constructor(field: string, message: string) {
    super('NUMERICAL', `${field}: ${message}`, { field });
  }
}

/** A payment exceeds what the current node (or an attached payment-capacity check) allows. */
export class InsufficientFundsError extends MeshError {
  constructor(field: string, requested: number, available: number, reason?: string) {
    super('INSUFFICIENT_FUNDS', `${field}: payment of ${requested} exceeds available ${available}${reason ? ` (${reason})` : ''}`,
      { field, expected: `at most ${available}`, received: requested });
  }
}

/** A milestone, node or other entity referenced by id does not exist. */
export class UnknownEntityError extends MeshError {
  constructor(field: string, id: string) {
    super('UNKNOWN_ENTITY', `${field}: no entity with id ${JSON.stringify(id)}`, { field, received: id });
  }
}

/** A worker thread failed while simulating its chunk. */
export class WorkerError extends MeshError {
  constructor(message: string, cause?: unknown) {
    super('WORKER', message, {}, { cause });
  }
}

export function isMeshError(value: unknown): value is MeshError {
  return value instanceof MeshError;
}
