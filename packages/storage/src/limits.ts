/** One LoadPolicy, applied by every decoder. Safe by default; widen it explicitly per call or per instance. */
import { InvalidArgumentError, LimitExceededError } from './errors.js';

export interface LoadPolicy {
  /** Largest file or input, in bytes. */
  maxInputBytes: number;
  /** Largest number of elements in one array. */
  maxElements: number;
  /** Deepest nesting of containers. */
  maxDepth: number;
  /** Largest decompressed output of one stream or member, in bytes. */
  maxDecompressedBytes: number;
  /** Largest decompressed/compressed ratio accepted for outputs above 1 MiB. */
  maxDecompressionRatio: number;
  /** Extra pickle globals (`module.name`) allowed beyond the built-in numpy/torch allowlist. */
  allowedPickleGlobals: readonly string[];
  /** Custom types (registered codec names) a file may construct; '*' = every registered codec. */
  allowedCustomTypes: readonly string[] | '*';
  /**
   * Deadline for decoding one HDF5 file (h5wasm runs in a worker thread that is terminated when it passes; the
   * load then fails with a DecodeTimeoutError). Absent: 30 s plus 250 ms per MiB of file. Infinity: no deadline.
   */
  hdf5DecodeTimeoutMs?: number;
}

export const DEFAULT_POLICY: Readonly<LoadPolicy> = Object.freeze({
  maxInputBytes: 2 ** 31,
  maxElements: 2 ** 31,
  maxDepth: 1000,
  maxDecompressedBytes: 2 ** 31,
  maxDecompressionRatio: 2000,
  allowedPickleGlobals: [],
  allowedCustomTypes: '*',
});

const NUMERIC_LIMITS = ['maxInputBytes', 'maxElements', 'maxDepth', 'maxDecompressedBytes', 'maxDecompressionRatio'] as const;

/** The default policy overlaid with `layers` (later wins), checked so a typo cannot silently disable a limit. */
export function resolvePolicy(...layers: (Partial<LoadPolicy> | undefined)[]): LoadPolicy {
  const policy = Object.assign({}, DEFAULT_POLICY, ...layers.filter((l) => l !== undefined)) as LoadPolicy;
  for (const field of NUMERIC_LIMITS) {
    const v = policy[field] as unknown;
    if (typeof v !== 'number' || Number.isNaN(v) || v < 0) {
      throw new InvalidArgumentError(`LoadPolicy.${field} must be a non-negative number`, { expected: 'a number ≥ 0 (Infinity for no limit)', received: String(v) });
    }
  }
  if (!Array.isArray(policy.allowedPickleGlobals) || !policy.allowedPickleGlobals.every((g) => typeof g === 'string')) {
    throw new InvalidArgumentError('LoadPolicy.allowedPickleGlobals must be a list of `module.name` strings', { received: String(policy.allowedPickleGlobals) });
  }
  const timeout = policy.hdf5DecodeTimeoutMs as unknown;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0))) {
    throw new InvalidArgumentError('LoadPolicy.hdf5DecodeTimeoutMs must be a positive number of milliseconds', { expected: 'a number > 0 (Infinity for no deadline), or absent for the size-based default', received: String(timeout) });
  }
  const custom = policy.allowedCustomTypes as unknown;
  if (custom !== '*' && !(Array.isArray(custom) && custom.every((c) => typeof c === 'string'))) {
    throw new InvalidArgumentError("LoadPolicy.allowedCustomTypes must be '*' or a list of codec names", { received: String(custom) });
  }
  return policy;
}

export function checkLimit(what: string, value: number, limit: number, field: keyof LoadPolicy, ctx: { format?: string; path?: string } = {}): void {
  if (value > limit) {
    throw new LimitExceededError(`${what} exceeds the load policy's ${field}`, { ...ctx, expected: `at most ${limit}`, received: `${value}` });
  }
}
