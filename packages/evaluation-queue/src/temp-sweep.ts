import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/**
 * @omega/storage's atomic writes go through `.<name>.<pid>.<12 hex>.tmp` in the target folder. A SIGKILLed worker can
 * leave one behind; its subject is rewritten by the retried job, so the orphan is only litter that would make the
 * folder differ from a local run. Removed before aggregating, when no worker writes to the run any more.
 */
const ATOMIC_TEMP_NAME = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

export function isAtomicTempName(name: string): boolean {
  return ATOMIC_TEMP_NAME.test(name);
}

/** Remove orphaned atomic-write temp files under `dir` (recursively); returns the removed paths. */
export async function sweepAtomicTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed.push(...(await sweepAtomicTemps(path)));
    else if (entry.isFile() && isAtomicTempName(entry.name)) {
      await fs.rm(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}
