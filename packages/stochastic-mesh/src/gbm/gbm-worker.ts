/** Worker-thread entry: simulates one path range of a prepared GBM spec straight into shared memory. */
import { parentPort, workerData } from 'node:worker_threads';
import { simulateGbmChunk, valuesPerPath } from './gbm-kernel.js';
import type { PreparedGbm } from './gbm-spec.js';

interface Job {
  prepared: PreparedGbm;
  from: number;
  to: number;
  values: SharedArrayBuffer;
  minima?: SharedArrayBuffer;
}

const job = workerData as Job;
const p = job.prepared;
const per = valuesPerPath(p);
const values = new Float64Array(job.values, job.from * per * 8, (job.to - job.from) * per);
const minima = job.minima ? new Float64Array(job.minima, job.from * p.assets * 8, (job.to - job.from) * p.assets) : undefined;
simulateGbmChunk(p, job.from, job.to, minima ? { values, minima } : { values });
parentPort?.postMessage('done');
