/** The work of `omega ledger pay --ledger FILE --from A --to B --amount $ --date D`: post a payment under the account's rules. */
import { dollarsToCents, formatCents, loadLedger, postPayment, saveLedger } from '@omega/accounting';
import { CliUsageError, EXIT_FAILURE, EXIT_OK } from '../errors.js';
import type { Io } from '../io.js';

export interface LedgerPayOptions {
  ledger: string;
  from: string;
  to: string;
  /** Dollars, e.g. '1250.00'. */
  amount: string;
  date: string;
  description?: string;
  id?: string;
  out?: string;
  format: string;
}

/** Exit 0 when posted or held for approval (the ledger file is written), 1 when rejected (nothing written). */
export async function runLedgerPay(options: LedgerPayOptions, io: Io): Promise<number> {
  const amount = dollarsToCents(options.amount, '--amount');
  if (amount <= 0n) throw new CliUsageError(`--amount must be at least one cent, got '${options.amount}'`);
  const ledger = await loadLedger(options.ledger);
  const outcome = postPayment(ledger, {
    from: options.from, to: options.to, amount, date: options.date,
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.id === undefined ? {} : { id: options.id }),
  });
  const what = `payment of $${formatCents(amount)} from ${options.from} to ${options.to} on ${options.date}`;
  if (outcome.status === 'rejected') {
    io.error(`omega: ${what} rejected:`);
    for (const v of outcome.violations) io.error(`  ${v.rule}: ${v.message}`);
    io.error('hint: nothing was written; `omega ledger statement` shows the balances');
    return EXIT_FAILURE;
  }
  if (outcome.status === 'posted') io.out(`${what}: posted as ${outcome.paymentId} (transaction ${outcome.transaction.id})`);
  else io.out(`${what}: pending approval as ${outcome.paymentId} (${outcome.violations.map((v) => v.message).join('; ')})`);
  const saved = await saveLedger(ledger, options.out ?? options.ledger, options.format);
  io.out(`wrote ${saved.path} (${saved.format}, ${saved.bytes} bytes)`);
  return EXIT_OK;
}
