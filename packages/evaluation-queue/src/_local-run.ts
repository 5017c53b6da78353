// Internal: the same run computed sequentially in this process (one attempt per subject). Used by the tests as the
// reference folder and by the bench as the in-process baseline; not part of the public API.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeError } from './describe-error.js';
import type { SubjectFailure } from './errors.js';
import type { RunSpec, SubjectTask } from './task.js';

export async function runLocally(task: SubjectTask, run: Omit<RunSpec, 'task'>): Promise<SubjectFailure[]> {
  const spec: RunSpec = { ...run, task: task.name, out: resolve(run.out) };
  await mkdir(spec.out, { recursive: true });
  const failed: SubjectFailure[] = [];
  for (let index = 0; index < spec.subjects; index++) {
    try {
      await task.runSubject(spec, index);
    } catch (error) {
      failed.push({ index, message: describeError(error) });
    }
  }
  await task.aggregate(spec, failed);
  return failed;
}
