// pnpm bench (evaluation; run after `pnpm build`): a whole evaluation run end to end — generate, ledger, meshes,
// the recommendation engine, metrics, bootstrap, report — with 2 worker threads. Target: 1,000 subjects < 60 s.
// Baseline measured in the same run: the same pipeline with an engine that recommends nothing, in one thread,
// which shows how much of the time is the evaluation's own work. Size: OMEGA_BENCH_SUBJECTS (default 1000).
// Needs @omega/bench (tooling/bench) resolvable from this package: add it to devDependencies (`workspace:*`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, report } from '@omega/bench';
import { evaluateSubject, aggregate, runEvaluation, EVALUATION_DEFAULTS } from '../dist/index.js';

const N = Number(process.env.OMEGA_BENCH_SUBJECTS ?? 1000);
const TARGET_MS = 60_000 * (N / 1000);
const dir = mkdtempSync(join(tmpdir(), 'omega-eval-bench-'));
let k = 0;

// CPU time of the whole process (process.cpuUsage counts every thread, workers included): on a machine shared
// with other jobs, wall time alone says little.
let cpuMs = 0;
const run = async () => {
  const c0 = process.cpuUsage();
  const r = await runEvaluation({ subjects: N, seed: 1, workers: 2, asOf: '2025-07-01', out: join(dir, `run-${k++}`) });
  const c = process.cpuUsage(c0);
  cpuMs = (c.user + c.system) / 1000;
  return r;
};
const full = await measure(`runEvaluation ${N} subjects, 2 workers`, run, {
  repeats: 1,
  verify: (r) => r.aggregate.settings.subjects === N && r.aggregate.metrics.every((m) => m.n >= 0),
});

const none = { name: 'no advice', recommend: () => [] };
const settings = { seed: 1, asOf: '2025-07-01', months: EVALUATION_DEFAULTS.months, horizonYears: EVALUATION_DEFAULTS.horizonYears, paths: EVALUATION_DEFAULTS.paths, outcomeDraws: EVALUATION_DEFAULTS.outcomeDraws, recommenderPaths: EVALUATION_DEFAULTS.recommenderPaths };
const pipeline = await measure(`pipeline without engine, ${N} subjects, 1 thread`, () => {
  const results = Array.from({ length: N }, (_, i) => evaluateSubject(i, settings, none));
  return aggregate(results, { ...settings, subjects: N, bootstrapResamples: 1000 }, none.name);
}, { repeats: 1, verify: (a) => a.settings.subjects === N });

rmSync(dir, { recursive: true, force: true });
console.log(`full run: ${(cpuMs / 1000).toFixed(1)} s CPU over ${(full.ms / 1000).toFixed(1)} s wall (${(cpuMs / full.ms).toFixed(2)} cores busy on average); if both cores were ours: ~${(cpuMs / 2000).toFixed(1)} s, ${(N / (cpuMs / 2000)).toFixed(1)} subjects/s`);
const perSecond = (ms) => (N / (ms / 1000)).toFixed(1);
report('evaluation', [
  { case: full.label, ours: `${perSecond(full.ms)} subjects/s`, baseline: `60 s budget (${perSecond(TARGET_MS)} subjects/s)`, oursMs: full.ms, baselineMs: TARGET_MS, target: 1 },
  { case: 'engine share: full run (2 workers) vs the pipeline with an engine that recommends nothing (1 thread)', ours: 'with @omega/recommendations', baseline: `no engine, ${perSecond(pipeline.ms)} subjects/s`, oursMs: full.ms, baselineMs: pipeline.ms },
]);
