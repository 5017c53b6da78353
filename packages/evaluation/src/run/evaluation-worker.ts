/** Worker-thread entry: evaluates batches sent by the pool (loaded from dist/ by `runEvaluation`). */
import { parentPort } from 'node:worker_threads';
import { runBatch, type BatchTask } from './batch.js';

parentPort?.on('message', (task: BatchTask) => {
  try {
    parentPort!.postMessage({ ok: true, result: runBatch(task) });
  } catch (e) {
    const error = e as Error & { field?: string };
    parentPort!.postMessage({ ok: false, error: { name: error.name, message: error.message, field: error.field } });
  }
});
