/** @omega/accounting — an exact double-entry ledger with payment constraints and bank reconciliation. */
export { ROUNDING_RULE, dollarsToCents, toCents, formatCents, parseCentsString, centsToDollars } from './money.js';
export type { Cents } from './money.js';
export { allocate } from './allocate.js';
export { toIsoDate } from './dates.js';
export type { IsoDate, DateInput } from './dates.js';
export { ACCOUNT_TYPES, DEFAULT_ACCOUNT_IDS, defaultChartOfAccounts, normalSide } from './chart-of-accounts.js';
export type { Account, AccountType } from './chart-of-accounts.js';
export type { Posting, PostingInput, Transaction, TransactionInput } from './transaction.js';
export { Ledger } from './ledger.js';
export type { TransactionFilter } from './ledger.js';
export { createLedger, postOpeningBalances } from './create-ledger.js';
export type { CreateLedgerOptions, OpeningBalances } from './create-ledger.js';
export type { AccountConstraints } from './account-constraints.js';
export type { PaymentRule, Violation, PendingPayment, PaymentDecision } from './payment-records.js';
export { validatePayment, paymentCapacity, STRUCTURAL_RULES } from './validate-payment.js';
export type { PaymentInput, ValidationResult, PaymentCapacity } from './validate-payment.js';
export { postPayment, approvePayment, rejectPayment } from './payments.js';
export type { PaymentOutcome, PaymentOverride, ApprovalOptions } from './payments.js';
export { checkBalanceAssertions } from './balance-assertions.js';
export type { BalanceAssertion, AssertionResult } from './balance-assertions.js';
export { statementAsOf, balanceAsOf } from './statement.js';
export type { Statement, StatementLine } from './statement.js';
export { parseStatementCsv } from './reconcile/statement-csv.js';
export type { StatementEntry, StatementCsvOptions } from './reconcile/statement-csv.js';
export { descriptionSimilarity } from './reconcile/similarity.js';
export { reconcile } from './reconcile/reconcile.js';
export type {
  ReconcileOptions, ReconciliationReport, MatchedPair, SuggestedMatch, SuggestionReason, LedgerItem,
  UnmatchedStatementEntry, UnmatchedLedgerItem,
} from './reconcile/reconcile.js';
export { LEDGER_DOCUMENT_FORMAT, LEDGER_DOCUMENT_VERSION, ledgerToDocument, ledgerFromDocument } from './ledger-document.js';
export type { LedgerDocument, ViolationDocument } from './ledger-document.js';
export { saveLedger, loadLedger, ledgerToJSONSafe, saveReconciliationReport, loadReconciliationReport } from './ledger-files.js';
export {
  AccountingError, InvalidAmountError, InvalidDateError, UnknownAccountError, UnbalancedTransactionError, DuplicateIdError,
  UnknownPaymentError, StatementParseError, LedgerFormatError, InvalidArgumentError, isAccountingError,
} from './errors.js';
export type { AccountingErrorCode, AccountingErrorContext } from './errors.js';
