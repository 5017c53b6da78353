/** Hostile npy / npz / safetensors inputs: huge declared shapes and headers, zip bombs, pollution-key names. */
import { describe, expect, it } from 'vitest';
import { NDArray, encodeNpy, encodeNpz, encodeSafetensors } from '../../src/index.js';
import { writeZip } from '../../src/formats/_zip-write.js';
import { decodeWith, expectNoPollution, expectRefused, latin1, le } from './_hostile.js';

/** An npy v1 file with this header dict text and `data` bytes after it. */
function npy(dict: string, data = new Uint8Array(0), version = 1): Uint8Array {
  const prefix = version === 1 ? 10 : 12;
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const header = `${dict}${' '.repeat(total - prefix - dict.length - 1)}\n`;
  const len = version === 1 ? le(header.length, 2) : le(header.length, 4);
  const head = latin1(`\x93NUMPY${String.fromCharCode(version)}\x00${len}${header}`);
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

/** A safetensors file with this header JSON and data. */
function safetensors(header: string, data = new Uint8Array(0)): Uint8Array {
  const h = latin1(Buffer.from(header, 'utf8').toString('latin1'));
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

describe('hostile npy', () => {
  it.each([
    ['a shape whose element count is not a safe integer', "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", 'CORRUPT_DATA'],
    ['three billion elements (above maxElements)', "{'descr': '|u1', 'fortran_order': False, 'shape': (3000000000,), }", 'LIMIT_EXCEEDED'],
    ['a billion elements with no data', "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000,), }", 'CORRUPT_DATA'],
    ['two billion zero-width strings (<U0)', "{'descr': '<U0', 'fortran_order': False, 'shape': (2000000000,), }", 'CORRUPT_DATA'],
    ['an object array (pickled Python objects)', "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", 'UNSAFE_CONTENT'],
    ['a header nested 10 000 deep', `{'descr': ${'('.repeat(10_000)}`, 'CORRUPT_DATA'],
  ] as const)('refuses %s', async (_label, dict, code) => {
    await expectRefused(code, () => decodeWith('npy', npy(dict)));
  });

  it('refuses a declared header length of 4 GiB (v2) before reading it', async () => {
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('npy', latin1(`\x93NUMPY\x02\x00${le(0xffffffff, 4)}{}`)));
  });

  it('honours a smaller maxElements', async () => {
    const bytes = encodeNpy(new NDArray('uint8', [100], new Uint8Array(100)));
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('npy', bytes, { maxElements: 99 }));
  });

  it('still reads an empty <U0 array (numpy writes none, but it is harmless)', async () => {
    const value = (await decodeWith('npy', npy("{'descr': '<U0', 'fortran_order': False, 'shape': (0,), }"))) as NDArray;
    expect(value.shape).toEqual([0]);
  });
});

describe('hostile npz (zip bombs)', () => {
  const mib = new NDArray('uint8', [2 ** 20], new Uint8Array(2 ** 20));

  it('refuses many small members that inflate past maxDecompressedBytes together', async () => {
    const many = encodeNpz(Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`m${i}`, mib])), { compress: true });
    expect(many.length).toBeLessThan(200_000);
    const error = await expectRefused('LIMIT_EXCEEDED', () => decodeWith('npz', many, { maxDecompressedBytes: 16 * 2 ** 20 }));
    expect(error.message).toMatch(/maxDecompressedBytes|together|archive/);
    expect(Object.keys((await decodeWith('npz', many, { maxDecompressedBytes: 32 * 2 ** 20 })) as object)).toHaveLength(24);
  });

  it('refuses a member declaring 4 GiB from a few bytes, before inflating it', async () => {
    const bytes = encodeNpz({ z: mib }, { compress: true });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const cd = bytes.findLastIndex((_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(cd + 24, 0xfffffffe, true);
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('npz', bytes));
  });

  it('refuses two directory entries that share one member’s bytes (overlapping zip bomb)', async () => {
    const one = writeZip([{ name: 'a.npy', data: encodeNpy(mib), compress: true }], 9, 'npz');
    const view = new DataView(one.buffer, one.byteOffset);
    const eocd = one.length - 22;
    const cdOffset = view.getUint32(eocd + 16, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const entry = one.slice(cdOffset, cdOffset + cdSize);
    const bomb = new Uint8Array(cdOffset + 2 * cdSize + 22);
    bomb.set(one.subarray(0, cdOffset));
    bomb.set(entry, cdOffset);
    bomb.set(entry, cdOffset + cdSize);
    bomb.set(one.subarray(eocd), cdOffset + 2 * cdSize);
    const bv = new DataView(bomb.buffer);
    bv.setUint16(cdOffset + 2 * cdSize + 8, 2, true);
    bv.setUint16(cdOffset + 2 * cdSize + 10, 2, true);
    bv.setUint32(cdOffset + 2 * cdSize + 12, 2 * cdSize, true);
    await expectRefused('CORRUPT_DATA', () => decodeWith('npz', bomb));
  });

  it('keeps members named "__proto__" and "constructor" as own keys', async () => {
    const bytes = encodeNpz(new Map([['__proto__', mib], ['constructor', mib]]));
    const value = (await decodeWith('npz', bytes)) as Record<string, NDArray>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBeInstanceOf(NDArray);
    expectNoPollution();
  });
});

describe('hostile safetensors', () => {
  it.each([
    ['a header length of 2^63', latin1(`${le(2n ** 63n, 8)}{}`), 'CORRUPT_DATA'],
    ['a header length of 200 MB', latin1(`${le(200_000_000, 8)}{}`), 'CORRUPT_DATA'],
    ['a shape of 2^40 × 2^40', safetensors('{"t":{"dtype":"F32","shape":[1099511627776,1099511627776],"data_offsets":[0,4]}}', new Uint8Array(4)), 'CORRUPT_DATA'],
    ['three billion elements (above maxElements)', safetensors('{"t":{"dtype":"U8","shape":[3000000000],"data_offsets":[0,3000000000]}}'), 'LIMIT_EXCEEDED'],
    ['offsets beyond the file', safetensors('{"t":{"dtype":"F64","shape":[100000000],"data_offsets":[0,800000000]}}'), 'CORRUPT_DATA'],
    ['a header nested 100 000 deep', safetensors(`{"t":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), 'CORRUPT_DATA'],
  ] as const)('refuses %s', async (_label, bytes, code) => {
    await expectRefused(code, () => decodeWith('safetensors', bytes));
  });

  it('keeps tensors named "__proto__" / "constructor" and such metadata keys as own data', async () => {
    const t = new NDArray('float32', [1], new Float32Array([1]));
    const bytes = encodeSafetensors(new Map<string, unknown>([['__proto__', t], ['constructor', t], ['__metadata__', JSON.parse('{"__proto__":"x","constructor":"y"}')]]));
    const value = (await decodeWith('safetensors', bytes)) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['__metadata__', '__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBeInstanceOf(NDArray);
    expect(Object.keys(value.__metadata__ as object)).toEqual(['__proto__', 'constructor']);
    expectNoPollution();
  });
});
