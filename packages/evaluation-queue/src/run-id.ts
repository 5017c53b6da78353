import { createHash } from 'node:crypto';
import type { RunSpec } from './task.js';

/** Canonical JSON (object keys sorted) so the same run always hashes to the same id. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The run id is a hash of everything that determines the output (spec + chunking), so a restarted coordinator with
 * the same options finds its own jobs and state again, and a changed option can never reuse stale state.
 */
export function runIdOf(spec: RunSpec, chunkSize: number): string {
  return createHash('sha256').update(canonical({ spec, chunkSize })).digest('hex').slice(0, 16);
}

/** BullMQ job ids may not contain ':' nor be integers; `<runId>-<start>` is neither. */
export function jobIdOf(runId: string, start: number): string {
  return `${runId}-${start}`;
}
