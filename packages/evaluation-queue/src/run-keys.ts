/**
 * Our own per-run bookkeeping next to BullMQ's keys (same prefix and queue name):
 * - `done`: set of subject indices whose files are written (SADD is idempotent: a retried subject counts once);
 * - `errors`: hash index → last error message of a failing subject.
 */
export interface RunKeys {
  done: string;
  errors: string;
}

export function runKeys(prefix: string, queueName: string, runId: string): RunKeys {
  const base = `${prefix}:${queueName}:omega-run:${runId}`;
  return { done: `${base}:done`, errors: `${base}:errors` };
}

/** Run bookkeeping expires if a run is abandoned (refreshed on every write). */
export const RUN_KEY_TTL_SECONDS = 7 * 24 * 3600;
