// Internal, test- and bench-only: a small deterministic subject task standing in for @omega/evaluation's steps until
// that package exports them. Each subject is a seeded vector written through @omega/storage; the aggregate reads the
// per-subject files back from disk (so a lost or duplicated subject shows up in its bytes).
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { load, NDArray, save } from '@omega/storage';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { SubjectFailure } from './errors.js';
import type { RunSpec, SubjectTask } from './task.js';

export const TOY_TASK_NAME = 'toy-vector';

/** Task options read from RunSpec.options. */
export interface ToyTaskOptions {
  /** PRNG rounds per subject: simulated CPU work (default 1000). */
  spinRounds?: number;
  /** Pause per subject in ms (paces the kill test; does not affect outputs). */
  delayMs?: number;
  /** Subjects that always throw. */
  poison?: number[];
}

class PoisonedSubjectError extends Error {
  override name = 'PoisonedSubjectError';
}

/** FNV-1a of the text → 32-bit seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A seeded stream of uniforms in [0, 1) (pure-rand's xoroshiro128+). */
function generator(seed: number): () => number {
  const gen = xoroshiro128plus(seed);
  return () => uniformFloat64(gen);
}

export function subjectFileName(index: number): string {
  return `subject-${String(index).padStart(6, '0')}.json`;
}

function toyOptions(spec: RunSpec): Required<ToyTaskOptions> {
  const o = spec.options as ToyTaskOptions;
  return { spinRounds: o.spinRounds ?? 1000, delayMs: o.delayMs ?? 0, poison: o.poison ?? [] };
}

export function computeToySubject(spec: RunSpec, index: number): Float64Array {
  const { spinRounds } = toyOptions(spec);
  const next = generator(hash32(`${spec.seed}:${index}:${spec.asOf}`));
  const values = new Float64Array(8);
  for (let round = 0; round < spinRounds; round++) {
    const slot = round % values.length;
    values[slot] = (values[slot] ?? 0) * 0.5 + next();
  }
  return values;
}

export function createToyTask(): SubjectTask {
  return {
    name: TOY_TASK_NAME,
    async runSubject(spec, index) {
      const { delayMs, poison } = toyOptions(spec);
      if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
      if (poison.includes(index)) throw new PoisonedSubjectError(`subject ${index} is poisoned by the test`);
      const values = computeToySubject(spec, index);
      await mkdir(join(spec.out, 'subjects'), { recursive: true });
      await save({ index, asOf: spec.asOf, values: NDArray.from(values) }, join(spec.out, 'subjects', subjectFileName(index)), 'json');
    },
    async aggregate(spec, failed: readonly SubjectFailure[]) {
      const dir = join(spec.out, 'subjects');
      const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
      const sums = new Float64Array(8);
      const indices: number[] = [];
      for (const name of names) {
        const subject = (await load(join(dir, name), 'json')) as { index: number; values: NDArray };
        indices.push(subject.index);
        const values = subject.values.data as Float64Array;
        values.forEach((v, k) => { sums[k] = (sums[k] ?? 0) + v; });
      }
      await save({
        seed: spec.seed, asOf: spec.asOf, subjects: spec.subjects, completed: indices.length, indices,
        sums: NDArray.from(sums), failed: failed.map((f) => ({ index: f.index, message: f.message })),
      }, join(spec.out, 'aggregate.json'), 'json');
    },
  };
}
