import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { subjectRanges, type SubjectRange } from './chunks.js';
import { createRedis, redisOptions } from './connection.js';
import { DEFAULT_PREFIX, DEFAULT_QUEUE_NAME } from './defaults.js';
import { RunAbortedError, type SubjectFailure } from './errors.js';
import { createEvaluationTask } from './evaluation-task.js';
import type { SubjectJobData } from './job-data.js';
import { createProgressDisplay, type ProgressMode, type QueueProgress } from './progress.js';
import { parseQueueUrl } from './queue-url.js';
import { jobIdOf, runIdOf } from './run-id.js';
import { runKeys, type RunKeys } from './run-keys.js';
import type { RunSpec, SubjectTask } from './task.js';
import { sweepAtomicTemps } from './temp-sweep.js';
import { integer, isoDate, positiveInteger } from './validate.js';

export interface QueuedEvaluationOptions {
  /** `redis://HOST:PORT[/DB]` shared with the workers. */
  queue: string;
  subjects: number;
  seed: number;
  /** The run's date `YYYY-MM-DD` (required: it is part of the run's identity, so a restarted coordinator resumes). */
  asOf: string;
  /** Output folder; must be reachable under the same absolute path by every worker. */
  out: string;
  /** BullMQ queue name (default `omega-evaluation`); must match the workers'. */
  queueName?: string;
  /** Subjects per job (default 10): larger means less queue overhead, smaller means finer load balancing. */
  chunkSize?: number;
  /** Attempts per job before its failing subjects are reported (default 3). */
  attempts?: number;
  /** Wait between attempts of a failed job (default 1000 ms). */
  retryDelayMs?: number;
  /** How often the coordinator reads the run's state from Redis (default 250 ms). */
  pollIntervalMs?: number;
  /** `auto` (default): a progress bar on a TTY, plain lines otherwise. */
  progress?: ProgressMode;
  /** Where progress is drawn (default process.stderr). */
  progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
  onProgress?: (progress: QueueProgress) => void;
  /** Abort waiting: jobs stay queued and workers keep going; rerun with the same options to resume. */
  signal?: AbortSignal;
  /** Subject task (default: the @omega/evaluation task). Workers must have a task with the same name. */
  task?: SubjectTask;
  /** Task-specific settings carried to every worker; part of the run's identity. */
  taskOptions?: Record<string, unknown>;
}

export interface QueuedEvaluationResult {
  runId: string;
  out: string;
  subjects: number;
  /** Subjects whose results were written. */
  completed: number;
  /** Subjects that still failed after all attempts, with their last error; excluded from the aggregate. */
  failed: SubjectFailure[];
  /** Subjects already done when this coordinator started (non-zero after a restart). */
  resumedFrom: number;
}

/**
 * Coordinate an evaluation run over a BullMQ queue: enqueue subject ranges (idempotently: a restarted coordinator
 * finds the jobs of its earlier life by their deterministic ids), show progress until every subject is written or has
 * failed for good, then build the aggregate from the shared folder and clear the run's queue state.
 */
