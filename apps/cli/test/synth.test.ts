import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from '@omega/storage';
import { generate, loadSubjects } from '@omega/synthetic-data';
import { describe, expect, it } from 'vitest';
import { omegaAll } from './helpers.js';
import { omega } from './run-cli.js';

describe('omega synth', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omega-synth-'));

  it('writes N seeded subjects that storage and synthetic-data load back, same bytes for the same seed', async () => {
    const a = join(dir, 'a.json');
    const r = omega(['synth', '--subjects', '4', '--seed', '11', '--start', '2024-03-15', '--out', a]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote 4 subject\(s\) \(seed 11, start 2024-03-15\)/);
    const raw = (await load(a)) as { kind: string; subjects: unknown[] };
    expect(raw.kind).toBe('omega.synthetic-subjects');
    expect(raw.subjects).toHaveLength(4);
    const people = await loadSubjects(a);
    expect(people).toEqual(generate({ seed: 11, count: 4, start: '2024-03-15' }));
    expect(people[0]!.history!.to).toBe('2024-02-29');

    const b = join(dir, 'b.json');
    expect(omega(['synth', '--subjects', '4', '--seed', '11', '--start', '2024-03-15', '--out', b]).code).toBe(0);
    expect(readFileSync(b)).toEqual(readFileSync(a));
  });

  it('writes compressed when asked and reports progress as plain lines off a TTY', async () => {
    const c = join(dir, 'c.compressed');
    const r = omega(['synth', '--subjects', '20', '--seed', '3', '--out', c, '--format', 'compressed', '--history-months', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(compressed, \d+ bytes\)/);
    expect(r.stderr).toMatch(/^synth: 2\/20$/m);
    expect(r.stderr).toMatch(/^synth: 20\/20$/m);
    const people = await loadSubjects(c);
    expect(people.map((p) => p.id)).toEqual(Array.from({ length: 20 }, (_, i) => `syn-3-${i}`));
    expect(people.every((p) => p.history === null)).toBe(true);
  });

  it('refuses bad arguments with exit 2 and usage', async () => {
    const out = join(dir, 'bad.json');
    const cases = [
      ['--subjects', '0', '--seed', '1', '--out', out],
      ['--subjects', '2', '--seed', '-1', '--out', out],
      ['--subjects', '2', '--seed', '1'],
      ['--subjects', '2', '--seed', '1', '--out', out, '--start', '2025-02-30'],
      ['--subjects', '2', '--seed', '1', '--out', out, '--format', 'hdf5'],
      ['--subjects', '2', '--seed', '1', '--out', out, '--history-months', '37'],
    ];
    const results = await omegaAll(cases.map((args) => ['synth', ...args]));
    results.forEach((r, i) => {
      expect(r.code, cases[i]!.join(' ')).toBe(2);
      expect(r.stderr, cases[i]!.join(' ')).toMatch(/run with --help for usage|run `omega --help` for usage/);
    });
  });
});
