/**
 * The work of `omega ledger export --ledger FILE --out FILE [--format F] [--account A] [--as-of D]`: the ledger document in any
 * storage format, or CSV — one account as a bank-statement CSV (`--account`), or the whole journal.
 */
import { loadLedger, saveLedger, statementAsOf } from '@omega/accounting';
import { atomicWrite } from '@omega/storage';
import { CliUsageError } from '../errors.js';
import type { Io } from '../io.js';
import { accountStatementCsv, journalCsv } from './_ledger-csv.js';
import { statementLines } from './_statement-lines.js';

export interface LedgerExportOptions {
  ledger: string;
  out: string;
  format?: string;
  account?: string;
  asOf?: string;
}

export async function runLedgerExport(options: LedgerExportOptions, io: Io): Promise<number> {
  const format = options.format ?? (/\.csv$/i.test(options.out) ? 'csv' : 'json');
  const ledger = await loadLedger(options.ledger);
  if (format === 'csv') {
    const text = options.account === undefined ? journalCsv(ledger, options.asOf) : accountStatementCsv(ledger, options.account, options.asOf);
    const bytes = await atomicWrite(options.out, text);
    io.out(`wrote ${options.out} (csv, ${options.account === undefined ? 'journal' : `statement of ${options.account}`}, ${text.split('\n').length - 2} rows, ${bytes} bytes)`);
    return 0;
  }
  if (options.account !== undefined || options.asOf !== undefined) throw new CliUsageError('--account and --as-of apply to --format csv only', 'the ledger document always holds the whole log');
  const saved = await saveLedger(ledger, options.out, format);
  io.out(`wrote ${saved.path} (${saved.format}, ${saved.bytes} bytes)`);
  return 0;
}

export async function runLedgerStatement(options: { ledger: string; asOf: string; json?: boolean }, io: Io): Promise<number> {
  const statement = statementAsOf(await loadLedger(options.ledger), options.asOf);
  if (options.json) io.out(JSON.stringify(statement, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2));
  else for (const line of statementLines(statement)) io.out(line);
  return 0;
}
