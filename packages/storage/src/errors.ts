/** Typed errors of @omega/storage. Every error says what was expected, what was found, and where. */

export type StorageErrorCode =
  | 'UNSUPPORTED_VALUE'
  | 'CORRUPT_DATA'
  | 'UNKNOWN_FORMAT'
  | 'FORMAT_UNAVAILABLE'
  | 'LIMIT_EXCEEDED'
  | 'UNSAFE_CONTENT'
  | 'IO_ERROR'
  | 'INVALID_ARGUMENT';

export interface StorageErrorContext {
  /** File on disk, when there is one. */
  file?: string;
  /** Format name ('json', 'compressed', …). */
  format?: string;
  /** JSON-path-like location inside the value, e.g. `$.mesh.nodes[3].onPay`. */
  path?: string;
  /** Byte or character offset in the input. */
  offset?: number;
  expected?: string;
  received?: string;
  cause?: unknown;
}

function describe(message: string, ctx: StorageErrorContext): string {
  const where: string[] = [];
  if (ctx.file !== undefined) where.push(`file ${ctx.file}`);
  if (ctx.format !== undefined) where.push(`format ${ctx.format}`);
  if (ctx.path !== undefined) where.push(`at ${ctx.path}`);
  if (ctx.offset !== undefined) where.push(`offset ${ctx.offset}`);
  let text = message;
  if (ctx.expected !== undefined) text += `; expected ${ctx.expected}`;
  if (ctx.received !== undefined) text += `, got ${ctx.received}`;
  return where.length > 0 ? `${text} (${where.join(', ')})` : text;
}

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  /** The message without the location suffix. */
  readonly detail: string;
  readonly context: Readonly<StorageErrorContext>;
  readonly file: string | undefined;
  readonly format: string | undefined;
  readonly path: string | undefined;
  readonly offset: number | undefined;

  constructor(code: StorageErrorCode, detail: string, ctx: StorageErrorContext = {}) {
    super(describe(detail, ctx), ctx.cause === undefined ? undefined : { cause: ctx.cause });
    this.name = new.target.name;
    this.code = code;
    this.detail = detail;
    this.context = ctx;
    this.file = ctx.file;
    this.format = ctx.format;
    this.path = ctx.path;
    this.offset = ctx.offset;
  }

  /** The same error with more location facts filled in (decoders do not know the file; `load` does). */
  locate(extra: StorageErrorContext): StorageError {
    return this.withContext({ ...extra, ...this.context });
  }

  /** The same error (class, detail, stack frames) with `ctx` as its whole context, e.g. to drop a temp file's name. */
  withContext(ctx: StorageErrorContext): StorageError {
    const Ctor = this.constructor as new (detail: string, ctx: StorageErrorContext) => StorageError;
    const rebuilt = new Ctor(this.detail, ctx);
    if (this.stack !== undefined) rebuilt.stack = `${rebuilt.name}: ${rebuilt.message}\n${this.stack.split('\n').slice(1).join('\n')}`;
    return rebuilt;
  }
}

function tagged(code: StorageErrorCode) {
  return class extends StorageError {
    constructor(detail: string, ctx: StorageErrorContext = {}) {
      super(code, detail, ctx);
    }
  };
}

/** A value that no registered codec can store (function, symbol, class instance, cycle). */
export class UnsupportedValueError extends tagged('UNSUPPORTED_VALUE') {}
/** Input bytes that are truncated, malformed or inconsistent. */
export class CorruptDataError extends tagged('CORRUPT_DATA') {}
/** Input whose format could not be determined, or a format name nobody registered. */
export class UnknownFormatError extends tagged('UNKNOWN_FORMAT') {}
/** A format that exists but cannot be used here (optional library missing, value too large for it). */
export class FormatUnavailableError extends tagged('FORMAT_UNAVAILABLE') {}
/**
 * A decoder that did not finish within its deadline (LoadPolicy.hdf5DecodeTimeoutMs): the input is treated as
 * corrupt (code CORRUPT_DATA) — e.g. an HDF5 file whose structures make the C library loop forever.
 */
export class DecodeTimeoutError extends CorruptDataError {}
/** Input exceeding a LoadPolicy limit (size, elements, depth, decompression ratio). */
export class LimitExceededError extends tagged('LIMIT_EXCEEDED') {}
/** Input that asks to execute or construct something not allowed (pickle globals, custom types). */
export class UnsafeContentError extends tagged('UNSAFE_CONTENT') {}
/** A file-system failure (missing file, permission, disk full). */
export class StorageIOError extends tagged('IO_ERROR') {}
/** A wrong argument to the API (bad option, unknown dtype). */
export class InvalidArgumentError extends tagged('INVALID_ARGUMENT') {}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}

/** JSON-path-like rendering of a key step, used in error locations. */
export function pathStep(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * A location inside a value, rendered to a string only when an error needs it (building strings for every
 * element would dominate encode/decode time). A string step starting with '\u0000' is a raw suffix.
 */
export type ValuePath = string | { readonly parent: ValuePath; readonly step: string | number };

export function at(parent: ValuePath, step: string | number): ValuePath {
  return { parent, step };
}

export function rawStep(suffix: string): string {
  return `\u0000${suffix}`;
}

export function renderPath(path: ValuePath): string {
  if (typeof path === 'string') return path;
  const steps: Array<string | number> = [];
  let cur: ValuePath = path;
  while (typeof cur !== 'string') {
    steps.push(cur.step);
    cur = cur.parent;
  }
  let out = cur;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    out = typeof s === 'string' && s.startsWith('\u0000') ? out + s.slice(1) : pathStep(out, s);
  }
  return out;
}

const CLASS_BY_CODE: Record<StorageErrorCode, new (detail: string, ctx: StorageErrorContext) => StorageError> = {
  UNSUPPORTED_VALUE: UnsupportedValueError,
  CORRUPT_DATA: CorruptDataError,
  UNKNOWN_FORMAT: UnknownFormatError,
  FORMAT_UNAVAILABLE: FormatUnavailableError,
  LIMIT_EXCEEDED: LimitExceededError,
  UNSAFE_CONTENT: UnsafeContentError,
  IO_ERROR: StorageIOError,
  INVALID_ARGUMENT: InvalidArgumentError,
};

/** The error class for a code (rebuilding an error that crossed a thread boundary); CorruptDataError if unknown. */
export function errorClassFor(code: string): new (detail: string, ctx: StorageErrorContext) => StorageError {
  return (CLASS_BY_CODE as Record<string, (typeof CLASS_BY_CODE)[StorageErrorCode] | undefined>)[code] ?? CorruptDataError;
}
