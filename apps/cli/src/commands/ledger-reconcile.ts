/** The work of `omega ledger reconcile --ledger FILE --statement CSV --out FILE`: match a bank statement against one account. */
import { readFile } from 'node:fs/promises';
import { dollarsToCents, formatCents, loadLedger, parseStatementCsv, reconcile, saveReconciliationReport, type ReconciliationReport } from '@omega/accounting';
import type { Io } from '../io.js';

export interface LedgerReconcileOptions {
  ledger: string;
  statement: string;
  account: string;
  dateFormat?: string;
  window: number;
  /** Dollars. */
  closing?: string;
  out: string;
  format: string;
}

export function reconciliationLines(r: ReconciliationReport): string[] {
  const d = r.difference;
  return [
    `reconciled ${r.account} from ${r.from} to ${r.to}: ${r.matched.length} matched, ${r.unmatchedStatement.length} only on the statement, ${r.unmatchedLedger.length} only in the ledger, ${r.suggestions.length} suggested near misses`,
    ...r.suggestions.map((s) => `  suggestion: ${s.message}`),
    ...r.unmatchedStatement.filter((u) => u.explanation !== 'suggested').map((u) => `  statement line ${u.entry.line ?? '?'}: ${u.message}`),
    ...r.unmatchedLedger.filter((u) => u.explanation !== 'suggested').map((u) => `  ledger ${u.item.transactionId}: ${u.message}`),
    `  statement net ${formatCents(d.statementNet)} − ledger net ${formatCents(d.ledgerNet)} = ${formatCents(d.difference)} (${d.explained ? 'fully explained' : 'NOT fully explained'})`,
    ...(r.closing ? [`  closing balance: statement ${formatCents(r.closing.statement)}, ledger ${formatCents(r.closing.ledger)}, difference ${formatCents(r.closing.difference)}`] : []),
  ];
}

export async function runLedgerReconcile(options: LedgerReconcileOptions, io: Io): Promise<number> {
  const ledger = await loadLedger(options.ledger);
  const entries = parseStatementCsv(await readFile(options.statement, 'utf8'), options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat });
  const report = reconcile(ledger, options.account, entries, {
    dateWindowDays: options.window,
    ...(options.closing === undefined ? {} : { statementClosingBalance: dollarsToCents(options.closing, '--closing') }),
  });
  for (const line of reconciliationLines(report)) io.out(line);
  const saved = await saveReconciliationReport(report, options.out, options.format);
  io.out(`wrote ${saved.path} (${saved.format}, ${saved.bytes} bytes)`);
  return 0;
}
