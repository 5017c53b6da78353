import { Worker, UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis, redisOptions } from './connection.js';
import { describeError } from './describe-error.js';
import { SubjectsFailedError, UnknownTaskError, type SubjectFailure } from './errors.js';
import { parseJobData } from './job-data.js';
import { parseQueueUrl } from './queue-url.js';
import { RUN_KEY_TTL_SECONDS, runKeys } from './run-keys.js';
import type { SubjectTask } from './task.js';
import { DEFAULT_QUEUE_NAME, DEFAULT_PREFIX, resolveTasks } from './defaults.js';
import { positiveInteger } from './validate.js';

export interface WorkerOptions {
  /** `redis://HOST:PORT[/DB]` of the Redis every worker and the coordinator share. */
  queue: string;
  /** BullMQ queue name (default `omega-evaluation`); must match the coordinator's. */
  queueName?: string;
  /** Jobs processed at once by this process (default 1: one CPU-bound subject at a time; run more processes instead). */
  concurrency?: number;
  /** Subject tasks this worker can run (default: the @omega/evaluation task). */
  tasks?: readonly SubjectTask[];
  /**
   * How long a job's lock lives without renewal (default 30 000 ms). A SIGKILLed worker's job is handed to another
   * worker at most about lockDurationMs + stalledIntervalMs later.
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs of dead workers (default 15 000 ms). */
  stalledIntervalMs?: number;
  /** Observe this worker's activity (e.g. for logs). */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'active'; jobId: string; start: number; end: number }
  | { type: 'subject'; jobId: string; index: number }
  | { type: 'completed'; jobId: string }
  | { type: 'failed'; jobId: string; message: string; attemptsMade: number }
  | { type: 'error'; message: string };

export interface WorkerHandle {
  /** Stop taking jobs, wait for the current ones to finish, and disconnect. */
  close(): Promise<void>;
}

/**
 * Start a worker process's share of the work: take subject-range jobs from the queue, compute each subject with its
 * task (files written atomically through @omega/storage into the run's shared folder), record it as done, and let
 * BullMQ retry failures and hand over jobs of workers that died. Resolves once connected and listening.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const connection = parseQueueUrl(options.queue, 'options.queue');
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const concurrency = positiveInteger(options.concurrency ?? 1, 'options.concurrency');
  const lockDuration = positiveInteger(options.lockDurationMs ?? 30_000, 'options.lockDurationMs');
  const stalledInterval = positiveInteger(options.stalledIntervalMs ?? 15_000, 'options.stalledIntervalMs');
  const tasks = await resolveTasks(options.tasks, 'worker');
  const emit = options.onEvent ?? (() => undefined);

  const bookkeeping = createRedis(connection);
  const processor = (job: Job) => processJob(job, tasks, bookkeeping, queueName, emit);
  const worker = new Worker(queueName, processor, {
    connection: redisOptions(connection),
    prefix: DEFAULT_PREFIX,
    concurrency,
    lockDuration,
    stalledInterval,
    // Our own done-set makes a re-run subject harmless, so a job may stall more than once (e.g. two workers die).
    maxStalledCount: 3,
    autorun: true,
  });
  worker.on('completed', (job) => emit({ type: 'completed', jobId: String(job.id) }));
  worker.on('failed', (job, error) => {
    if (job) emit({ type: 'failed', jobId: String(job.id), message: error.message, attemptsMade: job.attemptsMade });
  });
  worker.on('error', (error) => emit({ type: 'error', message: error.message }));
  await worker.waitUntilReady();

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        await worker.close();
        await bookkeeping.quit();
      })();
      return closing;
    },
  };
}

async function processJob(
  job: Job, tasks: ReadonlyMap<string, SubjectTask>, redis: Redis, queueName: string, emit: (event: WorkerEvent) => void,
): Promise<{ computed: number }> {
  const jobId = String(job.id);
  let data;
  try {
    data = parseJobData(job.data);
  } catch (error) {
    throw new UnrecoverableError((error as Error).message);
  }
  const task = tasks.get(data.spec.task);
  if (task === undefined) {
    // Another worker may know the task, so this is retried (bounded by the job's attempts), not dropped.
    throw new UnknownTaskError(`job ${jobId}: task ${JSON.stringify(data.spec.task)} is not one of this worker's tasks (${[...tasks.keys()].join(', ')})`, {
      field: 'job.data.spec.task', expected: [...tasks.keys()].join(' | '), received: data.spec.task,
    });
  }
  emit({ type: 'active', jobId, start: data.start, end: data.end });
  const keys = runKeys(DEFAULT_PREFIX, queueName, data.runId);
  const failures: SubjectFailure[] = [];
  let computed = 0;
  for (let index = data.start; index < data.end; index++) {
    // A retried or handed-over job skips subjects already written by an earlier attempt.
    if ((await redis.sismember(keys.done, String(index))) === 1) continue;
    try {
      await task.runSubject(data.spec, index);
    } catch (error) {
      const message = describeError(error);
      failures.push({ index, message });
      await redis.multi().hset(keys.errors, String(index), message).expire(keys.errors, RUN_KEY_TTL_SECONDS).exec();
      continue;
    }
    await redis.multi().sadd(keys.done, String(index)).hdel(keys.errors, String(index)).expire(keys.done, RUN_KEY_TTL_SECONDS).exec();
    computed++;
    emit({ type: 'subject', jobId, index });
  }
  if (failures.length > 0) throw new SubjectsFailedError(failures);
  return { computed };
}
