import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NDArray, load } from '@omega/storage';
import { loadPlanningRecord } from '@omega/stochastic-mesh';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSubjects, omegaAll, tempDir } from './helpers.js';
import { omega } from './run-cli.js';

describe('omega mesh', () => {
  const dir = tempDir('mesh');
  let subjects = '';
  beforeAll(() => {
    subjects = makeSubjects(dir);
  });

  it('plans for a subject from a subjects file and saves a loadable mesh', async () => {
    const out = join(dir, 'subject-mesh.compressed');
    const r = omega(['mesh', '--subject', subjects, '--index', '3', '--seed', '5', '--paths', '64', '--horizon-years', '20', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^subject syn-7-3 as of 2025-07-01: \d+ milestone\(s\) planned/);
    expect(r.stdout).toMatch(/64 paths × 240 steps of 1 month\(s\), 2025-07-01 → 2045-07-01/);
    const record = await loadPlanningRecord(out);
    expect(record.kind).toBe('omega-planning-mesh');
    expect(record.seed).toBe(5);
    expect(record.now.toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(record.wealth).toBeInstanceOf(NDArray);
    expect(record.wealth.shape).toEqual([64, 241]);
    expect(record.milestones.every((m) => m.name !== 'retirement')).toBe(true);
  });

  it('--demo pays the wedding in three parts: deposit today, a part on the due date, the rest on a condition', async () => {
    const out = join(dir, 'demo.compressed');
    const r = omega(['mesh', '--demo', '--seed', '9', '--paths', '100', '--horizon-years', '10', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/deposit: \$2800\.00 — 2025-07-01/);
    expect(r.stdout).toMatch(/on the due date: \$11200\.00 — 2026-09-01/);
    expect(r.stdout).toMatch(/rest, when affordable: \$14000\.00 — wealth ≥ 28000 between 2026-10-01 and 2027-03-01/);
    const record = (await load(out)) as Awaited<ReturnType<typeof loadPlanningRecord>>;
    expect(record.payments).toHaveLength(1);
    expect(record.payments[0]).toMatchObject({ milestoneId: 'wedding', amount: 2800 });
    const wedding = record.milestones.find((m) => m.id === 'wedding')!;
    expect(wedding.paid).toBe(2800);
    expect(wedding.scheduled.map((s) => s.amount)).toEqual([11200, 14000]);
    expect(wedding.scheduled[1]!.condition).toMatch(/^wealth ≥ 28000/);
    expect(record.nodes[0]!.solid).toBe(true);
  });

  it('is deterministic: same seed → same bytes; another seed → other paths', () => {
    const a = join(dir, 'a.compressed');
    const b = join(dir, 'b.compressed');
    const c = join(dir, 'c.compressed');
    for (const [file, seed] of [[a, '1'], [b, '1'], [c, '2']] as const) {
      expect(omega(['mesh', '--demo', '--seed', seed, '--paths', '20', '--horizon-years', '6', '--out', file]).code).toBe(0);
    }
    expect(readFileSync(b)).toEqual(readFileSync(a));
    expect(readFileSync(c)).not.toEqual(readFileSync(a));
  });

  it('refuses bad arguments with exit 2', async () => {
    const out = join(dir, 'x.compressed');
    const cases = [
      ['--out', out],
      ['--demo', '--subject', subjects, '--out', out],
      ['--demo'],
      ['--demo', '--paths', '1', '--out', out],
      ['--demo', '--horizon-years', '-3', '--out', out],
      ['--demo', '--as-of', '07/01/2025', '--out', out],
      ['--subject', subjects, '--index', '99', '--out', out],
    ];
    const results = await omegaAll(cases.map((args) => ['mesh', ...args]));
    results.forEach((r, i) => expect(r.code, `${cases[i]!.join(' ')}: ${r.stderr}`).toBe(2));
  });

  it('reports a file that is not a subjects file as a failure (exit 1, one line and a hint)', () => {
    const r = omega(['mesh', '--subject', join(dir, 'demo.compressed'), '--out', join(dir, 'y.compressed')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^omega: .*not a subjects file/m);
  });
});
