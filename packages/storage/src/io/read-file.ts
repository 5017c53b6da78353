/**
 * Read a whole file with one positional read per (large) chunk. `fs.promises.readFile` reads in 512 KiB pieces,
 * each a thread-pool round trip: ~30 % slower than this on a 100 MB array file here.
 */
import { promises as fs } from 'node:fs';
import { checkLimit } from '../limits.js';

const CHUNK = 1 << 30;
const HEAD_BYTES = 1 << 16;

/**
 * Given the file's first bytes (up to 64 KiB), the file offset that should land 8-byte aligned in memory — where a
 * format's large payload starts, so an array can use the bytes in place — or undefined for no preference.
 */
export type AlignAt = (head: Uint8Array) => number | undefined;

/**
 * The file's bytes in a buffer of their own (not Node's shared pool); a LimitExceededError (naming `format`) if it is
 * larger than `maxBytes`. With `alignAt`, the bytes are placed so that offset lands on an 8-byte boundary.
 */
export async function readWholeFile(path: string, maxBytes: number, format: string, alignAt?: AlignAt): Promise<Buffer> {
  const handle = await fs.open(path, 'r');
  try {
    const { size } = await handle.stat();
    checkLimit('file size', size, maxBytes, 'maxInputBytes', { format });
    let shift = 0;
    if (alignAt !== undefined && size > 0) {
      const head = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES));
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const at = alignAt(head.subarray(0, bytesRead));
      if (at !== undefined) shift = (8 - (at % 8)) % 8;
    }
    const buffer = Buffer.allocUnsafeSlow(size + shift).subarray(shift);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(buffer, offset, Math.min(CHUNK, size - offset), offset);
      if (bytesRead === 0) break; // the file shrank while we read it
      offset += bytesRead;
    }
    return offset === size ? buffer : buffer.subarray(0, offset);
  } finally {
    await handle.close();
  }
}
