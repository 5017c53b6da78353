import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'ACCOUNT_TYPES', 'AccountingError', 'DEFAULT_ACCOUNT_IDS', 'DuplicateIdError', 'InvalidAmountError', 'InvalidArgumentError',
    'InvalidDateError', 'LEDGER_DOCUMENT_FORMAT', 'LEDGER_DOCUMENT_VERSION', 'Ledger', 'LedgerFormatError', 'ROUNDING_RULE',
    'STRUCTURAL_RULES', 'StatementParseError', 'UnbalancedTransactionError', 'UnknownAccountError', 'UnknownPaymentError',
    'allocate', 'approvePayment', 'balanceAsOf', 'centsToDollars', 'checkBalanceAssertions', 'createLedger', 'defaultChartOfAccounts',
    'descriptionSimilarity', 'dollarsToCents', 'formatCents', 'isAccountingError', 'ledgerFromDocument', 'ledgerToDocument',
    'ledgerToJSONSafe', 'loadLedger', 'loadReconciliationReport', 'normalSide', 'parseCentsString', 'parseStatementCsv',
    'paymentCapacity', 'postOpeningBalances', 'postPayment', 'reconcile', 'rejectPayment', 'saveLedger', 'saveReconciliationReport',
    'statementAsOf', 'toCents', 'toIsoDate', 'validatePayment',
  ]);
});

it('errors carry a code and are recognised by the guard', () => {
  const e = new api.UnknownAccountError('unknown account', { field: 'from', received: '"x"' });
  expect(e.code).toBe('UNKNOWN_ACCOUNT');
  expect(e.message).toBe('unknown account, got "x" (at from)');
  expect(api.isAccountingError(e)).toBe(true);
  expect(api.isAccountingError(new Error('x'))).toBe(false);
});
