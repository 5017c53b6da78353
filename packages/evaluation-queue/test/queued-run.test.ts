import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunAbortedError, runQueuedEvaluation, type SubjectTask } from '../src/index.js';
import { runLocally } from '../src/_local-run.js';
import { createToyTask } from '../src/_toy-task.js';
import { startInProcessWorkers, subjectIndices } from './helpers/in-process-workers.js';
import { differingPaths, folderBytes, startRedis, type RedisServer } from '@omega/test-support';

let redis: RedisServer;
let dir: string;
beforeAll(async () => {
  redis = await startRedis();
  dir = await mkdtemp(join(tmpdir(), 'omega-eq-run-'));
});
afterAll(async () => {
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

const base = { seed: 11, asOf: '2024-12-31', progress: 'none' as const, retryDelayMs: 50, pollIntervalMs: 50 };

describe('runQueuedEvaluation with in-process workers', () => {
  it('resumes after a coordinator restart without recomputing finished subjects', async () => {
    const queueName = 'resume';
    const workers = await startInProcessWorkers(redis.url, queueName, 2);
    const taskOptions = { delayMs: 15 };
    const options = { ...base, queue: redis.url, queueName, subjects: 40, out: join(dir, 'resume'), task: createToyTask(), taskOptions, chunkSize: 3 };
    try {
      const stop = new AbortController();
      const first = runQueuedEvaluation({ ...options, signal: stop.signal, onProgress: ({ done }) => { if (done >= 8) stop.abort(); } });
      await expect(first).rejects.toBeInstanceOf(RunAbortedError);
      const second = await runQueuedEvaluation(options);
      expect(second.resumedFrom).toBeGreaterThanOrEqual(8);
      expect(second.completed).toBe(40);
      expect(second.failed).toEqual([]);
      // Re-adding the same job ids is a no-op, so every subject ran exactly once across both coordinator lives.
      expect(subjectIndices(workers.events).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    } finally {
      await workers.close();
    }
    await runLocally(createToyTask(), { subjects: 40, seed: base.seed, asOf: base.asOf, options: taskOptions, out: join(dir, 'resume-local') });
    expect(differingPaths(await folderBytes(join(dir, 'resume')), await folderBytes(join(dir, 'resume-local')))).toEqual([]);
  });

  it('reports a poisoned subject with its error after the bounded attempts and completes the rest', async () => {
    const queueName = 'poison';
    const workers = await startInProcessWorkers(redis.url, queueName, 2);
    const taskOptions = { poison: [5, 17] };
    try {
      const result = await runQueuedEvaluation({
        ...base, queue: redis.url, queueName, subjects: 24, out: join(dir, 'poison'), task: createToyTask(), taskOptions, chunkSize: 4, attempts: 3,
      });
      expect(result.completed).toBe(22);
      expect(result.failed).toEqual([
        { index: 5, message: 'PoisonedSubjectError: subject 5 is poisoned by the test' },
        { index: 17, message: 'PoisonedSubjectError: subject 17 is poisoned by the test' },
      ]);
      // Each poisoned job was tried exactly `attempts` times; its healthy subjects were computed once only.
      const attemptsOfPoisonedJobs = workers.events.filter((e) => e.type === 'failed').map((e) => (e.type === 'failed' ? e.attemptsMade : 0));
      expect(attemptsOfPoisonedJobs.sort()).toEqual([1, 1, 2, 2, 3, 3]);
      expect(subjectIndices(workers.events)).toHaveLength(22);
    } finally {
      await workers.close();
    }
    const localFailed = await runLocally(createToyTask(), { subjects: 24, seed: base.seed, asOf: base.asOf, options: taskOptions, out: join(dir, 'poison-local') });
    expect(localFailed.map((f) => f.index)).toEqual([5, 17]);
    expect(differingPaths(await folderBytes(join(dir, 'poison')), await folderBytes(join(dir, 'poison-local')))).toEqual([]);
  });

  it('fails the subjects of a task no worker knows, naming the task, instead of waiting forever', async () => {
    const queueName = 'unknown-task';
    const workers = await startInProcessWorkers(redis.url, queueName, 1);
    const stranger: SubjectTask = { ...createToyTask(), name: 'not-installed' };
    try {
      const result = await runQueuedEvaluation({
        ...base, queue: redis.url, queueName, subjects: 3, out: join(dir, 'unknown'), task: stranger, attempts: 1,
      });
      expect(result.completed).toBe(0);
      expect(result.failed.map((f) => f.index)).toEqual([0, 1, 2]);
      expect(result.failed[0]?.message).toMatch(/task "not-installed" is not one of this worker's tasks \(toy-vector\)/);
    } finally {
      await workers.close();
    }
  });

  it('shows progress as plain lines when the stream is not a terminal', async () => {
    const queueName = 'lines';
    const workers = await startInProcessWorkers(redis.url, queueName, 1);
    const lines: string[] = [];
    const stream = { write: (text: string) => { lines.push(text); return true; }, isTTY: false } as unknown as NodeJS.WritableStream;
    try {
      await runQueuedEvaluation({ ...base, progress: 'auto', progressStream: stream, queue: redis.url, queueName, subjects: 5, out: join(dir, 'lines'), task: createToyTask() });
    } finally {
      await workers.close();
    }
    expect(lines.at(-1)).toBe('evaluating: 5/5 subjects done, 0 failed (100%)\n');
    expect(lines.every((line) => /^evaluating: \d+\/5 subjects done, 0 failed \(\d+%\)\n$/.test(line))).toBe(true);
  });
});
