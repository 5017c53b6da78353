/**
 * Seeded random streams. Every stream is derived from (seed, stream index) alone, so a Monte Carlo run that
 * gives path i the stream i produces the same numbers whatever the number of workers or chunks.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { InvalidArgumentError } from '../errors.js';

/** SplitMix32-style finaliser (Mulberry/murmur3 constants): a bijective 32-bit mixer. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

export function assertSeed(seed: unknown, field = 'seed'): asserts seed is number {
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) throw new InvalidArgumentError(field, 'a safe integer', seed);
}

/**
 * A xoroshiro128+ generator (pure-rand) whose 128-bit state is hashed from (seed, stream). Nearby seeds and
 * stream indices give unrelated states; the all-zero state (invalid for xoroshiro) cannot occur because the
 * fourth word is forced odd.
 */
export function streamFor(seed: number, stream: number): RandomGenerator {
  const lo = seed | 0;
  const hi = Math.floor(seed / 4294967296) | 0;
  const sLo = stream | 0;
  const sHi = Math.floor(stream / 4294967296) | 0;
  const a = mix32(lo ^ 0x9e3779b9);
  const b = mix32(hi ^ a ^ 0x7f4a7c15);
  const c = mix32(sLo ^ b ^ 0x632be59b);
  const d = mix32(sHi ^ c ^ 0x85157af5);
  const rng = xoroshiro128plusFromState([mix32(a ^ d), mix32(b ^ c ^ 0x2545f491), mix32(c + a), mix32(d ^ b) | 1]);
  // Discard a few outputs: the first outputs of xoroshiro from hashed states are already fine, this is cheap insurance.
  for (let i = 0; i < 4; i++) rng.next();
  return rng;
}

const TWO_POW_M32 = 2.3283064365386963e-10;

/** Uniform on the open interval (0, 1) with 32 bits of resolution. */
export function uniformOpen(rng: RandomGenerator): number {
  return ((rng.next() >>> 0) + 0.5) * TWO_POW_M32;
}

/**
 * Fill `out[offset .. offset+count)` with standard normals (Marsaglia polar method; both variates of each
 * accepted pair are used). Uniforms on (−1, 1) use 32 bits each, which bounds |z| below ~9.4: far beyond any
 * tail these simulations resolve.
 */
export function fillNormals(rng: RandomGenerator, out: Float64Array, offset: number, count: number): void {
  let i = offset;
  const end = offset + count;
  while (i < end) {
    let u: number;
    let v: number;
    let s: number;
    do {
      u = (rng.next() | 0) * 4.656612873077393e-10; // 2^-31: (−1, 1)
      v = (rng.next() | 0) * 4.656612873077393e-10;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    out[i++] = u * f;
    if (i < end) out[i++] = v * f;
  }
}

/** A convenience stream of standard normals with one value buffered from each polar pair. */
export class NormalStream {
  private spare = 0;
  private hasSpare = false;
  constructor(private readonly rng: RandomGenerator) {}
  static of(seed: number, stream: number): NormalStream {
    return new NormalStream(streamFor(seed, stream));
  }
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = (this.rng.next() | 0) * 4.656612873077393e-10;
      v = (this.rng.next() | 0) * 4.656612873077393e-10;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
  uniform(): number {
    return uniformOpen(this.rng);
  }
}
