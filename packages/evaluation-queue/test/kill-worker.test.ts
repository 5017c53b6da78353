import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueUrl, runQueuedEvaluation } from '../src/index.js';
import { runLocally } from '../src/_local-run.js';
import { createToyTask } from '../src/_toy-task.js';
import { differingPaths, folderBytes, startRedis, type RedisServer } from '@omega/test-support';
import { startWorkerProcess, type WorkerProcess } from './helpers/worker-processes.js';

let redis: RedisServer;
let dir: string;
beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(join(tmpdir(), 'omega-eq-kill-'));
});
afterAll(async () => {
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('coordinator + 3 worker processes, one SIGKILLed mid-job', () => {
  it('hands the dead worker\'s job to another worker and writes the same bytes as a local run', async () => {
    const queueName = 'kill-test';
    const run = { subjects: 48, seed: 7, asOf: '2025-03-31', options: { delayMs: 40, spinRounds: 2000 } };
    const { host, port } = parseQueueUrl(redis.url);
    const queueEvents = new QueueEvents(queueName, { connection: { host, port } });
    const stalled: string[] = [];
    queueEvents.on('stalled', ({ jobId }) => stalled.push(jobId));
    await queueEvents.waitUntilReady();
    const workers: WorkerProcess[] = await Promise.all([0, 1, 2].map(() => startWorkerProcess(redis.url, queueName)));
    try {
      const running = runQueuedEvaluation({
        queue: redis.url, queueName, subjects: run.subjects, seed: run.seed, asOf: run.asOf, out: join(dir, 'queued'),
        task: createToyTask(), taskOptions: run.options, chunkSize: 4, progress: 'none',
      });
      const [victim, ...survivors] = workers as [WorkerProcess, ...WorkerProcess[]];
      // Kill after the victim wrote the first subject of a job: the job is half done and holds its lock.
      const firstSubject = await victim.waitFor((e) => e.type === 'subject');
      victim.child.kill('SIGKILL');
      const result = await running;

      expect(result.completed).toBe(run.subjects);
      expect(result.failed).toEqual([]);
      const killedJob = firstSubject.jobId;
      expect(victim.events.some((e) => e.type === 'completed' && e.jobId === killedJob)).toBe(false);
      expect(stalled).toContain(killedJob);
      expect(survivors.some((w) => w.events.some((e) => e.type === 'completed' && e.jobId === killedJob))).toBe(true);

      // Every subject was computed; only a subject in flight at the kill can have been computed twice.
      const computed = workers.flatMap((w) => w.events.filter((e) => e.type === 'subject').map((e) => e.index));
      expect(new Set(computed).size).toBe(run.subjects);
      expect(computed.length - run.subjects).toBeLessThanOrEqual(1);

      await runLocally(createToyTask(), { ...run, out: join(dir, 'local') });
      const queued = await folderBytes(join(dir, 'queued'));
      const local = await folderBytes(join(dir, 'local'));
      expect(queued.size).toBe(run.subjects + 1);
      expect(differingPaths(queued, local)).toEqual([]);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      await queueEvents.close();
    }
  });
});
