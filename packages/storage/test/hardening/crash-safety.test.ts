/**
 * Crash safety (issue 12): a child process saves over an existing file in a loop (alternating two versions) and is
 * SIGKILLed at a seeded random moment; the file must then be exactly one of the two complete versions — never torn,
 * never missing. OMEGA_CRASH_KILLS sets kills per format (default 4 in CI, sized for the 60 s test budget: each kill costs a fresh Node process; the full run used 200).
 * Needs the built package (`pnpm build`): the child imports dist/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertDistBuilt, fingerprint, runChild, startChild } from './_child.js';
import { Prng } from './_prng.js';

const KILLS = Number(process.env.OMEGA_CRASH_KILLS ?? 4);
const SEED = Number(process.env.OMEGA_CRASH_SEED ?? 4242);
const PARALLEL = 2;
/** Kill moments are drawn uniformly from [0, CYCLES × one save's duration) after the child is ready. */
const CYCLES = 2.5;
// ':fast' = save with durable: false (no fsync): still atomic against a killed process.
const FORMATS = ['json', 'compressed', 'npy', 'npz', 'safetensors', 'pickle', 'torch', 'hdf5', 'npy:fast', 'json:fast'] as const;

const root = mkdtempSync(join(tmpdir(), 'omega-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }), 120_000);

describe('crash safety: SIGKILL while saving over an existing file', () => {
  it.each(FORMATS.map((f, i) => [f, i] as const))('%s: the file is always the complete old or new version', async (format, formatIndex) => {
    assertDistBuilt();
    const dir = join(root, format);
    const refA = join(dir, 'ref-a');
    const refB = join(dir, 'ref-b');
    mkdirSync(dir, { recursive: true });
    await runChild([format, refA, 'a']);
    await runChild([format, refB, 'b']);
    const versions = new Map([[await fingerprint(format, refA), 'a'], [await fingerprint(format, refB), 'b']]);
    expect(versions.size).toBe(2);

    const rng = new Prng(SEED + formatIndex);
    const fractions = Array.from({ length: KILLS }, () => rng.unit() * CYCLES);
    const seen = { a: 0, b: 0 };
    let killedMidFirstSave = 0;
    const problems: string[] = [];
    const runOne = async (k: number) => {
      const target = join(dir, `target-${k}`);
      copyFileSync(refA, target); // the existing file
      const { child, saves, saveMs, exited } = await startChild([format, target, 'loop']);
      const delay = fractions[k]! * Math.max(1, saveMs);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      if (saves() === 0) killedMidFirstSave++;
      let which: string | undefined;
      try {
        which = versions.get(await fingerprint(format, target));
      } catch (error) {
        problems.push(`kill ${k} after ${delay.toFixed(1)} ms: unreadable: ${(error as Error).message}`);
        return;
      }
      if (which === undefined) problems.push(`kill ${k} after ${delay.toFixed(1)} ms: file is neither version`);
      else seen[which as 'a' | 'b']++;
    };
    for (let k = 0; k < KILLS; k += PARALLEL) await Promise.all(Array.from({ length: Math.min(PARALLEL, KILLS - k) }, (_, j) => runOne(k + j)));
    if (process.env.OMEGA_CRASH_VERBOSE !== undefined) console.log(JSON.stringify({ format, kills: KILLS, seen, killedMidFirstSave, leftoverTemps: readdirSync(dir).filter((n) => n.endsWith('.tmp')).length }));
    rmSync(dir, { recursive: true, force: true }); // ~2 MB per kill: do not let formats pile up
    expect(problems).toEqual([]);
    expect(seen.a + seen.b).toBe(KILLS);
  }, 600_000);
});
