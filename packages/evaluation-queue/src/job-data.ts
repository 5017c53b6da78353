import { InvalidJobDataError } from './errors.js';
import type { RunSpec } from './task.js';

/** What one queue job carries: the run's spec, its id, and one subject range. */
export interface SubjectJobData {
  runId: string;
  spec: RunSpec;
  start: number;
  end: number;
}

function fail(field: string, expected: string, received: unknown): never {
  throw new InvalidJobDataError(`job.data.${field}: expected ${expected}, received ${JSON.stringify(received)}`, {
    field: `job.data.${field}`, expected, received,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Validate data read back from Redis before acting on it (a job may come from another version or tool). */
export function parseJobData(data: unknown): SubjectJobData {
  if (!isRecord(data)) fail('', 'an object', data);
  const { runId, spec, start, end } = data;
  if (typeof runId !== 'string' || runId === '') fail('runId', 'a non-empty string', runId);
  if (!isRecord(spec)) fail('spec', 'an object', spec);
  if (typeof spec.task !== 'string') fail('spec.task', 'a string', spec.task);
  if (!Number.isSafeInteger(spec.subjects) || (spec.subjects as number) < 1) fail('spec.subjects', 'a positive integer', spec.subjects);
  if (!Number.isSafeInteger(spec.seed)) fail('spec.seed', 'an integer', spec.seed);
  if (typeof spec.asOf !== 'string') fail('spec.asOf', 'a YYYY-MM-DD string', spec.asOf);
  if (typeof spec.out !== 'string' || spec.out === '') fail('spec.out', 'an output folder path', spec.out);
  if (!isRecord(spec.options)) fail('spec.options', 'an object', spec.options);
  const subjects = spec.subjects as number;
  if (!Number.isSafeInteger(start) || (start as number) < 0) fail('start', 'a non-negative integer', start);
  if (!Number.isSafeInteger(end) || (end as number) <= (start as number) || (end as number) > subjects) {
    fail('end', `an integer in (start, ${subjects}]`, end);
  }
  return { runId, spec: spec as unknown as RunSpec, start: start as number, end: end as number };
}
