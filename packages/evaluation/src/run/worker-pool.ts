/**
 * A minimal pool over node:worker_threads: a fixed number of workers, one task at a time per worker, tasks
 * queued in submission order. The first worker failure rejects every outstanding task and the pool refuses
 * further work (a half-broken run would be silently incomplete).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WorkerFailedError } from '../errors.js';

interface Job<T, R> {
  task: T;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export type WorkerReply<R> = { ok: true; result: R } | { ok: false; error: { name: string; message: string; field?: string } };

export class WorkerPool<T, R> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job<T, R>>();
  private readonly queue: Job<T, R>[] = [];
  private failure: WorkerFailedError | undefined;
  private closed = false;

  constructor(script: URL, size: number) {
    const path = fileURLToPath(script);
    if (!existsSync(path)) {
      throw new WorkerFailedError('worker script not found (worker threads run the built JavaScript: run `pnpm build` in packages/evaluation first)', { field: 'worker', expected: 'an existing file', received: path });
    }
    for (let i = 0; i < size; i++) {
      const w = new Worker(script);
      w.on('message', (reply: WorkerReply<R>) => this.onReply(w, reply));
      w.on('error', (e) => this.fail(new WorkerFailedError(`worker ${i} crashed: ${e.message}`, { field: `workers[${i}]`, cause: e })));
      w.on('exit', (code) => {
        if (!this.closed) this.fail(new WorkerFailedError(`worker ${i} exited with code ${code}`, { field: `workers[${i}]` }));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  run(task: T): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage(job.task);
    }
  }

  private onReply(w: Worker, reply: WorkerReply<R>): void {
    const job = this.running.get(w);
    this.running.delete(w);
    this.idle.push(w);
    if (job !== undefined) {
      if (reply.ok) job.resolve(reply.result);
      else job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, field: reply.error.field }));
    }
    this.dispatch();
  }

  private fail(error: WorkerFailedError): void {
    if (this.failure) return;
    this.failure = error;
    for (const job of [...this.running.values(), ...this.queue]) job.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }
}
