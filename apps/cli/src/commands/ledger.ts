/**
 * `omega ledger build | pay | reconcile | export | statement` (@omega/accounting). Each subcommand's work is in
 * its own module, loaded when it runs (so `--help` and usage errors stay fast).
 */
import { Option, type Command } from 'commander';
import { CliUsageError } from '../errors.js';
import type { Io } from '../io.js';
import { nonNegativeInt, type CommandInstaller } from '../program.js';
import type { LedgerBuildOptions } from './ledger-build.js';
import type { LedgerExportOptions } from './ledger-export.js';
import type { LedgerPayOptions } from './ledger-pay.js';
import type { LedgerReconcileOptions } from './ledger-reconcile.js';
import { dollars, isoDate } from './_options.js';

const formatOption = (fallback: string) => new Option('--format <format>', 'storage format (json, compressed, auto, …)').default(fallback);

export const installLedger: CommandInstaller = (program: Command, io: Io, setExit) => {
  const ledger = program
    .command('ledger')
    .description('exact double-entry ledgers: build from a subject, post payments, reconcile a statement, export')
    .action(() => {
      throw new CliUsageError('ledger needs a subcommand: build, pay, reconcile, export or statement', 'run `omega ledger --help`');
    });

  ledger
    .command('build')
    .description("a ledger from a synthetic subject: its balance sheet as opening balances and its checking history replayed")
    .requiredOption('--subject <file>', 'subjects file written by `omega synth`')
    .addOption(new Option('--index <i>', 'which subject in the file (0-based)').default(0).argParser(nonNegativeInt('--index')))
    .option('--as-of <date>', 'opening day YYYY-MM-DD for a subject without history', isoDate('--as-of'))
    .option('--min-balance <dollars>', 'minimum balance payments must leave in checking', dollars('--min-balance'))
    .requiredOption('--out <file>', 'where to write the ledger')
    .addOption(formatOption('json'))
    .action(async (opts: LedgerBuildOptions) => setExit(await (await import('./ledger-build.js')).runLedgerBuild(opts, io)));

  ledger
    .command('pay')
    .description('post a payment (checked against the paying account\'s rules); rejected → exit 1, nothing written')
    .requiredOption('--ledger <file>', 'ledger file')
    .requiredOption('--from <account>', 'paying account id, e.g. assets:checking')
    .requiredOption('--to <account>', 'receiving account id, e.g. expenses:milestone-payments')
    .requiredOption('--amount <dollars>', 'amount in dollars, e.g. 1250.00', dollars('--amount', { positive: true }))
    .requiredOption('--date <date>', 'payment day YYYY-MM-DD', isoDate('--date'))
    .option('--description <text>', 'what it is for')
    .option('--id <id>', 'payment id (default: generated)')
    .option('--out <file>', 'write the updated ledger here (default: in place)')
    .addOption(formatOption('json'))
    .action(async (opts: LedgerPayOptions) => setExit(await (await import('./ledger-pay.js')).runLedgerPay(opts, io)));

  ledger
    .command('reconcile')
    .description('match a bank-statement CSV (date, amount, description) against one account and explain the difference')
    .requiredOption('--ledger <file>', 'ledger file')
    .requiredOption('--statement <csv>', 'statement CSV with a header row')
    .option('--account <account>', 'account the statement is for', 'assets:checking')
    .option('--date-format <pattern>', "date-fns pattern of the statement's dates, e.g. MM/dd/yyyy (default YYYY-MM-DD)")
    .addOption(new Option('--window <days>', 'days an exact-amount match may be apart').default(3).argParser(nonNegativeInt('--window')))
    .option('--closing <dollars>', "the statement's closing balance", dollars('--closing'))
    .requiredOption('--out <file>', 'where to write the reconciliation report')
    .addOption(formatOption('json'))
    .action(async (opts: LedgerReconcileOptions) => setExit(await (await import('./ledger-reconcile.js')).runLedgerReconcile(opts, io)));

  ledger
    .command('export')
    .description('write the ledger in another storage format, or as CSV (one account as a statement, or the journal)')
    .requiredOption('--ledger <file>', 'ledger file')
    .requiredOption('--out <file>', 'output file (.csv → CSV unless --format says otherwise)')
    .option('--format <format>', 'csv, or a storage format (json, compressed, …)')
    .option('--account <account>', 'CSV: only this account, as a bank statement')
    .option('--as-of <date>', 'CSV: only transactions up to this day', isoDate('--as-of'))
    .action(async (opts: LedgerExportOptions) => setExit(await (await import('./ledger-export.js')).runLedgerExport(opts, io)));

  ledger
    .command('statement')
    .description('every account\'s balance at the end of a day, with totals and the accounting-equation check')
    .requiredOption('--ledger <file>', 'ledger file')
    .requiredOption('--as-of <date>', 'day YYYY-MM-DD', isoDate('--as-of'))
    .option('--json', 'print as JSON (cents as strings)')
    .action(async (opts: { ledger: string; asOf: string; json?: boolean }) => setExit(await (await import('./ledger-export.js')).runLedgerStatement(opts, io)));
};
