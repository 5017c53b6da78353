/** Ledger and reconciliation-report files, written and read through @omega/storage (atomic writes, format choice). */
import { load, save, toJSONSafe, type JSONValue, type SaveOptions, type SaveResult } from '@omega/storage';
import type { Ledger } from './ledger.js';
import { ledgerFromDocument, ledgerToDocument } from './ledger-document.js';
import type { ReconciliationReport } from './reconcile/reconcile.js';

/** Save the ledger document (money as decimal strings). Default format 'json'; any @omega/storage format name works. */
export function saveLedger(ledger: Ledger, path: string, options: SaveOptions | string = 'json'): Promise<SaveResult> {
  return save(ledgerToDocument(ledger), path, options);
}

/** Load a saved ledger; the log is replayed and re-checked (a LedgerFormatError names the bad `$.path`). */
export async function loadLedger(path: string, format = 'auto'): Promise<Ledger> {
  return ledgerFromDocument(await load(path, format));
}

/** The ledger document as a JSON-safe tree (e.g. for an HTTP response). */
export function ledgerToJSONSafe(ledger: Ledger): JSONValue {
  return toJSONSafe(ledgerToDocument(ledger));
}

/** Save a reconciliation report; its cents are written exactly as @omega/storage bigint markers. */
export function saveReconciliationReport(report: ReconciliationReport, path: string, options: SaveOptions | string = 'json'): Promise<SaveResult> {
  return save(report, path, options);
}

/** Load a saved reconciliation report (bigint cents restored by @omega/storage). The shape is trusted, not re-checked. */
export async function loadReconciliationReport(path: string, format = 'auto'): Promise<ReconciliationReport> {
  return (await load(path, format)) as ReconciliationReport;
}
