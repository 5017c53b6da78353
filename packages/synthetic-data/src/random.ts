/**
 * Per-subject random streams. Subject k of seed s draws from a xoroshiro128+ generator (pure-rand) whose state is
 * a hash of (s, k, lane), so subject k never depends on how many subjects are generated, in which order, or by how
 * many workers. Separate lanes keep independent parts (profile, history) from shifting each other.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { normalQuantile } from './normal.js';

export const LANE_PROFILE = 1;
export const LANE_HISTORY = 2;

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(input: number): number {
  let h = input | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const GOLDEN = 0x9e3779b9;

/** The 128-bit xoroshiro state for (seed, index, lane); seed is a safe integer ≥ 0, index < 2^32. */
export function streamState(seed: number, index: number, lane: number): [number, number, number, number] {
  const seedLo = seed % 0x1_0000_0000;
  const seedHi = Math.floor(seed / 0x1_0000_0000);
  let h = fmix32(seedLo + Math.imul(lane, GOLDEN));
  h = fmix32(h ^ fmix32(seedHi + 0x632be5ab));
  h = fmix32(h ^ fmix32(index + 0x7f4a7c15));
  const words: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) words[i] = fmix32(h + Math.imul(i + 1, GOLDEN));
  if (words[0] === 0 && words[1] === 0 && words[2] === 0 && words[3] === 0) words[0] = 1;
  return words;
}

/** A seeded stream with the draws the generator needs. Mutable: each call advances it. */
export class Rng {
  private readonly gen: RandomGenerator;

  constructor(seed: number, index: number, lane: number) {
    this.gen = xoroshiro128plusFromState(streamState(seed, index, lane));
    // The first outputs of a freshly hashed state are fine for xoroshiro, but discarding a few costs nothing.
    for (let i = 0; i < 4; i++) this.gen.next();
  }

  /** Uniform in [0, 1), 53 random bits. */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform in (0, 1): safe for quantile functions. */
  open(): number {
    return uniformFloat64(this.gen) + 2 ** -54;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Integer in [low, high], both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.uniform() * (high - low + 1));
  }

  chance(p: number): boolean {
    return this.uniform() < p;
  }

  normal(): number {
    return normalQuantile(this.open());
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.uniform() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Index drawn with probability proportional to `weights` (cumulative weights precomputed by `cumulative`). */
  weighted(cumulativeWeights: readonly number[]): number {
    const total = cumulativeWeights[cumulativeWeights.length - 1] ?? 0;
    const u = this.uniform() * total;
    for (let i = 0; i < cumulativeWeights.length; i++) if (u < (cumulativeWeights[i] ?? 0)) return i;
    return cumulativeWeights.length - 1;
  }
}

export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