export async function runQueuedEvaluation(options: QueuedEvaluationOptions): Promise<QueuedEvaluationResult> {
  const connection = parseQueueUrl(options.queue, 'options.queue');
  const spec: RunSpec = {
    task: '',
    subjects: positiveInteger(options.subjects, 'options.subjects'),
    seed: integer(options.seed, 'options.seed'),
    asOf: isoDate(options.asOf, 'options.asOf'),
    out: resolve(options.out),
    options: options.taskOptions ?? {},
  };
  const chunkSize = positiveInteger(options.chunkSize ?? 10, 'options.chunkSize');
  const attempts = positiveInteger(options.attempts ?? 3, 'options.attempts');
  const retryDelayMs = integer(options.retryDelayMs ?? 1000, 'options.retryDelayMs');
  const pollIntervalMs = positiveInteger(options.pollIntervalMs ?? 250, 'options.pollIntervalMs');
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const task = options.task ?? (await createEvaluationTask('coordinator'));
  spec.task = task.name;
  const runId = runIdOf(spec, chunkSize);
  const keys = runKeys(DEFAULT_PREFIX, queueName, runId);
  const ranges = subjectRanges(spec.subjects, chunkSize);
  await mkdir(spec.out, { recursive: true });

  const redis = createRedis(connection);
  const queue = new Queue(queueName, { connection: redisOptions(connection), prefix: DEFAULT_PREFIX });
  const display = createProgressDisplay(options.progress ?? 'auto', options.progressStream ?? process.stderr);
  try {
    const alreadyDone = new Set((await redis.smembers(keys.done)).map(Number));
    const pending = ranges.filter((range) => !coveredBy(range, alreadyDone));
    await enqueue(queue, pending.map((range) => ({ runId, spec, start: range.start, end: range.end })), attempts, retryDelayMs);

    let state = await readState(queue, redis, keys, runId);
    for (;;) {
      const progress = { done: state.done, failed: state.failed.length, total: spec.subjects };
      display.update(progress);
      options.onProgress?.(progress);
      if (state.done + state.failed.length >= spec.subjects) break;
      await sleep(pollIntervalMs, options.signal);
      state = await readState(queue, redis, keys, runId);
    }
    display.stop();
    await sweepAtomicTemps(spec.out);
    await task.aggregate(spec, state.failed);
    await clearRun(queue, redis, keys, runId, ranges);
    return { runId, out: spec.out, subjects: spec.subjects, completed: state.done, failed: state.failed, resumedFrom: alreadyDone.size };
  } finally {
    display.stop();
    await queue.close();
    await redis.quit().catch(() => undefined);
  }
}

function coveredBy(range: SubjectRange, done: ReadonlySet<number>): boolean {
  for (let index = range.start; index < range.end; index++) if (!done.has(index)) return false;
  return true;
}

async function enqueue(queue: Queue, jobs: SubjectJobData[], attempts: number, retryDelayMs: number): Promise<void> {
  const BATCH = 500;
  for (let i = 0; i < jobs.length; i += BATCH) {
    // A job id that already exists (from an earlier coordinator life) is left as it is by BullMQ.
    await queue.addBulk(jobs.slice(i, i + BATCH).map((data) => ({
      name: 'subjects',
      data,
      opts: {
        jobId: jobIdOf(data.runId, data.start),
        attempts,
        backoff: { type: 'fixed', delay: retryDelayMs },
        removeOnComplete: false,
        removeOnFail: false,
      },
    })));
  }
}

interface RunState {
  done: number;
  failed: SubjectFailure[];
}

/** Done = the run's done-set size; failed = subjects of jobs BullMQ gave up on that never made it into the done set. */
async function readState(queue: Queue, redis: Redis, keys: RunKeys, runId: string): Promise<RunState> {
  const done = await redis.scard(keys.done);
  const failed: SubjectFailure[] = [];
  const failedJobs = (await queue.getJobs(['failed'])).filter((job) => (job.data as Partial<SubjectJobData>)?.runId === runId);
  for (const job of failedJobs) {
    const { start, end } = job.data as SubjectJobData;
    const indices = Array.from({ length: end - start }, (_, k) => String(start + k));
    const member = await redis.smismember(keys.done, ...indices);
    const messages = await redis.hmget(keys.errors, ...indices);
    indices.forEach((index, k) => {
      if (member[k] === 1) return;
      failed.push({ index: Number(index), message: messages[k] ?? `job failed: ${job.failedReason}` });
    });
  }
  failed.sort((a, b) => a.index - b.index);
  return { done, failed };
}

async function clearRun(queue: Queue, redis: Redis, keys: RunKeys, runId: string, ranges: readonly SubjectRange[]): Promise<void> {
  for (const range of ranges) {
    // A job still locked by a worker that lost its lock (and may yet finish) cannot be removed; it rewrites the same
    // bytes and then stays as a completed job, so it is left to BullMQ.
    await queue.remove(jobIdOf(runId, range.start)).catch(() => undefined);
  }
  await redis.del(keys.done, keys.errors);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    if (signal?.aborted) {
      reject(new RunAbortedError('run aborted: jobs stay queued; rerun with the same options to resume'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunAbortedError('run aborted: jobs stay queued; rerun with the same options to resume'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolvePromise();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
