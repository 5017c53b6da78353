/**
 * Seed derivation. Every random quantity of a run is keyed by (run seed, subject index, lane), never by a shared
 * sequence, so a subject's numbers do not depend on which worker evaluated it or in which order.
 */
import { streamFor } from '@omega/stochastic-mesh';

/** Lanes: independent purposes that must never share random numbers. */
export const LANE = {
  /** The planning mesh that makes the predictions (with and without recommendations: common random numbers). */
  mesh: 1,
  /** The outcome simulation, on streams independent of the prediction mesh. */
  outcome: 2,
  /** Recommendation engine seed. */
  recommend: 3,
  /** Bootstrap resampling. */
  bootstrap: 4,
} as const;

const TWO_POW_32 = 4294967296;

/** A safe non-negative integer seed derived from (seed, index, lane). */
export function deriveSeed(seed: number, index: number, lane: number): number {
  const rng = streamFor(seed, lane * TWO_POW_32 + index);
  const hi = rng.next() >>> 11; // 21 bits
  const lo = rng.next() >>> 0; // 32 bits
  return hi * TWO_POW_32 + lo;
}

/** A uniform source on [0, 1) with 32 bits of resolution, from (seed, stream). */
export function uniformSource(seed: number, stream: number): () => number {
  const rng = streamFor(seed, stream);
  return () => (rng.next() >>> 0) / TWO_POW_32;
}
