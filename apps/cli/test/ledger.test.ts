import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ACCOUNT_IDS as A, loadLedger, statementAsOf, type ReconciliationReport } from '@omega/accounting';
import { load } from '@omega/storage';
import { debtAccountId } from '@omega/stochastic-mesh';
import { loadSubjects } from '@omega/synthetic-data';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSubjects, omegaAll, tempDir } from './helpers.js';
import { omega } from './run-cli.js';

describe('omega ledger', () => {
  const dir = tempDir('ledger');
  let subjects = '';
  beforeAll(() => {
    subjects = makeSubjects(dir);
  });

  it('build: opening balances worked back, history replayed — at the window end every account equals the subject', async () => {
    const people = await loadSubjects(subjects);
    const results = await omegaAll(people.map((_, i) => ['ledger', 'build', '--subject', subjects, '--index', String(i), '--out', join(dir, `ledger-${i}.json`)]));
    for (const [i, person] of people.entries()) {
      expect(results[i]!.code, results[i]!.stderr).toBe(0);
      expect(results[i]!.stdout).toMatch(/accounting equation|assets = liabilities \+ equity \+ \(income − expenses\): holds/);
      const ledger = await loadLedger(join(dir, `ledger-${i}.json`));
      const end = person.history!.to;
      const s = statementAsOf(ledger, end);
      expect(s.balanced).toBe(true);
      const at = (id: string) => ledger.balance(id, end);
      expect(at(A.checking)).toBe(BigInt(person.assets.checkingCents));
      expect(at(A.savings) + at(A.stocks)).toBe(BigInt(person.assets.savingsCents + person.assets.investmentsCents));
      expect(at(A.retirement)).toBe(BigInt(person.assets.retirementCents));
      expect(at(A.realEstate)).toBe(BigInt(person.assets.realEstateCents));
      for (const d of person.debts) expect(at(debtAccountId(d)), `${person.id} ${d.id}`).toBe(BigInt(d.balanceCents));
      expect(s.totals.liabilities).toBe(BigInt(person.debts.reduce((sum, d) => sum + d.balanceCents, 0)));
      expect(s.totals.netWorth).toBe(BigInt(person.netWorthCents));
      expect(ledger.transactions({ kind: 'history' })).toHaveLength(person.history!.transactions.length);
    }
  });

  it('pay: posts within the rules, rejects (exit 1, file untouched) when a minimum balance would break', async () => {
    const built = join(dir, 'min.json');
    expect(omega(['ledger', 'build', '--subject', subjects, '--index', '1', '--min-balance', '500', '--out', built]).code).toBe(0);
    const before = readFileSync(built);
    const mtime = statSync(built).mtimeMs;
    const rejected = omega(['ledger', 'pay', '--ledger', built, '--from', A.checking, '--to', A.milestonePayments, '--amount', '1000000', '--date', '2025-07-02']);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/rejected:\n {2}minimum-balance: assets:checking would fall to/);
    expect(readFileSync(built)).toEqual(before);
    expect(statSync(built).mtimeMs).toBe(mtime);

    const paid = join(dir, 'paid.json');
    const ok = omega(['ledger', 'pay', '--ledger', built, '--from', A.checking, '--to', A.milestonePayments, '--amount', '100.50', '--date', '2025-07-02', '--description', 'Deposit', '--out', paid]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/posted as pay-1/);
    const ledger = await loadLedger(paid);
    expect(ledger.balance(A.milestonePayments)).toBe(10050n);
    expect(ledger.balance(A.checking, '2025-07-02') - ledger.balance(A.checking, '2025-07-01')).toBe(-10050n);
  });

  it('export → reconcile: the exported checking statement matches fully; planted errors are found and explained', async () => {
    const built = join(dir, 'rec-ledger.json');
    expect(omega(['ledger', 'build', '--subject', subjects, '--index', '2', '--out', built]).code).toBe(0);
    const csv = join(dir, 'checking.csv');
    const exported = omega(['ledger', 'export', '--ledger', built, '--account', A.checking, '--out', csv]);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('date,description,amount');

    const clean = omega(['ledger', 'reconcile', '--ledger', built, '--statement', csv, '--out', join(dir, 'clean.json')]);
    expect(clean.code, clean.stderr).toBe(0);
    const cleanReport = (await load(join(dir, 'clean.json'))) as ReconciliationReport;
    expect(cleanReport.matched).toHaveLength(lines.length - 1);
    expect(cleanReport.unmatchedStatement).toHaveLength(0);
    expect(cleanReport.unmatchedLedger).toHaveLength(0);
    expect(cleanReport.difference.difference).toBe(0n);

    // Drop one line (a ledger-only item) and change another by one cent (a suggested near miss).
    const tampered = [...lines];
    tampered.splice(5, 1);
    const [date, description, amount] = tampered[8]!.split(',');
    const oneCentMore = (Math.round(Number(amount) * 100) + 1) / 100;
    tampered[8] = `${date},${description},${oneCentMore.toFixed(2)}`;
    const bad = join(dir, 'tampered.csv');
    writeFileSync(bad, `${tampered.join('\n')}\n`);
    const r = omega(['ledger', 'reconcile', '--ledger', built, '--statement', bad, '--out', join(dir, 'tampered.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/fully explained/);
    const report = (await load(join(dir, 'tampered.json'))) as ReconciliationReport;
    expect(report.suggestions).toHaveLength(1);
    expect(report.suggestions[0]!.reasons).toContain('amount-differs');
    expect(report.suggestions[0]!.amountDifference).toBe(1n);
    expect(report.unmatchedLedger.filter((u) => u.explanation === 'not-on-statement')).toHaveLength(1);
    expect(report.difference.explained).toBe(true);
  });

  it('export: the document in another storage format, the journal as CSV; statement prints balances', async () => {
    const built = join(dir, 'exp.json');
    expect(omega(['ledger', 'build', '--subject', subjects, '--index', '4', '--out', built]).code).toBe(0);
    const compressed = join(dir, 'exp.compressed');
    expect(omega(['ledger', 'export', '--ledger', built, '--out', compressed, '--format', 'compressed']).code).toBe(0);
    const [a, b] = [await loadLedger(built), await loadLedger(compressed)];
    expect(b.log()).toEqual(a.log());
    const doc = (await load(compressed)) as { format: string };
    expect(doc.format).toBe('omega-ledger');

    const journal = join(dir, 'journal.csv');
    expect(omega(['ledger', 'export', '--ledger', built, '--out', journal, '--as-of', '2024-12-31']).code).toBe(0);
    const rows = readFileSync(journal, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('date,transaction,description,kind,account,amount');
    const expected = a.transactions({ to: '2024-12-31' }).reduce((n, t) => n + t.postings.length, 0);
    expect(rows).toHaveLength(expected + 1);
    const sum = rows.slice(1).reduce((s, row) => s + Math.round(Number(row.split(',').at(-1)) * 100), 0);
    expect(sum).toBe(0);

    const st = omega(['ledger', 'statement', '--ledger', built, '--as-of', '2025-06-30', '--json']);
    expect(st.code, st.stderr).toBe(0);
    const parsed = JSON.parse(st.stdout) as { asOf: string; balanced: boolean; totals: { netWorth: string } };
    expect(parsed).toMatchObject({ asOf: '2025-06-30', balanced: true });
    expect(BigInt(parsed.totals.netWorth)).toBe(statementAsOf(a, '2025-06-30').totals.netWorth);
  });

  it('refuses bad arguments with exit 2', async () => {
    const built = join(dir, 'ledger-0.json');
    const cases = [
      ['ledger'],
      ['ledger', 'frobnicate'],
      ['ledger', 'build', '--out', join(dir, 'x.json')],
      ['ledger', 'build', '--subject', subjects, '--index', '9', '--out', join(dir, 'x.json')],
      ['ledger', 'pay', '--ledger', built, '--from', A.checking, '--to', A.livingExpenses, '--amount', 'ten', '--date', '2025-07-02'],
      ['ledger', 'pay', '--ledger', built, '--from', A.checking, '--to', A.livingExpenses, '--amount', '-5', '--date', '2025-07-02'],
      ['ledger', 'pay', '--ledger', built, '--from', A.checking, '--to', A.livingExpenses, '--amount', '5', '--date', '2025-13-01'],
      ['ledger', 'reconcile', '--ledger', built, '--out', join(dir, 'x.json')],
      ['ledger', 'export', '--ledger', built, '--out', join(dir, 'x.json'), '--account', A.checking],
      ['ledger', 'statement', '--ledger', built],
    ];
    const results = await omegaAll(cases);
    results.forEach((r, i) => expect(r.code, `${cases[i]!.join(' ')}: ${r.stderr}`).toBe(2));
  });

  it('reports a damaged statement CSV with its line (exit 1)', () => {
    const csv = join(dir, 'broken.csv');
    writeFileSync(csv, 'date,description,amount\n2025-01-02,Coffee,3.50\n2025-01-03,Lunch,twelve\n');
    const r = omega(['ledger', 'reconcile', '--ledger', join(dir, 'ledger-0.json'), '--statement', csv, '--out', join(dir, 'x.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^omega: .*line 3/m);
  });
});
