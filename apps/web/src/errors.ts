/** Typed errors of @omega/web. Each carries the HTTP status it maps to; `error-response.ts` is the one mapper. */

export type WebErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'NOT_ACCEPTABLE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNPROCESSABLE'
  | 'CAPABILITY_UNAVAILABLE';

export interface WebErrorContext {
  /** The request field at fault, as a dotted path (`parts[0].fraction`, `params.id`). */
  field?: string;
  expected?: string;
  received?: string;
  cause?: unknown;
}

export class WebError extends Error {
  readonly code: WebErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  readonly expected: string | undefined;
  readonly received: string | undefined;

  constructor(code: WebErrorCode, status: number, message: string, ctx: WebErrorContext = {}) {
    super(message, ctx.cause === undefined ? undefined : { cause: ctx.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.field = ctx.field;
    this.expected = ctx.expected;
    this.received = ctx.received;
  }
}

/** Malformed request input (400). */
export class InvalidInputError extends WebError {
  constructor(field: string, expected: string, received?: string) {
    super('INVALID_INPUT', 400, `${field}: expected ${expected}${received === undefined ? '' : `, received ${received}`}`, { field, expected, ...(received === undefined ? {} : { received }) });
  }
}

/** An id that names nothing we hold (404). */
export class NotFoundError extends WebError {
  constructor(kind: string, id: string, field = 'id') {
    super('NOT_FOUND', 404, `no ${kind} with id ${JSON.stringify(id)}`, { field, received: id });
  }
}

/** The Accept header asks only for representations this value cannot take (406). */
export class NotAcceptableError extends WebError {
  constructor(message: string, expected: string) {
    super('NOT_ACCEPTABLE', 406, message, { field: 'headers.accept', expected });
  }
}

/** A request the engines understood but refused (a payment above the balance, a date outside the horizon) (422). */
export class UnprocessableError extends WebError {
  constructor(message: string, ctx: WebErrorContext = {}) {
    super('UNPROCESSABLE', 422, message, ctx);
  }
}

/** A package the route needs is not built or does not export what we call (503). */
export class CapabilityUnavailableError extends WebError {
  readonly capability: string;
  constructor(capability: string, reason: string) {
    super('CAPABILITY_UNAVAILABLE', 503, `${capability} is not available: ${reason}`, { expected: capability });
    this.capability = capability;
  }
}

export function isWebError(error: unknown): error is WebError {
  return error instanceof WebError;
}
