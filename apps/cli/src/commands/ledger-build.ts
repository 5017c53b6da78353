/** The work of `omega ledger build --subject FILE [--index I] --out FILE`: a ledger from a synthetic subject. */
import { DEFAULT_ACCOUNT_IDS, dollarsToCents, formatCents, saveLedger, statementAsOf } from '@omega/accounting';
import type { Io } from '../io.js';
import { ledgerWithHistory } from './_person-ledger.js';
import { statementLines } from './_statement-lines.js';
import { loadSubject, subjectAsOf } from './_subject-input.js';

export interface LedgerBuildOptions {
  subject: string;
  index: number;
  asOf?: string;
  out: string;
  format: string;
  /** Dollars. */
  minBalance?: string;
}

export async function runLedgerBuild(options: LedgerBuildOptions, io: Io): Promise<number> {
  const person = await loadSubject(options.subject, options.index);
  const asOf = subjectAsOf(person, options.asOf);
  const minimum = options.minBalance === undefined ? undefined : dollarsToCents(options.minBalance, '--min-balance');
  const ledger = ledgerWithHistory(person, { asOf, ...(minimum === undefined ? {} : { checkingConstraints: { minimumBalance: minimum } }) });
  const end = person.history?.to ?? asOf;
  io.out(`ledger for subject ${person.id}: opened ${person.history?.from ?? asOf}, ${ledger.size.transactions} transactions (${ledger.size.postings} postings)`);
  if (minimum !== undefined) io.out(`  ${DEFAULT_ACCOUNT_IDS.checking} keeps a minimum balance of $${formatCents(minimum)}`);
  for (const line of statementLines(statementAsOf(ledger, end))) io.out(line);
  const saved = await saveLedger(ledger, options.out, options.format);
  io.out(`wrote ${saved.path} (${saved.format}, ${saved.bytes} bytes)`);
  return 0;
}
