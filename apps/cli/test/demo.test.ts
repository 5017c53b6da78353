import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ACCOUNT_IDS as A, loadLedger } from '@omega/accounting';
import { load } from '@omega/storage';
import { loadPlanningRecord } from '@omega/stochastic-mesh';
import { loadPlan } from '@omega/recommendations';
import { loadSubjects } from '@omega/synthetic-data';
import { describe, expect, it } from 'vitest';
import { omegaAll, tempDir } from './helpers.js';
import { omega } from './run-cli.js';

interface DemoSummary {
  kind: string;
  asOf: string;
  subject: string;
  payment: { milestoneId: string; amount: number; parts: { label: string; amount: number; when: string }[] };
  ledger: { balanced: boolean; depositTransaction: string; depositAccount: string };
  reconciliation: { matched: number; statementOnly: number; ledgerOnly: number; explained: boolean };
  mesh: { paths: number; milestones: { id: string; fundedProbability: number }[] };
  files: Record<string, string>;
}

describe('omega demo', () => {
  const dir = tempDir('demo');

  it('runs end to end on the embedded default, writes loadable results under the folder and prints where they are', async () => {
    const out = join(dir, 'run-a');
    const r = omega(['demo', '--out', out, '--paths', '50']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`results are in ${out}:`);
    expect(r.stdout).toMatch(/paid in three parts:\n {2}deposit: \$[\d.]+ — 2025-07-01\n {2}on the due date: .*\n {2}rest, when affordable: .*wealth ≥/);

    const summary = (await load(join(out, 'summary.json'))) as DemoSummary;
    expect(summary).toMatchObject({ kind: 'omega-demo-summary', asOf: '2025-07-01', subject: 'syn-11-0' });
    expect(Object.keys(summary.files).sort()).toEqual(['ledger', 'mesh', 'recommendations', 'reconciliation', 'statement', 'subjects', 'summary']);
    for (const [what, file] of Object.entries(summary.files)) {
      expect(r.stdout, what).toContain(file);
      expect(existsSync(file), file).toBe(true);
      if (what !== 'statement') await expect(load(file)).resolves.toBeDefined();
    }
    const [person] = await loadSubjects(summary.files.subjects!);
    expect(person!.id).toBe(summary.subject);

    // The three parts add up to the milestone; the deposit is in the ledger and in the mesh's payment log.
    const parts = summary.payment.parts;
    expect(parts).toHaveLength(3);
    expect(parts.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(summary.payment.amount, 6);
    const ledger = await loadLedger(summary.files.ledger!);
    const deposit = ledger.transaction(summary.ledger.depositTransaction)!;
    expect(deposit.date).toBe('2025-07-01');
    expect(deposit.postings.find((p) => p.account === A.milestonePayments)!.amount).toBe(BigInt(Math.round(parts[0]!.amount * 100)));
    expect(summary.ledger.balanced).toBe(true);
    const mesh = await loadPlanningRecord(summary.files.mesh!);
    expect(mesh.payments).toEqual([expect.objectContaining({ milestoneId: summary.payment.milestoneId, amount: parts[0]!.amount })]);
    expect(mesh.wealth.shape[0]).toBe(50);
    for (const m of summary.mesh.milestones) {
      expect(m.fundedProbability).toBeGreaterThanOrEqual(0);
      expect(m.fundedProbability).toBeLessThanOrEqual(1);
    }

    const plan = await loadPlan(summary.files.recommendations!);
    expect(plan).toMatchObject({ kind: 'omega-recommendation-plan', personId: summary.subject, asOf: '2025-07-01', months: 3 });

    // The checking statement it wrote reconciles fully against the ledger's history.
    expect(summary.reconciliation).toMatchObject({ statementOnly: 0, ledgerOnly: 0, explained: true });
    expect(summary.reconciliation.matched).toBe(readFileSync(summary.files.statement!, 'utf8').trimEnd().split('\n').length - 1);
  });

  it('writes to ./omega-demo-output by default and gives the same bytes for the same inputs', () => {
    const r = omega(['demo', '--paths', '50'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const defaultOut = join(dir, 'omega-demo-output');
    expect(r.stdout).toContain(`results are in ${defaultOut}:`);
    for (const name of ['ledger.json', 'planning-mesh.compressed', 'recommendations.json', 'reconciliation.json', 'subject.json', 'checking-statement.csv']) {
      expect(readFileSync(join(defaultOut, name)), name).toEqual(readFileSync(join(dir, 'run-a', name)));
    }
  });

  it('follows --seed and --as-of, and refuses bad arguments with exit 2', async () => {
    const out = join(dir, 'run-b');
    const r = omega(['demo', '--out', out, '--seed', '5', '--as-of', '2030-01-15', '--paths', '20', '--horizon-years', '15']);
    expect(r.code, r.stderr).toBe(0);
    const summary = (await load(join(out, 'summary.json'))) as DemoSummary;
    expect(summary.asOf).toBe('2030-01-15');
    expect(summary.subject).toMatch(/^syn-5-\d+$/);
    expect(summary.payment.parts[0]!.when).toBe('2030-01-15');
    const bad = await omegaAll([['demo', '--paths', '0'], ['demo', '--as-of', 'yesterday'], ['demo', '--seed', 'x'], ['demo', '--bogus']]);
    for (const b of bad) expect(b.code, b.stderr).toBe(2);
  });
});
