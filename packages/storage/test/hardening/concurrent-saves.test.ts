/**
 * Concurrent saves (issue 12): several processes save different versions of a value to one path at the same time
 * while this process keeps reading it. Every read, and the final file, must be exactly one writer's complete
 * version — never torn, never a mix. Needs the built package (`pnpm build`): the writers import dist/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, fingerprint, startChild } from './_child.js';

const WRITERS = 3;
const SAVES_PER_WRITER = Number(process.env.OMEGA_CONCURRENT_SAVES ?? 4);
const FORMATS = ['json', 'compressed', 'npy', 'npz', 'safetensors', 'pickle', 'torch', 'hdf5'] as const;

const root = mkdtempSync(join(tmpdir(), 'omega-concurrent-'));
afterAll(() => rmSync(root, { recursive: true, force: true }), 60_000);

describe('concurrent saves to one path from several processes', () => {
  it.each(FORMATS)('%s: every read is one complete version', async (format) => {
    assertDistBuilt();
    const dir = join(root, format);
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `shared.${format}`);
    const writers = await Promise.all(Array.from({ length: WRITERS }, (_, k) => startChild([format, target, `writer:${SAVES_PER_WRITER}`, String(k)])));
    // Every writer saved its reference before printing 'ready'.
    const versions = new Map<string, number>();
    for (let k = 0; k < WRITERS; k++) versions.set(await fingerprint(format, `${target}.ref-${k}`), k);
    expect(versions.size).toBe(WRITERS);

    const codes = Promise.all(writers.map((w) => w.exited));
    let running = true;
    void codes.then(() => (running = false));
    const observed = new Map<number, number>();
    const problems: string[] = [];
    while (running) {
      if (existsSync(target)) {
        try {
          const k = versions.get(await fingerprint(format, target));
          if (k === undefined) problems.push('a read saw a file that is no writer’s version');
          else observed.set(k, (observed.get(k) ?? 0) + 1);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`a read failed: ${(error as Error).message}`);
        }
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await codes).toEqual(Array(WRITERS).fill(0));
    expect(problems).toEqual([]);
    expect(versions.has(await fingerprint(format, target))).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    if (process.env.OMEGA_CRASH_VERBOSE !== undefined) console.log(JSON.stringify({ format, reads: Object.fromEntries(observed) }));
  }, 300_000);
});
