import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT_IDS as A, LedgerFormatError, createLedger, ledgerFromDocument, ledgerToDocument, ledgerToJSONSafe, loadLedger,
  loadReconciliationReport, postPayment, reconcile, saveLedger, saveReconciliationReport, statementAsOf,
} from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'omega-accounting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function richLedger() {
  const ledger = createLedger({
    constraints: { [A.checking]: { minimumBalance: 100_00n, dailyLimit: 5_000_00n, blockedDates: ['2024-12-25'] }, [A.savings]: { approvalRequired: true } },
    opening: { date: '2024-01-01', balances: { [A.checking]: 12_345_67n, [A.savings]: 50_000_00n, [A.mortgage]: 300_000_00n } },
  });
  ledger.post({ date: '2024-01-02', description: 'Split', postings: [{ account: A.livingExpenses, amount: 1n, memo: 'a cent' }, { account: A.checking, amount: -1n }] });
  postPayment(ledger, { from: A.checking, to: A.milestonePayments, amount: 6_000_00n, date: '2024-02-01', description: 'Car' }, { override: { by: 'ann', reason: 'one-off purchase' } });
  postPayment(ledger, { from: A.savings, to: A.milestonePayments, amount: 20_000_00n, date: '2024-03-01', description: 'House deposit' });
  return ledger;
}

describe('ledger export through @omega/storage', () => {
  it('writes money as exact decimal strings', () => {
    const doc = ledgerToDocument(richLedger());
    expect(doc.transactions[0]!.postings.map((p) => p.amount)).toContain('12345.67');
    expect(doc.constraints.find((c) => c.account === A.checking)).toEqual({ account: A.checking, minimumBalance: '100.00', dailyLimit: '5000.00', blockedDates: ['2024-12-25'] });
    expect(doc.decisions[0]!.overridden[0]).toMatchObject({ rule: 'daily-limit', limit: '5000.00', attempted: '6000.00' });
    expect(doc.pending[0]).toMatchObject({ amount: '20000.00', from: A.savings });
  });

  it.each(['json', 'compressed'])('saves and loads back equal (%s)', async (format) => {
    const ledger = richLedger();
    const path = join(dir, `ledger-${format}.json`);
    await saveLedger(ledger, path, format);
    const back = await loadLedger(path);
    expect(ledgerToDocument(back)).toEqual(ledgerToDocument(ledger));
    expect(back.log()).toEqual(ledger.log());
    expect(back.pendingPayments()).toEqual(ledger.pendingPayments());
    expect(back.decisions()).toEqual(ledger.decisions());
    expect(statementAsOf(back, '2024-12-31')).toEqual(statementAsOf(ledger, '2024-12-31'));
    // The loaded ledger keeps working: its payment ids do not collide with loaded ones.
    const next = postPayment(back, { from: A.checking, to: A.livingExpenses, amount: 1n, date: '2024-04-01' });
    expect(next.status).toBe('posted');
    expect(ledger.decisions().map((d) => d.paymentId)).not.toContain(next.paymentId);
  });

  it('gives a JSON-safe tree for HTTP responses', () => {
    const tree = ledgerToJSONSafe(richLedger());
    expect(JSON.parse(JSON.stringify(tree))).toEqual(JSON.parse(JSON.stringify(ledgerToDocument(richLedger()))));
  });

  it('refuses damaged documents, naming the $.path', () => {
    const doc = ledgerToDocument(richLedger());
    const broken = (mutate: (d: typeof doc) => void) => {
      const copy = JSON.parse(JSON.stringify(doc)) as typeof doc;
      mutate(copy);
      return () => ledgerFromDocument(copy);
    };
    expect(broken((d) => { d.transactions[1]!.postings[0]!.amount = '0.015'; })).toThrow(/\$\.transactions\[1\]\.postings\[0\]/);
    expect(broken((d) => { d.transactions[1]!.postings[0]!.amount = '0.02'; })).toThrow(/sum to zero.*\$\.transactions\[1\]/);
    expect(broken((d) => { d.transactions[2]!.postings[0]!.account = 'assets:gone'; })).toThrow(LedgerFormatError);
    expect(broken((d) => { (d as { format: string }).format = 'other'; })).toThrow(/\$\.format/);
    expect(broken((d) => { d.decisions[0]!.type = 'maybe' as 'approved'; })).toThrow(/\$\.decisions\[0\]\.type/);
    expect(() => ledgerFromDocument(null)).toThrow(LedgerFormatError);
  });

  it('loadLedger reports a damaged file with the location', async () => {
    const path = join(dir, 'damaged.json');
    await saveLedger(richLedger(), path);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"12345.67"', '"12345.6"'));
    await expect(loadLedger(path)).rejects.toThrow(/\$\.transactions\[0\]\.postings\[0\]/);
  });

  it('saves and loads a reconciliation report with exact cents', async () => {
    const ledger = richLedger();
    const report = reconcile(ledger, A.checking, [
      { date: '2024-01-02', amount: -1n, description: 'split', line: 2 },
      { date: '2024-02-03', amount: -6_000_01n, description: 'CAR', line: 3 },
    ], { from: '2024-01-02', to: '2024-02-28', statementClosingBalance: 6_345_65n });
    const path = join(dir, 'report.json');
    await saveReconciliationReport(report, path);
    expect(await loadReconciliationReport(path)).toEqual(report);
    expect(report.suggestions[0]?.amountDifference).toBe(-1n);
  });
});
