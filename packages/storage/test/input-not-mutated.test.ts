import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DLFriendlyStorage, NDArray } from '../src/index.js';
import { FIXTURES } from './support/manifest.js';

// Node Buffers (what fs returns, and what users pass) have a `slice` that shares memory: decoding big-endian or
// Fortran-order data must copy before reordering, never swap bytes in the caller's input, and cope with any offset.
const storage = new DLFriendlyStorage();
const npy = (name: string) => readFileSync(join(FIXTURES, 'python-current/npy', name));

function atOddOffset(bytes: Uint8Array): Buffer {
  const holder = Buffer.alloc(bytes.length + 3);
  holder.set(bytes, 3);
  return holder.subarray(3);
}

describe('decoders leave their input untouched', () => {
  for (const name of ['bigendian_f4.npy', 'bigendian_i8.npy', 'fortran.npy']) {
    it(`npy ${name} from a Buffer at an odd offset`, async () => {
      const input = atOddOffset(npy(name));
      const before = Buffer.from(input);
      const value = (await storage.decode(input, 'npy')) as NDArray;
      expect(input.equals(before)).toBe(true);
      const reference = (await storage.decode(new Uint8Array(npy(name)), 'npy')) as NDArray;
      expect(Buffer.from(value.bytes()).equals(Buffer.from(reference.bytes()))).toBe(true);
    });
  }

  it('stored npz members at unaligned offsets, big-endian and Fortran order', async () => {
    const zip = Buffer.from(zipSync({ 'a.npy': [npy('bigendian_f4.npy'), { level: 0 }], 'bb.npy': [npy('fortran.npy'), { level: 0 }], 'ccc.npy': [npy('bigendian_i8.npy'), { level: 0 }] }));
    const before = Buffer.from(zip);
    const value = (await storage.decode(zip, 'npz')) as Record<string, NDArray>;
    expect(zip.equals(before)).toBe(true);
    for (const [key, file] of [['a', 'bigendian_f4.npy'], ['bb', 'fortran.npy'], ['ccc', 'bigendian_i8.npy']] as const) {
      const reference = (await storage.decode(new Uint8Array(npy(file)), 'npy')) as NDArray;
      expect(Buffer.from(value[key]!.bytes()).equals(Buffer.from(reference.bytes())), key).toBe(true);
    }
  });
});
