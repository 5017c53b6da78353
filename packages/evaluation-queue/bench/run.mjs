// Bench: subjects/s of a queued evaluation with 1, 2 and 4 worker processes vs @omega/evaluation's in-process
// worker-thread pool, and the queue's overhead per subject. Needs `pnpm build` and redis-server on PATH.
// The harness is imported by path: @omega/bench is not among this package's installed dependencies.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as evaluation from '@omega/evaluation';
import { load } from '@omega/storage';
import { measure, report } from '@omega/bench';
import { runQueuedEvaluation } from '../dist/index.js';
import { runLocally } from '../dist/_local-run.js';
import { createToyTask } from '../dist/_toy-task.js';
import { EVALUATION_TASK_NAME, subjectStagingPath } from '../dist/evaluation-task.js';

const SUBJECTS = Number(process.env.OMEGA_BENCH_SUBJECTS ?? 40);
const OVERHEAD_SUBJECTS = 400;
const run = { seed: 7, asOf: '2025-07-01' };
const WORKER_SCRIPT = fileURLToPath(new URL('../test/fixtures/worker-process.mjs', import.meta.url));

async function freePort() {
  return new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
}
async function startRedis() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => { let out = ''; child.stdout.on('data', (d) => { out += d; if (out.includes('Ready to accept')) resolve(); }); });
  return { url: `redis://127.0.0.1:${port}`, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}
async function startWorkers(url, queueName, count, task) {
  return Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER_SCRIPT, url, queueName, '30000', '15000', task], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => { if (String(d).includes('"ready"')) resolve(child); });
  })));
}
const stopWorkers = (children) => Promise.all(children.map((c) => new Promise((r) => { c.once('exit', r); c.kill('SIGTERM'); })));

// Coordinator side of a queued evaluation, minus writeOutputs (not exported by @omega/evaluation yet): load the
// staged results in order and aggregate, which is what the coordinator adds on top of the workers' work.
function benchEvaluationTask() {
  return {
    name: EVALUATION_TASK_NAME,
    runSubject: async () => { throw new Error('coordinator does not compute subjects'); },
    async aggregate(spec) {
      const results = [];
      for (let i = 0; i < spec.subjects; i++) results.push(await load(subjectStagingPath(spec.out, i), 'json'));
      const d = evaluation.EVALUATION_DEFAULTS;
      evaluation.aggregate(results, { subjects: spec.subjects, ...run, months: d.months, horizonYears: d.horizonYears, paths: d.paths, outcomeDraws: d.outcomeDraws, recommenderPaths: d.recommenderPaths, bootstrapResamples: evaluation.DEFAULT_RESAMPLES }, evaluation.OMEGA_RECOMMENDER.name);
    },
  };
}

const dir = await mkdtemp(join(tmpdir(), 'omega-eq-bench-'));
const redis = await startRedis();
let fresh = 0;
const nextOut = () => join(dir, `out-${fresh++}`);
const rows = [];
const rate = (n, ms) => `${(n / (ms / 1000)).toFixed(1)} subjects/s`;
try {
  const pool = {};
  for (const threads of [1, 2]) {
    pool[threads] = await measure(`in-process pool, ${threads} thread(s)`, () => evaluation.runEvaluation({ subjects: SUBJECTS, ...run, workers: threads, out: nextOut() }),
      { verify: (r) => r.aggregate.settings.subjects === SUBJECTS, repeats: 1 });
    console.log(`${pool[threads].label}: ${rate(SUBJECTS, pool[threads].ms)}`);
  }
  for (const processes of [1, 2, 4]) {
    const queueName = `bench-eval-${processes}`;
    const workers = await startWorkers(redis.url, queueName, processes, 'evaluation');
    try {
      const m = await measure(`queue, ${processes} worker process(es)`, () => runQueuedEvaluation({
        queue: redis.url, queueName, subjects: SUBJECTS, ...run, out: nextOut(), task: benchEvaluationTask(), chunkSize: 2, progress: 'none', pollIntervalMs: 50,
      }), { verify: (r) => r.completed === SUBJECTS && r.failed.length === 0, repeats: 1 });
      const baseline = pool[Math.min(processes, 2)];
      console.log(`${m.label}: ${rate(SUBJECTS, m.ms)}`);
      rows.push({ case: `${SUBJECTS} subjects`, ours: `${m.label} (${rate(SUBJECTS, m.ms)})`, baseline: `${baseline.label} (${rate(SUBJECTS, baseline.ms)})`, oursMs: m.ms, baselineMs: baseline.ms });
    } finally {
      await stopWorkers(workers);
    }
  }
  // Overhead: a near-free subject (toy task, no simulated work) through the queue vs the same loop in-process.
  for (const chunkSize of [1, 10]) {
    const queueName = `bench-overhead-${chunkSize}`;
    const workers = await startWorkers(redis.url, queueName, 1, 'toy');
    try {
      const options = { spinRounds: 0 };
      const local = await measure('in-process loop', () => runLocally(createToyTask(), { subjects: OVERHEAD_SUBJECTS, ...run, options, out: nextOut() }), { repeats: 2 });
      const queued = await measure(`queue, chunk ${chunkSize}`, () => runQueuedEvaluation({
        queue: redis.url, queueName, subjects: OVERHEAD_SUBJECTS, ...run, out: nextOut(), task: createToyTask(), taskOptions: options, chunkSize, progress: 'none', pollIntervalMs: 20,
      }), { verify: (r) => r.completed === OVERHEAD_SUBJECTS, repeats: 2 });
      const perSubject = (queued.ms - local.ms) / OVERHEAD_SUBJECTS;
      console.log(`queue overhead, chunk ${chunkSize}: ${perSubject.toFixed(2)} ms/subject (${OVERHEAD_SUBJECTS} trivial subjects, 1 worker process)`);
      rows.push({ case: `overhead, chunk ${chunkSize}: ${perSubject.toFixed(2)} ms/subject`, ours: queued.label, baseline: local.label, oursMs: queued.ms, baselineMs: local.ms });
    } finally {
      await stopWorkers(workers);
    }
  }
  report('evaluation-queue', rows);
} finally {
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
}
