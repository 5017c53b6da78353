/** Derive independent sub-seeds (for replications, training vs pricing paths, …) from one user seed. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 53-bit-safe integer seed that depends on (seed, ...labels); different labels give unrelated streams. */
export function deriveSeed(seed: number, ...labels: number[]): number {
  let h = mix((seed | 0) ^ 0x243f6a88) ^ mix(Math.floor(seed / 4294967296) ^ 0x85a308d3);
  for (const l of labels) h = mix(h ^ mix(l + 0x13198a2e));
  const h2 = mix(h ^ 0xa4093822);
  return (h2 & 0x1fffff) * 4294967296 + h;
}
