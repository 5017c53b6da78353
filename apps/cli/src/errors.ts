/** The CLI's errors and its one error boundary: known errors print one line and a hint; exit codes 0/1/2. */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Bad arguments: exit 2 with usage. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** A failure the user can act on: exit 1, one line, an optional hint. */
export class CliFailure extends Error {
  override name = 'CliFailure';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

interface CodedError extends Error {
  code: string;
}

const HINTS: Record<string, string> = {
  CORRUPT_DATA: 'the file is damaged or not in the format named; `omega inspect FILE` shows what it looks like',
  UNKNOWN_FORMAT: 'pass --format explicitly, or check the file with `omega inspect FILE`',
  UNSAFE_CONTENT: 'the file asks to run or build something not on the allowlist; it was not executed',
  LIMIT_EXCEEDED: 'the input exceeds the load policy; raise the limit only for files you trust',
  UNSUPPORTED_VALUE: 'choose a format that can hold this value (json and compressed hold everything)',
  FORMAT_UNAVAILABLE: 'choose another format with --format',
  IO_ERROR: 'check the path and its permissions',
  ENOENT: 'check the path',
};

function isCoded(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

export interface Reporter {
  error(line: string): void;
}

/** Map any error to an exit code, printing one clear line (and a hint) for known errors. */
export function handleError(error: unknown, out: Reporter, usage?: () => string): number {
  if (error instanceof CliUsageError) {
    out.error(`omega: ${error.message}`);
    if (error.hint) out.error(`hint: ${error.hint}`);
    if (usage) out.error(usage());
    return EXIT_USAGE;
  }
  if (error instanceof CliFailure) {
    out.error(`omega: ${error.message}`);
    if (error.hint) out.error(`hint: ${error.hint}`);
    return EXIT_FAILURE;
  }
  if (isCoded(error)) {
    out.error(`omega: ${error.message}`);
    const hint = HINTS[error.code];
    if (hint) out.error(`hint: ${hint}`);
    return EXIT_FAILURE;
  }
  out.error(`omega: internal error: ${(error as Error)?.message ?? String(error)}`);
  if (process.env.OMEGA_DEBUG) out.error((error as Error)?.stack ?? '');
  else out.error('hint: set OMEGA_DEBUG=1 for the stack trace, and please report it');
  return EXIT_FAILURE;
}
