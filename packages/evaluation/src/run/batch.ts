/** The unit of work sent to a worker: a contiguous range of subject indices and the run's settings. */
import type { SubjectSettings } from '../subject/evaluate-subject.js';
import { OMEGA_RECOMMENDER } from '../subject/recommender.js';
import { evaluateSubject } from '../subject/evaluate-subject.js';
import type { SubjectResult } from '../subject/subject-result.js';
import { SubjectFailedError } from '../errors.js';

export interface BatchTask {
  settings: SubjectSettings;
  first: number;
  count: number;
}

export interface BatchResult {
  results: SubjectResult[];
}

export function runBatch(task: BatchTask): BatchResult {
  const results: SubjectResult[] = [];
  for (let i = task.first; i < task.first + task.count; i++) {
    try {
      results.push(evaluateSubject(i, task.settings, OMEGA_RECOMMENDER));
    } catch (error) {
      throw new SubjectFailedError(`evaluating subject ${i} failed: ${(error as Error).message}`, { field: `subjects[${i}]`, cause: error });
    }
  }
  return { results };
}
