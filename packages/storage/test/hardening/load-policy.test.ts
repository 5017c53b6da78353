/**
 * One LoadPolicy, applied by every decoder: each limit is exercised on every format it concerns, through the
 * public API (decode for bytes, load for files), and each refusal is a LimitExceededError / UnsafeContentError.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, DLFriendlyStorage, InvalidArgumentError, NDArray, builtinFormats, createRegistry, resolvePolicy, type CustomCodec, type LoadPolicy } from '../../src/index.js';
import { expectRefused } from './_hostile.js';

const ALL = ['json', 'compressed', 'npy', 'npz', 'safetensors', 'pickle', 'torch', 'hdf5'] as const;
const root = mkdtempSync(join(tmpdir(), 'omega-policy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ten = new NDArray('float32', [10], Float32Array.from({ length: 10 }, (_, i) => i), { tensor: true });
/** A value holding a 10-element array, in the shape each format stores. */
function withArray(format: string): unknown {
  if (format === 'npy') return ten;
  if (format === 'npz' || format === 'safetensors') return { a: ten };
  return { a: ten, n: 1 };
}
/** Lists nested five deep. */
const deep = { l: [[[[[1]]]]] };

async function encodeTo(storage: DLFriendlyStorage, value: unknown, format: string, options: Record<string, unknown> = {}): Promise<{ bytes: Uint8Array | string; path: string }> {
  const bytes = await storage.encode(value, { format, ...options });
  const path = join(root, `${format}-${Math.abs(hash(String(bytes.length) + format + JSON.stringify(options)))}`);
  writeFileSync(path, bytes);
  return { bytes, path };
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h, 31) + s.charCodeAt(i);
  return h;
}

async function refusedBoth(code: 'LIMIT_EXCEEDED' | 'UNSAFE_CONTENT', storage: DLFriendlyStorage, input: { bytes: Uint8Array | string; path: string }, format: string, policy: Partial<LoadPolicy>): Promise<void> {
  await expectRefused(code, () => storage.decode(input.bytes, { format, policy }));
  await expectRefused(code, () => storage.load(input.path, { format, policy }));
  // The same input loads under the default policy: the refusal came from the limit, not from the bytes.
  await storage.load(input.path, { format });
}

describe('LoadPolicy is applied by every decoder', () => {
  const storage = new DLFriendlyStorage();

  it.each(ALL)('%s: maxInputBytes', async (format) => {
    const input = await encodeTo(storage, withArray(format), format);
    const size = typeof input.bytes === 'string' ? Buffer.byteLength(input.bytes) : input.bytes.byteLength;
    await refusedBoth('LIMIT_EXCEEDED', storage, input, format, { maxInputBytes: size - 1 });
  });

  it.each(ALL)('%s: maxElements', async (format) => {
    const input = await encodeTo(storage, withArray(format), format);
    await refusedBoth('LIMIT_EXCEEDED', storage, input, format, { maxElements: 9 });
  });

  it.each(['json', 'compressed', 'pickle', 'torch', 'hdf5'])('%s: maxDepth', async (format) => {
    const input = await encodeTo(storage, deep, format);
    await refusedBoth('LIMIT_EXCEEDED', storage, input, format, { maxDepth: 3 });
  });

  it.each([['compressed', {}], ['npz', { compress: true }]] as const)('%s: maxDecompressedBytes and maxDecompressionRatio', async (format, options) => {
    const zeros = new NDArray('uint8', [4 * 2 ** 20], new Uint8Array(4 * 2 ** 20));
    const input = await encodeTo(storage, format === 'npz' ? { z: zeros } : { z: zeros }, format, options);
    await refusedBoth('LIMIT_EXCEEDED', storage, input, format, { maxDecompressedBytes: 2 ** 20 });
    await refusedBoth('LIMIT_EXCEEDED', storage, input, format, { maxDecompressionRatio: 10 });
  });

  it('hdf5: maxDecompressedBytes bounds a dataset', async () => {
    const input = await encodeTo(storage, withArray('hdf5'), 'hdf5');
    await refusedBoth('LIMIT_EXCEEDED', storage, input, 'hdf5', { maxDecompressedBytes: 39 });
  });

  it.each(['json', 'compressed', 'hdf5'])('%s: allowedCustomTypes', async (format) => {
    class Money {
      constructor(readonly cents: bigint) {}
    }
    const codec: CustomCodec<Money> = { name: 'Money', isApplicable: (v): v is Money => v instanceof Money, serialize: (m) => m.cents, deserialize: (c) => new Money(c as bigint) };
    const custom = new DLFriendlyStorage({ registry: createRegistry({ formats: builtinFormats, codecs: [codec] }) });
    const input = await encodeTo(custom, { price: new Money(1234n) }, format);
    await refusedBoth('UNSAFE_CONTENT', custom, input, format, { allowedCustomTypes: [] });
    expect(((await custom.load(input.path, { format, policy: { allowedCustomTypes: ['Money'] } })) as { price: Money }).price).toEqual(new Money(1234n));
  });

  it.each(['pickle', 'torch'])('%s: allowedPickleGlobals is the only way past the built-in allowlist', async (format) => {
    const evil = format === 'pickle' ? 'python-current/pickle/evil_os_system.pkl' : 'python-current/torch/evil.pt';
    const { FIXTURES } = await import('../support/manifest.js');
    await expectRefused('UNSAFE_CONTENT', () => storage.load(`${FIXTURES}${evil}`, { format }));
  });

  it('refuses a malformed policy with InvalidArgumentError', () => {
    expect(() => resolvePolicy({ maxElements: -1 })).toThrow(InvalidArgumentError);
    expect(() => resolvePolicy({ maxDepth: Number.NaN })).toThrow(/maxDepth/);
    expect(() => resolvePolicy({ allowedPickleGlobals: 'os.system' as unknown as string[] })).toThrow(/allowedPickleGlobals/);
    expect(() => resolvePolicy({ allowedCustomTypes: 'all' as unknown as '*' })).toThrow(/allowedCustomTypes/);
    expect(resolvePolicy({ maxInputBytes: Infinity }).maxInputBytes).toBe(Infinity);
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
  });
});
