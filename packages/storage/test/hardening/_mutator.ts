/**
 * A seeded byte mutator for fuzzing decoders: bit flips, interesting bytes, insertions, deletions, truncation,
 * splicing with another input, integer header-field overwrites, decimal-number tweaks and format tokens.
 * Every choice comes from the Prng, so (seed, corpus) → the same inputs on every run.
 */
import { concatBytes } from '../../src/ndarray.js';
import type { Prng } from './_prng.js';

const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x0a, 0x22, 0x5c, 0x7b, 0x5b, 0x2c];
const INTERESTING_INTS = [0, 1, 2, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 2 ** 40, 2 ** 53 - 1, 2 ** 53 + 1, 2 ** 63, 2 ** 64 - 1];
const INTERESTING_NUMBERS = ['0', '-1', '1', '255', '65536', '2147483648', '4294967296', '9007199254740993', '99999999999999999999', '1e308', '-0', '3.5', 'NaN', '18446744073709551616'];

export type Mutation = (input: Uint8Array, rng: Prng, others: readonly Uint8Array[], tokens: readonly Uint8Array[]) => Uint8Array;

const flipBit: Mutation = (b, rng) => {
  if (b.length === 0) return b;
  const out = b.slice();
  const i = rng.below(out.length);
  out[i] = out[i]! ^ (1 << rng.below(8));
  return out;
};

const setByte: Mutation = (b, rng) => {
  if (b.length === 0) return b;
  const out = b.slice();
  out[rng.below(out.length)] = rng.chance(0.5) ? rng.pick(INTERESTING_BYTES) : rng.below(256);
  return out;
};

const insertBytes: Mutation = (b, rng) => {
  const at = rng.below(b.length + 1);
  const n = 1 + rng.below(16);
  const ins = new Uint8Array(n);
  if (rng.chance(0.5) && b.length > 0) {
    const from = rng.below(b.length);
    ins.set(b.subarray(from, Math.min(b.length, from + n)));
  } else for (let i = 0; i < n; i++) ins[i] = rng.below(256);
  return concat(b.subarray(0, at), ins, b.subarray(at));
};

const deleteRange: Mutation = (b, rng) => {
  if (b.length === 0) return b;
  const at = rng.below(b.length);
  const n = 1 + rng.below(Math.min(64, b.length - at));
  return concat(b.subarray(0, at), b.subarray(at + n));
};

const truncate: Mutation = (b, rng) => b.subarray(0, rng.below(b.length + 1));

const splice: Mutation = (b, rng, others) => {
  const other = rng.pick(others);
  return concat(b.subarray(0, rng.below(b.length + 1)), other.subarray(rng.below(other.length + 1)));
};

const duplicateRange: Mutation = (b, rng) => {
  if (b.length < 2) return b;
  const from = rng.below(b.length);
  const n = 1 + rng.below(Math.min(256, b.length - from));
  const chunk = b.slice(from, from + n);
  const out = b.slice();
  const to = rng.below(out.length);
  out.set(chunk.subarray(0, out.length - to), to);
  return out;
};

/** Overwrite a 1/2/4/8-byte integer field (little or big endian) with a boundary value: header lengths, counts, offsets. */
const overwriteInt: Mutation = (b, rng) => {
  const width = rng.pick([1, 2, 4, 8]);
  if (b.length < width) return b;
  const out = b.slice();
  const at = rng.chance(0.5) ? rng.below(Math.min(out.length - width + 1, 64)) : rng.below(out.length - width + 1);
  let v = BigInt(rng.pick(INTERESTING_INTS));
  if (rng.chance(0.3)) v = BigInt(b.length + rng.below(9) - 4);
  v &= (1n << BigInt(8 * width)) - 1n;
  const littleEndian = rng.chance(0.7);
  for (let k = 0; k < width; k++) {
    const byte = Number((v >> BigInt(8 * k)) & 0xffn);
    out[littleEndian ? at + k : at + width - 1 - k] = byte;
  }
  return out;
};

/** Replace a run of ASCII digits (shapes, lengths, offsets in text headers) with a boundary number. */
const tweakNumber: Mutation = (b, rng) => {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < b.length && runs.length < 512; i++) {
    if (b[i]! >= 0x30 && b[i]! <= 0x39) {
      const start = i;
      while (i < b.length && b[i]! >= 0x30 && b[i]! <= 0x39) i++;
      runs.push([start, i]);
    }
  }
  if (runs.length === 0) return b;
  const [start, end] = rng.pick(runs);
  return concat(b.subarray(0, start), ascii(rng.pick(INTERESTING_NUMBERS)), b.subarray(end));
};

const insertToken: Mutation = (b, rng, _others, tokens) => {
  if (tokens.length === 0) return b;
  const at = rng.below(b.length + 1);
  const token = rng.pick(tokens);
  return rng.chance(0.5) ? concat(b.subarray(0, at), token, b.subarray(at)) : concat(b.subarray(0, at), token, b.subarray(Math.min(b.length, at + token.length)));
};

const MUTATIONS: ReadonlyArray<[Mutation, number]> = [
  [flipBit, 4], [setByte, 3], [insertBytes, 2], [deleteRange, 2], [truncate, 2], [splice, 1],
  [duplicateRange, 1], [overwriteInt, 3], [tweakNumber, 3], [insertToken, 2],
];
const TOTAL_WEIGHT = MUTATIONS.reduce((n, [, w]) => n + w, 0);

function pickMutation(rng: Prng): Mutation {
  let r = rng.below(TOTAL_WEIGHT);
  for (const [m, w] of MUTATIONS) {
    if (r < w) return m;
    r -= w;
  }
  return flipBit;
}

/** 1–4 stacked mutations of `input`. */
export function mutate(input: Uint8Array, rng: Prng, others: readonly Uint8Array[], tokens: readonly Uint8Array[] = []): Uint8Array {
  let out = input;
  const rounds = 1 + rng.below(4);
  for (let i = 0; i < rounds; i++) out = pickMutation(rng)(out, rng, others, tokens);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts);
}

export function ascii(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
