import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../fixtures/worker-process.mjs', import.meta.url));

export interface WorkerEventLine {
  type: string;
  pid: number;
  jobId?: string;
  index?: number;
  start?: number;
  end?: number;
}

export interface WorkerProcess {
  child: ChildProcess;
  events: WorkerEventLine[];
  /** Resolves with the first event matching `predicate` (already seen or future). */
  waitFor(predicate: (event: WorkerEventLine) => boolean, timeoutMs?: number): Promise<WorkerEventLine>;
  stop(): Promise<void>;
}

/** Spawn `node test/fixtures/worker-process.mjs` against the built package; its events arrive as JSON lines. */
export async function startWorkerProcess(url: string, queueName: string, lockMs = 1000, stalledMs = 500, task: 'toy' | 'evaluation' = 'toy'): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [SCRIPT, url, queueName, String(lockMs), String(stalledMs), task], { stdio: ['ignore', 'pipe', 'inherit'] });
  const events: WorkerEventLine[] = [];
  const waiters: Array<{ predicate: (e: WorkerEventLine) => boolean; resolve: (e: WorkerEventLine) => void }> = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += String(chunk);
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffer.slice(0, newline)) as WorkerEventLine;
      buffer = buffer.slice(newline + 1);
      events.push(event);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(event)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(event);
        }
      }
    }
  });
  const waitFor = (predicate: (e: WorkerEventLine) => boolean, timeoutMs = 20_000) => {
    const seen = events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise<WorkerEventLine>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker ${child.pid}: expected event not seen within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({ predicate, resolve: (e) => { clearTimeout(timer); resolve(e); } });
    });
  };
  await waitFor((e) => e.type === 'ready');
  return {
    child,
    events,
    waitFor,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
