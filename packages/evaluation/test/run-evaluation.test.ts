// Runs worker threads from dist/: `pnpm build` first (turbo's test task depends on build).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { load, NDArray } from '@omega/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEvaluationError, METRICS, runEvaluation, SUBJECTS_KIND, type EvaluationRun } from '../src/index.js';
import { WorkerPool } from '../src/run/worker-pool.js';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(relative(dir, join(e.parentPath, e.name)));
  return out.sort();
}

let root: string;
let one: EvaluationRun;
let two: EvaluationRun;
const progress: number[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'omega-eval-'));
  // The acceptance case: 12 subjects, seed 7, one worker vs two.
  one = await runEvaluation({ subjects: 12, seed: 7, workers: 1, asOf: '2025-07-01', out: join(root, 'A'), onProgress: ({ done }) => progress.push(done) });
  two = await runEvaluation({ subjects: 12, seed: 7, workers: 2, asOf: '2025-07-01', out: join(root, 'B') });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('runEvaluation', () => {
  it('writes byte-identical folders for 1 and 2 workers', async () => {
    const a = await listFiles(one.out);
    expect(a).toEqual(await listFiles(two.out));
    expect(a).toEqual(['aggregate.json', 'charts/metrics.svg', 'charts/reliability.svg', 'charts/wealth-fan.svg', 'report.md', 'subjects.compressed']);
    for (const f of a) expect(Buffer.compare(await readFile(join(one.out, f)), await readFile(join(two.out, f))), f).toBe(0);
    expect(progress.at(-1)).toBe(12);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it('saves results that load back through @omega/storage, ordered by subject index', async () => {
    const doc = (await load(join(one.out, one.files.subjects))) as { kind: string; subjects: { index: number }[]; wealthFan: NDArray };
    expect(doc.kind).toBe(SUBJECTS_KIND);
    expect(doc.subjects.map((s) => s.index)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(doc.wealthFan.shape).toEqual([12, 11, 5]);
    const agg = (await load(join(one.out, one.files.aggregate))) as typeof one.aggregate;
    expect(agg).toEqual(JSON.parse(JSON.stringify(one.aggregate)));
    expect(agg.settings.asOf).toBe('2025-07-01');
  });

  it('reports every metric with its range, and draws well-formed SVG', async () => {
    const md = await readFile(join(one.out, one.files.report), 'utf8');
    for (const m of METRICS) expect(md).toContain(`| ${m.label} |`);
    expect(md).toContain('# Omega evaluation — 2025-07-01');
    for (const f of Object.values(one.files.charts)) {
      const svg = await readFile(join(one.out, f), 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.trim().endsWith('</svg>')).toBe(true);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      const opened = (svg.match(/<(?!\/)[a-z]+[^>]*[^/]>/g) ?? []).length;
      const closed = (svg.match(/<\/[a-z]+>/g) ?? []).length;
      expect(opened).toBe(closed);
    }
  });
});

describe('errors', () => {
  it('names the bad option', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ subjects: 0, seed: 1, asOf: '2025-07-01' }, 'options.subjects'],
      [{ subjects: 2, seed: -1, asOf: '2025-07-01' }, 'options.seed'],
      [{ subjects: 2, seed: 1 }, 'options.asOf'],
      [{ subjects: 2, seed: 1, asOf: '2025-02-30' }, 'options.asOf'],
      [{ subjects: 2, seed: 1, asOf: '2025-07-01', workers: 1.5 }, 'options.workers'],
    ];
    for (const [options, field] of cases) {
      const error = await runEvaluation(options as never).catch((e: unknown) => e);
      expect(isEvaluationError(error) && error.code === 'INVALID_OPTION' && error.field, field).toBe(field);
    }
  });

  it('says to build when the worker script is missing', () => {
    expect(() => new WorkerPool(new URL('file:///nonexistent/evaluation-worker.js'), 1)).toThrow(/pnpm build/);
  });
});
