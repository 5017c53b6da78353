import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '@omega/recommendations';
import { load } from '@omega/storage';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSubjects, omegaAll, tempDir } from './helpers.js';
import { omega } from './run-cli.js';

describe('omega recommend', () => {
  const dir = tempDir('recommend');
  let subjects = '';
  beforeAll(() => {
    subjects = makeSubjects(dir);
  });

  it('writes a plan for the chosen subject and months that loads back; same seed → same bytes', async () => {
    const a = join(dir, 'plan-a.json');
    const r = omega(['recommend', '--subject', subjects, '--index', '3', '--months', '2', '--paths', '40', '--seed', '8', '--out', a]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^recommendations for syn-7-3 from 2025-07-01, 2 month\(s\)/);
    const plan = await loadPlan(a);
    expect(plan).toMatchObject({ kind: 'omega-recommendation-plan', personId: 'syn-7-3', asOf: '2025-07-01', months: 2, seed: 8, paths: 40 });
    expect(await load(a)).toEqual(plan);
    for (const rec of plan.recommendations) expect(r.stdout).toContain(rec.rationale);

    const b = join(dir, 'plan-b.json');
    expect(omega(['recommend', '--subject', subjects, '--index', '3', '--months', '2', '--paths', '40', '--seed', '8', '--out', b]).code).toBe(0);
    expect(readFileSync(b)).toEqual(readFileSync(a));
  });

  it('refuses bad arguments with exit 2', async () => {
    const out = join(dir, 'x.json');
    const cases = [
      ['recommend', '--subject', subjects, '--out', out],
      ['recommend', '--subject', subjects, '--months', '0', '--out', out],
      ['recommend', '--subject', subjects, '--months', '2', '--out', out, '--format', 'hdf5'],
      ['recommend', '--subject', subjects, '--months', '2', '--out', out, '--index', '6'],
      ['recommend', '--months', '2', '--out', out],
    ];
    const results = await omegaAll(cases);
    results.forEach((r, i) => expect(r.code, `${cases[i]!.join(' ')}: ${r.stderr}`).toBe(2));
  });
});

describe('omega evaluate', () => {
  it('defaults the folder to evaluation_results_<as-of> in the working directory', () => {
    const cwd = tempDir('evaluate-default');
    const r = omega(['evaluate', '--subjects', '1', '--seed', '3', '--as-of', '2025-07-01'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'evaluation_results_2025-07-01')).length).toBeGreaterThan(0);
  });

  const dir = tempDir('evaluate');

  it('evaluates N subjects into DIR with progress lines; the files load and do not depend on the worker count', async () => {
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    const common = ['--subjects', '3', '--seed', '4', '--paths', '30', '--months', '1', '--as-of', '2026-01-15'];
    const r = omega(['evaluate', ...common, '--workers', '2', '--out', two]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^evaluated 3 subject\(s\) \(seed 4, as of 2026-01-15/);
    expect(r.stdout).toContain(`results are in ${two}:`);
    expect(r.stderr).toMatch(/^evaluate: 3\/3$/m);
    const aggregate = (await load(join(two, 'aggregate.json'))) as { kind: string; settings: { subjects: number; seed: number; asOf: string } };
    expect(aggregate.kind).toBe('omega-evaluation-aggregate');
    expect(aggregate.settings).toMatchObject({ subjects: 3, seed: 4, asOf: '2026-01-15' });
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith(`  `) && l.includes(two))) expect(existsSync(line.trim().split(/\s+/).at(-1)!)).toBe(true);

    expect(omega(['evaluate', ...common, '--workers', '1', '--out', one]).code).toBe(0);
    expect(readFileSync(join(one, 'aggregate.json'))).toEqual(readFileSync(join(two, 'aggregate.json')));
    expect(readFileSync(join(one, 'report.md'))).toEqual(readFileSync(join(two, 'report.md')));
  });

  it('refuses bad arguments with exit 2', async () => {
    const out = join(dir, 'x');
    const cases = [
      ['evaluate', '--seed', '1', '--out', out],
      ['evaluate', '--subjects', '2', '--seed', '1', '--out', out, '--workers', '0'],
      ['evaluate', '--subjects', '2', '--seed', '1', '--out', out, '--as-of', '2026-02-29'],
      ['evaluate', '--subjects', 'two', '--seed', '1', '--out', out],
    ];
    const results = await omegaAll(cases);
    results.forEach((r, i) => expect(r.code, `${cases[i]!.join(' ')}: ${r.stderr}`).toBe(2));
  });
});
