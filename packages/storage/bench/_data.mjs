// Shared benchmark inputs: a seeded random walk (smooth, like simulated paths) and a byte comparison.
import { NDArray } from '../dist/index.js';

export const MB = Number(process.env.OMEGA_BENCH_MB ?? 100);

/** A 1-D float32 NDArray of `mb` MiB: a random walk from 100 with an LCG seeded by `seed`. */
export function randomWalkFloat32(mb = MB, seed = 11) {
  const n = Math.floor((mb * 2 ** 20) / 4);
  const data = new Float32Array(n);
  let s = seed;
  let x = 100;
  for (let i = 0; i < n; i++) data[i] = x += (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32 - 0.5;
  return new NDArray('float32', [n], data);
}

export function sameBytes(a, b) {
  return Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}
