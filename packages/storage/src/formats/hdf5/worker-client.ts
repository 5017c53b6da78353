/**
 * Decoding HDF5 files in a worker thread with a deadline. A corrupt file can make the HDF5 C library loop forever
 * (a wasm loop cannot be interrupted in its own thread) or abort (which poisons that wasm instance): here either
 * costs one worker, which is terminated and replaced, and the caller gets a typed error.
 *
 * One worker is reused for all loads (starting one and initialising h5wasm costs ~0.1–0.3 s); requests are served
 * one at a time, as the single-threaded wasm library would anyway. An idle worker does not keep the process alive.
 */
import { existsSync, promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  CorruptDataError, DecodeTimeoutError, FormatUnavailableError, StorageError, errorClassFor, type StorageErrorContext,
} from '../../errors.js';
import type { LoadPolicy } from '../../limits.js';
import type { DecodeReply, DecodeRequest, WorkerErrorInfo, WorkerReady } from './decode-worker.js';
import type { InspectNode } from '../../inspect.js';
import type { Packed } from './transfer.js';

const MiB = 2 ** 20;
/** The default deadline: 30 s plus 250 ms per MiB (a floor of 4 MiB/s, far below any measured read speed). */
export function defaultDecodeTimeoutMs(fileBytes: number): number {
  return 30_000 + Math.ceil((250 * fileBytes) / MiB);
}

/**
 * A worker that had this many failed decodes is replaced: HDF5's error paths leak library state. (Aborts retire it
 * at once; a replacement costs one worker start, ~0.5 s, paid by the next request.)
 */
const RETIRE_AFTER_FAILURES = 1000;

function rebuildError(info: WorkerErrorInfo): StorageError {
  const Ctor = errorClassFor(info.code);
  const context: StorageErrorContext = {};
  for (const [key, value] of Object.entries(info.context)) if (value !== undefined) (context as Record<string, unknown>)[key] = value;
  if (info.raw !== undefined) context.cause = new Error(info.raw);
  return new Ctor(info.detail, context);
}

