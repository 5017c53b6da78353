/**
 * The conformance suite every format runs: exact round trips of a frozen table, property-based round trips,
 * refusal of other formats' bytes, and a typed error at every truncation length of a sample encoding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DLFriendlyStorage, isStorageError, type StorageError } from '../../src/index.js';
import { assertBitEqual } from './bit-equal.js';

export interface ConformanceOptions {
  /** Labelled values this format must round-trip exactly. */
  table: Array<[string, unknown]>;
  /** Random values this format supports (for property tests); omit to skip. */
  arbitrary?: fc.Arbitrary<unknown>;
  /** A small value whose encoding is truncated at every length. */
  sample: unknown;
  /** Inputs of other formats (labelled) that this format must refuse with a StorageError. */
  foreign?: Array<[string, Uint8Array | string]>;
  storage?: DLFriendlyStorage;
  /** Number of fast-check runs (default 150). */
  numRuns?: number;
  /** Options passed to every encode (e.g. { shuffleMinBytes: 64 }). */
  encodeOptions?: Record<string, unknown>;
  /** Truncation lengths to test; default every length below the sample's size. */
  truncationLengths?: (size: number) => number[];
}

async function expectStorageError(promise: Promise<unknown>, label: string): Promise<StorageError> {
  try {
    const value = await promise;
    throw new Error(`${label}: expected a StorageError, decoded ${typeof value}`);
  } catch (error) {
    if (!isStorageError(error)) throw new Error(`${label}: expected a StorageError, got ${(error as Error)?.name}: ${(error as Error)?.message}`);
    return error;
  }
}

export function describeFormatConformance(format: string, options: ConformanceOptions): void {
  const storage = options.storage ?? new DLFriendlyStorage();
  describe(`conformance: ${format}`, () => {
    it.each(options.table)('round-trips %s bit for bit', async (_label, value) => {
      const encoded = await storage.encode(value, { ...options.encodeOptions, format });
      assertBitEqual(await storage.decode(encoded, format), value);
      assertBitEqual(await storage.decode(encoded, 'auto'), value);
    });

    if (options.arbitrary !== undefined) {
      it('round-trips random values (fast-check)', async () => {
        await fc.assert(
          fc.asyncProperty(options.arbitrary!, async (value) => {
            const encoded = await storage.encode(value, { ...options.encodeOptions, format });
            assertBitEqual(await storage.decode(encoded, format), value);
          }),
          { numRuns: options.numRuns ?? 150, seed: 20261126 },
        );
      });
    }

    it('gives a typed error at every truncation length of a sample encoding', async () => {
      const encoded = await storage.encode(options.sample, { ...options.encodeOptions, format });
      const size = typeof encoded === 'string' ? encoded.length : encoded.byteLength;
      const lengths = options.truncationLengths?.(size) ?? Array.from({ length: size }, (_, i) => i);
      expect(lengths.length).toBeGreaterThan(0);
      for (const n of lengths) {
        const cut = typeof encoded === 'string' ? encoded.slice(0, n) : encoded.subarray(0, n);
        await expectStorageError(storage.decode(cut, format), `${format} truncated to ${n} of ${size}`);
      }
    });

    it.each(options.foreign ?? [])('refuses %s with a typed error', async (label, bytes) => {
      await expectStorageError(storage.decode(bytes, format), `${format} given ${label}`);
    });
  });
}
