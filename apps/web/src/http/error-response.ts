/**
 * The one place where an error becomes an HTTP response. Known errors keep their message and the field they name;
 * anything else is a 500 with a fixed message (the detail goes to the server log, never to the client).
 */
import { isAccountingError } from '@omega/accounting';
import { isMeshError } from '@omega/stochastic-mesh';
import { isStorageError } from '@omega/storage';
import { isSyntheticDataError } from '@omega/synthetic-data';
import { isWebError } from '../errors.js';

export interface ErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    field?: string;
    expected?: string;
  };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True when the error was not recognised: log it. */
  unexpected: boolean;
}

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  validation?: AjvIssue[];
  validationContext?: string;
  message: string;
}

function respond(status: number, code: string, message: string, extra: { field?: string | undefined; expected?: string | undefined } = {}): ErrorResponse {
  const error: ErrorBody['error'] = { status, code, message };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.expected !== undefined) error.expected = extra.expected;
  return { status, body: { error }, unexpected: false };
}

/** `/parts/0/fraction` + context `body` → `body.parts[0].fraction`. */
function fieldOf(context: string, issue: AjvIssue): string {
  let path = (issue.instancePath ?? '').split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
  const p = issue.params ?? {};
  if (typeof p.missingProperty === 'string') path += `.${p.missingProperty}`;
  if (typeof p.additionalProperty === 'string') path += `.${p.additionalProperty}`;
  return `${context}${path}`;
}

function fromValidation(error: FastifyLikeError): ErrorResponse {
  const issue = error.validation![0] ?? {};
  const field = fieldOf(error.validationContext ?? 'body', issue);
  const p = issue.params ?? {};
  const what =
    issue.keyword === 'additionalProperties' ? 'is not an allowed field'
    : issue.keyword === 'required' ? 'is required'
    : issue.keyword === 'enum' && Array.isArray(p.allowedValues) ? `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
    : (issue.message ?? 'is invalid');
  return respond(400, 'INVALID_INPUT', `${field} ${what}`, { field });
}

const STORAGE_STATUS: Record<string, number> = {
  CORRUPT_DATA: 400,
  INVALID_ARGUMENT: 400,
  UNKNOWN_FORMAT: 415,
  LIMIT_EXCEEDED: 413,
  UNSAFE_CONTENT: 422,
  UNSUPPORTED_VALUE: 422,
  FORMAT_UNAVAILABLE: 503,
};

const MESH_STATUS: Record<string, number> = { INVALID_ARGUMENT: 400, INSUFFICIENT_FUNDS: 422, UNKNOWN_ENTITY: 404, NUMERICAL: 422 };

export function toErrorResponse(error: unknown): ErrorResponse {
  if (isWebError(error)) return respond(error.status, error.code, error.message, { field: error.field, expected: error.expected });
  if (isStorageError(error)) {
    const status = STORAGE_STATUS[error.code];
    if (status !== undefined) return respond(status, error.code, error.message, { field: error.path, expected: error.context.expected });
  }
  if (isMeshError(error)) {
    const status = MESH_STATUS[error.code];
    if (status !== undefined) return respond(status, error.code, error.message, { field: error.context.field, expected: error.context.expected });
  }
  if (isSyntheticDataError(error)) return respond(400, error.code, error.message, { field: error.field, expected: error.expected });
  if (isAccountingError(error)) return respond(400, error.code, error.message, { field: (error as { field?: string }).field });
  if (error instanceof Error) {
    const e = error as FastifyLikeError;
    if (Array.isArray(e.validation)) return fromValidation(e);
    // Fastify's own client errors (body too large, bad JSON, unsupported media type): safe, fixed messages.
    if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      const code = typeof e.code === 'string' ? e.code : 'BAD_REQUEST';
      return respond(e.statusCode, code, e.message, { field: code.startsWith('FST_ERR_CTP') ? 'body' : undefined });
    }
    // Engines we load at run time (recommendations, evaluation) follow the same convention: INVALID_* is the caller's fault.
    if (typeof e.code === 'string' && /^INVALID_/.test(e.code)) {
      return respond(400, e.code, e.message, { field: (error as { field?: string }).field });
    }
  }
  return { status: 500, body: { error: { status: 500, code: 'INTERNAL', message: 'internal server error' } }, unexpected: true };
}
