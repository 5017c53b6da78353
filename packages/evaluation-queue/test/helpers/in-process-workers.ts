import { runWorker, type WorkerEvent, type WorkerHandle } from '../../src/index.js';
import { createToyTask } from '../../src/_toy-task.js';

export interface InProcessWorkers {
  events: WorkerEvent[];
  close(): Promise<void>;
}

/** `count` toy-task workers inside the test process (fast; the kill test uses real processes instead). */
export async function startInProcessWorkers(url: string, queueName: string, count: number): Promise<InProcessWorkers> {
  const events: WorkerEvent[] = [];
  const handles: WorkerHandle[] = await Promise.all(Array.from({ length: count }, () => runWorker({
    queue: url, queueName, tasks: [createToyTask()], lockDurationMs: 2000, stalledIntervalMs: 1000,
    onEvent: (event) => events.push(event),
  })));
  return { events, close: async () => { await Promise.all(handles.map((h) => h.close())); } };
}

export function subjectIndices(events: readonly WorkerEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'subject' ? [e.index] : []));
}
