/** Hostile typed-JSON and 'compressed' inputs: deep nesting, pollution keys, huge declared arrays, zlib bombs. */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtinFormats, createRegistry, resolvePolicy } from '../../src/index.js';
import { decodeWith, expectNoPollution, expectRefused, latin1 } from './_hostile.js';

const b64z = (body: Uint8Array | string) => zlib.deflateSync(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).toString('base64');

describe('hostile JSON', () => {
  it.each([
    ['arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['arrays on the exact-parser path (NaN present)', `${'['.repeat(100_000)}NaN${']'.repeat(100_000)}`],
    ['arrays on the exact-parser path (big integer present)', `${'['.repeat(100_000)}123456789012345678901${']'.repeat(100_000)}`],
  ])('refuses nesting 100 000 deep (%s) with a typed error', async (_label, text) => {
    const error = await expectRefused('LIMIT_EXCEEDED', () => decodeWith('json', text));
    expect(error.message).toMatch(/maxDepth/);
  });

  it('honours a smaller maxDepth', async () => {
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('json', '[[[[1]]]]', { maxDepth: 2 }));
  });

  it('keeps "__proto__" and "constructor" keys as own data, at the top, nested, and in escaped objects', async () => {
    const text = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"n":{"__proto__":{"isAdmin":true}},"e":{"__type__":"object","data":{"__proto__":{"x":1}}}}';
    const value = (await decodeWith('json', text)) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'n', 'e']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getOwnPropertyDescriptor(value.n!, '__proto__')?.value).toEqual({ isAdmin: true });
    expect(Object.getOwnPropertyDescriptor(value.e!, '__proto__')?.value).toEqual({ x: 1 });
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expectNoPollution();
  });

  it('refuses a list-encoded array declaring a billion elements without allocating them', async () => {
    const rss = process.memoryUsage.rss();
    const error = await expectRefused('CORRUPT_DATA', () => decodeWith('json', '{"__type__":"numpy_array","dtype":"float64","shape":[1000000000],"data":[1,2]}'));
    expect(error.path).toMatch(/data/);
    expect(process.memoryUsage.rss() - rss).toBeLessThan(256 * 2 ** 20);
    await expectRefused('CORRUPT_DATA', () => decodeWith('json', '{"__type__":"numpy_array","dtype":"int32","shape":[1000,1000,1000],"data":[[[1]]]}'));
  });

  it('refuses arrays above maxElements, and base64 payloads that do not match their shape', async () => {
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('json', '{"__type__":"numpy_array","dtype":"uint8","shape":[4294967296],"data":[]}'));
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('json', '{"__type__":"numpy_array","dtype":"uint8","shape":[100],"data":[]}', { maxElements: 10 }));
    await expectRefused('CORRUPT_DATA', () => decodeWith('json', '{"__type__":"numpy_array","dtype":"float64","shape":[100000000],"encoding":"base64","data":"AAAA"}'));
    await expectRefused('CORRUPT_DATA', () => decodeWith('json', '{"__type__":"numpy_array","dtype":"float64","shape":[1e300],"data":[]}'));
  });

  it('refuses integers longer than 4300 digits (the cap Python applies) instead of spending seconds on them', async () => {
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('json', `[${'9'.repeat(1_000_000)}]`));
    expect(await decodeWith('json', `[${'9'.repeat(4300)}]`)).toEqual([BigInt('9'.repeat(4300))]);
  });

  it('refuses custom types the policy does not allow, and builds them only when allowed', async () => {
    let built = 0;
    const registry = createRegistry({ formats: builtinFormats, codecs: [{ name: 'Shell', isApplicable: (v): v is never => false, serialize: (v) => v, deserialize: () => ({ built: ++built }) }] });
    const json = registry.format('json')!;
    const text = '{"__type__":"custom","name":"Shell","value":"rm -rf /"}';
    const ctx = (allowedCustomTypes: readonly string[] | '*') => ({ registry, policy: resolvePolicy({ allowedCustomTypes }), options: {} });
    await expectRefused('UNSAFE_CONTENT', () => json.decode(text, ctx([])));
    await expectRefused('UNSAFE_CONTENT', () => json.decode(text, ctx(['Other'])));
    expect(built).toBe(0);
    expect(json.decode(text, ctx(['Shell']))).toEqual({ built: 1 });
  });
});

describe('hostile compressed', () => {
  const zeros = new Uint8Array(64 * 2 ** 20);
  const bomb = latin1(b64z(Buffer.concat([Buffer.from('{"a":"'), zeros.fill(0x41), Buffer.from('"}')])));

  it('refuses a zlib bomb above maxDecompressedBytes, and above maxDecompressionRatio', async () => {
    expect(bomb.length).toBeLessThan(200_000);
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('compressed', bomb, { maxDecompressedBytes: 16 * 2 ** 20 }));
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('compressed', bomb, { maxDecompressionRatio: 50 }));
  });

  it('refuses an array container whose blob table points outside the input', async () => {
    const skeleton = JSON.stringify({ value: { __type__: 'numpy_array', dtype: 'float64', shape: [1000000], encoding: 'ref', ref: 0 }, blobs: [[0, 8000000, 8]] });
    const head = Buffer.alloc(12);
    head.write('OMEGAZ1\n', 'latin1');
    head.writeUInt32LE(Buffer.byteLength(skeleton), 8);
    await expectRefused('CORRUPT_DATA', () => decodeWith('compressed', b64z(Buffer.concat([head, Buffer.from(skeleton)]))));
  });

  it('keeps pollution keys inside compressed bodies as data', async () => {
    const value = (await decodeWith('compressed', b64z('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'))) as object;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expectNoPollution();
  });
});
