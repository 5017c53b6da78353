/** Helpers for hostile-input tests: decode straight through a format (no wrapping), and check for pollution. */
import { expect } from 'vitest';
import { defaultRegistry, isStorageError, resolvePolicy, type LoadPolicy, type StorageError, type StorageErrorCode } from '../../src/index.js';

/** Decode with the format object itself, so a non-StorageError is seen as it is (the API would wrap it). */
export async function decodeWith(format: string, input: Uint8Array | string, policy: Partial<LoadPolicy> = {}): Promise<unknown> {
  const f = defaultRegistry.format(format);
  if (f === undefined) throw new Error(`no format ${format}`);
  return f.decode(input, { registry: defaultRegistry, policy: resolvePolicy(policy), options: {} });
}

/** Expect a refusal with this StorageError code; returns the error for further checks. */
export async function expectRefused(code: StorageErrorCode, run: () => Promise<unknown> | unknown): Promise<StorageError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  if (!isStorageError(caught)) throw new Error(`expected a StorageError ${code}, got ${caught === undefined ? 'a decoded value' : `${(caught as Error)?.name}: ${(caught as Error)?.message}`}`);
  expect(caught.code, caught.message).toBe(code);
  return caught;
}

/** Object.prototype and friends are untouched: no key a hostile input named appears on a fresh object. */
export function expectNoPollution(): void {
  const fresh: Record<string, unknown> = {};
  for (const key of ['polluted', 'x', 'isAdmin', 'shell']) expect(fresh[key], `Object.prototype.${key}`).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(Object.getPrototypeOf(fresh)).toBe(Object.prototype);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

export function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** Little-endian unsigned integer of `width` bytes, as latin-1 text for splicing into byte-built pickles. */
export function le(value: bigint | number, width: number): string {
  let v = BigInt(value);
  let out = '';
  for (let i = 0; i < width; i++) {
    out += String.fromCharCode(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
}

/** A protocol-0/1 BINUNICODE string operand: 'X' + u32 length + UTF-8 bytes. */
export function binunicode(text: string): string {
  const utf8 = Buffer.from(text, 'utf8');
  return `X${le(utf8.length, 4)}${utf8.toString('latin1')}`;
}
