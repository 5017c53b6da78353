/** In-process GBM simulation: validates the spec, runs the kernel over all paths, wraps the result. */
import { NDArray } from '@omega/storage';
import { InvalidArgumentError } from '../errors.js';
import { prepareGbm, type GbmRecord, type GbmSpec, type PreparedGbm } from './gbm-spec.js';
import { simulateGbmChunk, valuesPerPath } from './gbm-kernel.js';

/** Simulated GBM output; all arrays are flat Float64Arrays in C order. */
export class GbmPaths {
  constructor(
    readonly paths: number,
    readonly assets: number,
    /** Observation times, times[0] = 0. */
    readonly times: Float64Array,
    readonly record: GbmRecord,
    /** 'path': [path][time][asset]; else [path][asset] terminal values. */
    readonly values: Float64Array,
    /** 'terminal-min': running minimum over observation times, [path][asset]. */
    readonly minima: Float64Array | undefined,
  ) {}

  /** Price of `asset` on `path` at observation `timeIndex` (record 'path' only, or the last time index). */
  at(path: number, timeIndex: number, asset = 0): number {
    const steps = this.times.length - 1;
    if (this.record !== 'path') {
      if (timeIndex !== steps) throw new InvalidArgumentError('timeIndex', `${steps} (only terminal values were recorded)`, timeIndex);
      return this.values[path * this.assets + asset]!;
    }
    return this.values[(path * (steps + 1) + timeIndex) * this.assets + asset]!;
  }

  /** Terminal values of one asset, one per path. */
  terminal(asset = 0): Float64Array {
    const out = new Float64Array(this.paths);
    const steps = this.times.length - 1;
    for (let p = 0; p < this.paths; p++) out[p] = this.at(p, steps, asset);
    return out;
  }

  /** The values as an NDArray (shape [paths, times, assets] or [paths, assets]) for @omega/storage. */
  toNDArray(): NDArray {
    const shape = this.record === 'path' ? [this.paths, this.times.length, this.assets] : [this.paths, this.assets];
    return new NDArray('float64', shape, this.values);
  }
}

export function allocateOutput(p: PreparedGbm, buffer?: { values: ArrayBufferLike; minima?: ArrayBufferLike }): { values: Float64Array; minima?: Float64Array } {
  const n = p.paths * valuesPerPath(p);
  const values = buffer ? new Float64Array(buffer.values, 0, n) : new Float64Array(n);
  if (p.record !== 'terminal-min') return { values };
  const minima = buffer?.minima ? new Float64Array(buffer.minima, 0, p.paths * p.assets) : new Float64Array(p.paths * p.assets);
  return { values, minima };
}

export function wrapOutput(p: PreparedGbm, out: { values: Float64Array; minima?: Float64Array }): GbmPaths {
  return new GbmPaths(p.paths, p.assets, p.times, p.record, out.values, out.minima);
}

/** Simulate GBM paths in this thread. Same seed → same numbers as `simulateGbmParallel` with any worker count. */
export function simulateGbm(spec: GbmSpec): GbmPaths {
  const p = prepareGbm(spec);
  const out = allocateOutput(p);
  simulateGbmChunk(p, 0, p.paths, out);
  return wrapOutput(p, out);
}

/**
 * Simulate only paths [from, to) — the unit of work a worker or a chunked caller runs. The result holds
 * `to − from` paths whose numbers equal the same rows of a full `simulateGbm` run.
 */
export function simulateGbmRange(spec: GbmSpec, from: number, to: number): GbmPaths {
  const p = prepareGbm(spec);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > p.paths || from >= to) {
    throw new InvalidArgumentError('range', `integers 0 ≤ from < to ≤ ${p.paths}`, [from, to]);
  }
  const sub = { ...p, paths: to - from };
  const out = allocateOutput(sub);
  simulateGbmChunk(p, from, to, out);
  return wrapOutput(sub, out);
}
