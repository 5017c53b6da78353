/** Typed errors of @omega/accounting. Every message says what was expected, what was found, and where. */

export type AccountingErrorCode =
  | 'INVALID_AMOUNT'
  | 'INVALID_DATE'
  | 'UNKNOWN_ACCOUNT'
  | 'UNBALANCED_TRANSACTION'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_PAYMENT'
  | 'STATEMENT_PARSE'
  | 'LEDGER_FORMAT'
  | 'INVALID_ARGUMENT';

export interface AccountingErrorContext {
  /** The field or JSON-path-like location, e.g. `postings[1].amount` or `$.transactions[3].date`. */
  field?: string;
  /** 1-based line of a parsed text input (CSV statements). */
  line?: number;
  expected?: string;
  received?: string;
  cause?: unknown;
}

function describe(detail: string, ctx: AccountingErrorContext): string {
  const where: string[] = [];
  if (ctx.line !== undefined) where.push(`line ${ctx.line}`);
  if (ctx.field !== undefined) where.push(`at ${ctx.field}`);
  let text = detail;
  if (ctx.expected !== undefined) text += `; expected ${ctx.expected}`;
  if (ctx.received !== undefined) text += `, got ${ctx.received}`;
  return where.length > 0 ? `${text} (${where.join(', ')})` : text;
}

export class AccountingError extends Error {
  readonly code: AccountingErrorCode;
  /** The message without the location suffix. */
  readonly detail: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly expected: string | undefined;
  readonly received: string | undefined;

  constructor(code: AccountingErrorCode, detail: string, ctx: AccountingErrorContext = {}) {
    super(describe(detail, ctx), ctx.cause === undefined ? undefined : { cause: ctx.cause });
    this.name = new.target.name;
    this.code = code;
    this.detail = detail;
    this.field = ctx.field;
    this.line = ctx.line;
    this.expected = ctx.expected;
    this.received = ctx.received;
  }
}

function tagged(code: AccountingErrorCode) {
  return class extends AccountingError {
    constructor(detail: string, ctx: AccountingErrorContext = {}) {
      super(code, detail, ctx);
    }
  };
}

/** A money amount that is not an exact integer number of cents, not parseable, or of the wrong sign. */
export class InvalidAmountError extends tagged('INVALID_AMOUNT') {}
/** A date that is not a real calendar day in `YYYY-MM-DD` form (or a valid Date). */
export class InvalidDateError extends tagged('INVALID_DATE') {}
/** An account id that is not in the ledger's chart of accounts. */
export class UnknownAccountError extends tagged('UNKNOWN_ACCOUNT') {}
/** A transaction whose postings do not sum to zero, or that has fewer than two postings. */
export class UnbalancedTransactionError extends tagged('UNBALANCED_TRANSACTION') {}
/** An id (transaction, payment, account) that is already taken. */
export class DuplicateIdError extends tagged('DUPLICATE_ID') {}
/** A pending-payment id that the ledger does not hold. */
export class UnknownPaymentError extends tagged('UNKNOWN_PAYMENT') {}
/** A bank statement (CSV) that cannot be read; `line` names the 1-based line. */
export class StatementParseError extends tagged('STATEMENT_PARSE') {}
/** A ledger document (export) that does not have the expected shape. */
export class LedgerFormatError extends tagged('LEDGER_FORMAT') {}
/** Any other argument outside its documented domain. */
export class InvalidArgumentError extends tagged('INVALID_ARGUMENT') {}

export function isAccountingError(value: unknown): value is AccountingError {
  return value instanceof AccountingError;
}
