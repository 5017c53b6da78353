/** A seeded PRNG for test fixtures (pure-rand's xoroshiro128+): same seed → same sequence of uniforms in [0, 1). */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export function seededRandom(seed: number): () => number {
  const gen = xoroshiro128plus(seed);
  return () => uniformFloat64(gen);
}
