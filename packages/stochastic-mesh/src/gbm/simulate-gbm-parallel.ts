/** GBM simulation split over worker threads writing into one SharedArrayBuffer. */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, WorkerError } from '../errors.js';
import { prepareGbm, type GbmSpec } from './gbm-spec.js';
import { valuesPerPath } from './gbm-kernel.js';
import { GbmPaths, allocateOutput, wrapOutput } from './simulate-gbm.js';

/** URL of the compiled worker script (next to this module in dist/). */
export function gbmWorkerUrl(): URL {
  return new URL('./gbm-worker.js', import.meta.url);
}

/**
 * Simulate with `workers` threads; paths are split into contiguous ranges. Because each path owns its random
 * stream, the result is bit-identical to `simulateGbm` for every worker count. Requires the built package
 * (the worker runs dist/gbm/gbm-worker.js).
 */
export async function simulateGbmParallel(spec: GbmSpec, options: { workers: number }): Promise<GbmPaths> {
  const workers = options.workers;
  if (!Number.isInteger(workers) || workers < 1) throw new InvalidArgumentError('workers', 'an integer ≥ 1', workers);
  const url = gbmWorkerUrl();
  if (!existsSync(fileURLToPath(url))) throw new WorkerError(`worker script ${fileURLToPath(url)} not found: build the package first`);
  const p = prepareGbm(spec);
  const valuesBuffer = new SharedArrayBuffer(p.paths * valuesPerPath(p) * 8);
  const minimaBuffer = p.record === 'terminal-min' ? new SharedArrayBuffer(p.paths * p.assets * 8) : undefined;
  const n = Math.min(workers, p.paths);
  const jobs: Promise<void>[] = [];
  for (let w = 0; w < n; w++) {
    const from = Math.floor((p.paths * w) / n);
    const to = Math.floor((p.paths * (w + 1)) / n);
    jobs.push(new Promise<void>((resolve, reject) => {
      const worker = new Worker(url, { workerData: { prepared: p, from, to, values: valuesBuffer, minima: minimaBuffer } });
      worker.once('message', () => resolve());
      worker.once('error', (err) => reject(new WorkerError(`GBM worker for paths [${from}, ${to}) failed: ${String(err)}`, err)));
      worker.once('exit', (code) => {
        if (code !== 0) reject(new WorkerError(`GBM worker for paths [${from}, ${to}) exited with code ${code}`));
      });
    }));
  }
  await Promise.all(jobs);
  return wrapOutput(p, allocateOutput(p, minimaBuffer ? { values: valuesBuffer, minima: minimaBuffer } : { values: valuesBuffer }));
}
