import { createEvaluationTask, type EvaluationRole } from './evaluation-task.js';
import { InvalidRunOptionError } from './errors.js';
import type { SubjectTask } from './task.js';

export const DEFAULT_QUEUE_NAME = 'omega-evaluation';
/** BullMQ's own default key prefix; kept so standard BullMQ dashboards find the queue. */
export const DEFAULT_PREFIX = 'bull';

/** Tasks by name; without an explicit list, the @omega/evaluation task (loaded on first use). */
export async function resolveTasks(tasks: readonly SubjectTask[] | undefined, role: EvaluationRole): Promise<ReadonlyMap<string, SubjectTask>> {
  const list = tasks ?? [await createEvaluationTask(role)];
  const byName = new Map<string, SubjectTask>();
  for (const task of list) {
    if (byName.has(task.name)) {
      throw new InvalidRunOptionError(`options.tasks: two tasks are named ${JSON.stringify(task.name)}; names must be unique`, {
        field: 'options.tasks', expected: 'unique task names', received: task.name,
      });
    }
    byName.set(task.name, task);
  }
  return byName;
}
