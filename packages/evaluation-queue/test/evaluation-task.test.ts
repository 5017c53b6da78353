import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as evaluation from '@omega/evaluation';
import { load, type NDArray } from '@omega/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluationTask, EvaluationExportMissingError, runQueuedEvaluation, type RunSpec } from '../src/index.js';
import { subjectStagingPath } from '../src/evaluation-task.js';
import { differingPaths, folderBytes, startRedis, type RedisServer } from '@omega/test-support';
import { startWorkerProcess, type WorkerProcess } from './helpers/worker-processes.js';

// Small settings keep a real evaluation subject to a few tens of milliseconds.
const settings = { months: 2, horizonYears: 2, paths: 24, outcomeDraws: 2, recommenderPaths: 20, bootstrapResamples: 50 };
const run = { subjects: 6, seed: 7, asOf: '2025-07-01' };
const hasWriteOutputs = typeof (evaluation as Record<string, unknown>).writeOutputs === 'function';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'omega-eq-eval-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('the @omega/evaluation task', () => {
  it('computes in a worker exactly the subject records of a local runEvaluation with --workers 1', async () => {
    const local = await evaluation.runEvaluation({ ...run, ...settings, workers: 1, out: join(dir, 'local') });
    const task = await createEvaluationTask('worker');
    const spec: RunSpec = { task: task.name, ...run, out: join(dir, 'staged'), options: settings };
    for (let index = run.subjects - 1; index >= 0; index--) await task.runSubject(spec, index);
    const doc = (await load(join(local.out, local.files.subjects))) as { subjects: object[]; wealthFan: NDArray };
    for (let index = 0; index < run.subjects; index++) {
      const { wealthFan, ...record } = (await load(subjectStagingPath(spec.out, index), 'json')) as { wealthFan: number[][] };
      expect(record).toEqual(doc.subjects[index]);
      const years = doc.wealthFan.shape[1] as number;
      const fan = doc.wealthFan.data as Float64Array;
      expect(Float64Array.from(wealthFan.flat())).toEqual(fan.subarray(index * years * 5, (index + 1) * years * 5));
    }
  });

  it.skipIf(hasWriteOutputs)('refuses to coordinate while @omega/evaluation does not export writeOutputs, naming it', async () => {
    const attempt = createEvaluationTask('coordinator');
    await expect(attempt).rejects.toBeInstanceOf(EvaluationExportMissingError);
    await expect(attempt).rejects.toThrow(/does not export writeOutputs, which the queue's coordinator needs/);
  });

  it.skipIf(!hasWriteOutputs)('3 worker processes, one SIGKILLed: the folder is byte-identical to runEvaluation --workers 1', async () => {
    const redis: RedisServer = await startRedis();
    const workers: WorkerProcess[] = await Promise.all([0, 1, 2].map(() => startWorkerProcess(redis.url, 'eval', 1000, 500, 'evaluation')));
    try {
      const subjects = 24;
      const running = runQueuedEvaluation({
        queue: redis.url, queueName: 'eval', subjects, seed: run.seed, asOf: run.asOf, out: join(dir, 'queued'),
        taskOptions: settings, chunkSize: 2, progress: 'none',
      });
      await workers[0]!.waitFor((e) => e.type === 'subject');
      workers[0]!.child.kill('SIGKILL');
      const result = await running;
      expect(result.failed).toEqual([]);
      await evaluation.runEvaluation({ subjects, seed: run.seed, asOf: run.asOf, ...settings, workers: 1, out: join(dir, 'local-24') });
      const queued = await folderBytes(join(dir, 'queued'));
      expect(queued.size).toBeGreaterThan(3);
      expect(differingPaths(queued, await folderBytes(join(dir, 'local-24')))).toEqual([]);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await redis.stop();
    }
  });
});