/**
 * The worker runs the built JavaScript. Under vitest the package runs from its TypeScript sources, which a bare
 * worker thread cannot import, so the worker then comes from the package's dist (the `test` task builds first).
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./decode-worker.js', import.meta.url));
  const built = new URL('../../../dist/formats/hdf5/decode-worker.js', import.meta.url);
  if (!existsSync(built)) throw new FormatUnavailableError('the HDF5 decode worker is not built', { format: 'hdf5', expected: `${fileURLToPath(built)} (run pnpm build)` });
  return new Worker(built);
}

interface Job {
  request: DecodeRequest;
  timeoutMs: number;
  displayName: string;
  resolve: (value: Packed | InspectNode) => void;
  reject: (error: StorageError) => void;
}

class DecodeWorkerClient {
  private worker: Worker | undefined;
  /** The worker said it is ready (h5wasm initialised); jobs wait until then so start-up is not on their clock. */
  private ready = false;
  private failures = 0;
  private current: { job: Job; timer: NodeJS.Timeout | undefined } | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;

  run(kind: DecodeRequest['kind'], file: string, policy: LoadPolicy, sliceBytes: number, timeoutMs: number, displayName: string): Promise<Packed | InspectNode> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, kind, file, policy, sliceBytes }, timeoutMs, displayName, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current !== undefined) return;
    const job = this.queue.shift();
    if (job === undefined) {
      this.worker?.unref();
      return;
    }
    const worker = this.worker ?? this.spawn();
    worker.ref();
    if (!this.ready) {
      this.queue.unshift(job);
      return;
    }
    const timer = Number.isFinite(job.timeoutMs) ? setTimeout(() => this.timeOut(job), job.timeoutMs) : undefined;
    this.current = { job, timer };
    worker.postMessage(job.request);
  }

  private spawn(): Worker {
    const worker = startWorker();
    this.worker = worker;
    this.ready = false;
    this.failures = 0;
    worker.on('message', (message: DecodeReply | WorkerReady) => {
      if (worker !== this.worker) return;
      if ('ready' in message) {
        this.ready = true;
        this.pump();
      } else this.onReply(message);
    });
    worker.on('error', (error) => {
      if (worker !== this.worker) return;
      const unavailable = new FormatUnavailableError(`the HDF5 decode worker failed: ${error.message}`, { format: 'hdf5', expected: 'a worker thread running h5wasm', cause: error });
      if (!this.ready) this.failQueue(unavailable);
      this.retire();
      this.finish(unavailable);
    });
    worker.on('exit', (code) => {
      if (worker !== this.worker) return;
      this.worker = undefined;
      if (!this.ready) this.failQueue(new FormatUnavailableError(`the HDF5 decode worker exited (code ${code}) while starting`, { format: 'hdf5', expected: 'a worker thread running h5wasm' }));
      const name = this.current?.job.displayName;
      this.finish(new CorruptDataError(`the HDF5 decode worker exited (code ${code}) while reading the file`, { format: 'hdf5', ...(name === undefined ? {} : { file: name }) }));
    });
    return worker;
  }

  /** A worker that cannot start fails everything waiting for it (the next request tries a new one). */
  private failQueue(error: StorageError): void {
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  private retire(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) void worker.terminate();
  }

  /** Settle the current job (error or value) and move on to the next. */
  private finish(outcome: StorageError | { value: Packed | InspectNode }): void {
    const current = this.current;
    if (current === undefined) return;
    this.current = undefined;
    if (current.timer !== undefined) clearTimeout(current.timer);
    if (outcome instanceof StorageError) current.job.reject(outcome);
    else current.job.resolve(outcome.value);
    this.pump();
  }

  private onReply(reply: DecodeReply): void {
    if (this.current?.job.request.id !== reply.id) return;
    if (!reply.ok) this.failures++;
    if (reply.retire || this.failures >= RETIRE_AFTER_FAILURES) this.retire();
    this.finish(reply.ok ? { value: reply.value } : rebuildError(reply.error));
  }

  private timeOut(job: Job): void {
    if (this.current?.job !== job) return;
    this.retire();
    this.finish(new DecodeTimeoutError(`HDF5 decoding did not finish within its deadline of ${job.timeoutMs} ms; the decode was stopped`, {
      file: job.displayName, format: 'hdf5',
      expected: 'a file HDF5 can read within LoadPolicy.hdf5DecodeTimeoutMs (default 30 s + 250 ms per MiB)',
      received: 'a decode still running at the deadline (corrupt structures can make the HDF5 library loop forever)',
    }));
  }
}

let client: DecodeWorkerClient | undefined;

/** Decode `file` in the shared worker; resolves to the packed value (transfer.ts `unpack` rebuilds it). */
export async function decodeInWorker(file: string, policy: LoadPolicy, sliceBytes: number, displayName: string): Promise<Packed> {
  return (await runInWorker('load', file, policy, sliceBytes, displayName)) as Packed;
}

/** `inspect` in the shared worker, under the same deadline: the header walk parses the same untrusted structures. */
export async function inspectInWorker(file: string, policy: LoadPolicy, displayName: string): Promise<InspectNode> {
  return (await runInWorker('inspect', file, policy, 0, displayName)) as InspectNode;
}

async function runInWorker(kind: DecodeRequest['kind'], file: string, policy: LoadPolicy, sliceBytes: number, displayName: string): Promise<Packed | InspectNode> {
  let timeoutMs = policy.hdf5DecodeTimeoutMs;
  if (timeoutMs === undefined) {
    const size = await fs.stat(file).then((s) => s.size, () => 0);
    timeoutMs = defaultDecodeTimeoutMs(size);
  }
  // Only the policy's own fields cross to the worker (a caller's object may hold anything).
  const plain: LoadPolicy = {
    maxInputBytes: policy.maxInputBytes, maxElements: policy.maxElements, maxDepth: policy.maxDepth,
    maxDecompressedBytes: policy.maxDecompressedBytes, maxDecompressionRatio: policy.maxDecompressionRatio,
    allowedPickleGlobals: [...policy.allowedPickleGlobals],
    allowedCustomTypes: policy.allowedCustomTypes === '*' ? '*' : [...policy.allowedCustomTypes],
  };
  client ??= new DecodeWorkerClient();
  return await client.run(kind, file, plain, sliceBytes, timeoutMs, displayName);
}
