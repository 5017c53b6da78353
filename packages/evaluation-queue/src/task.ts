import type { SubjectFailure } from './errors.js';

/** Everything a worker needs to compute any subject of a run; travels inside each job as JSON. */
export interface RunSpec {
  /** Name of the subject task (workers look it up among the tasks they were started with). */
  task: string;
  /** Number of subjects: indices 0 … subjects − 1. */
  subjects: number;
  seed: number;
  /** The run's date, `YYYY-MM-DD`; every date inside the outputs derives from it, never from the clock. */
  asOf: string;
  /** Absolute output folder, the same path on every machine (a shared mount). */
  out: string;
  /** Task-specific settings (JSON); part of the run's identity. */
  options: Record<string, unknown>;
}

/**
 * A unit of distributable work: how to compute and write one subject, and how to build the aggregate from the
 * per-subject files on disk. `runSubject` must be deterministic in (spec, index) and write atomically, so running a
 * subject twice (a retried or stalled job) leaves exactly the same bytes as running it once.
 */
export interface SubjectTask {
  readonly name: string;
  runSubject(spec: RunSpec, index: number): Promise<void>;
  /** Runs once, in the coordinator, after every subject is written or has failed for good. */
  aggregate(spec: RunSpec, failed: readonly SubjectFailure[]): Promise<void>;
}
