/**
 * Read a whole file with one positional read per (large) chunk. `fs.promises.readFile` reads in 512 KiB pieces,
 * each a thread-pool round trip: ~30 % slower than this on a 100 MB array file here.
 */
import { promises as fs } from 'node:fs';
import { checkLimit } from '../limits.js';

const CHUNK = 1 << 30;

/** The file's bytes; a LimitExceededError (naming `format`) if it is larger than `maxBytes`. */
export async function readWholeFile(path: string, maxBytes: number, format: string): Promise<Buffer> {
  const handle = await fs.open(path, 'r');
  try {
    const { size } = await handle.stat();
    checkLimit('file size', size, maxBytes, 'maxInputBytes', { format });
    const buffer = Buffer.allocUnsafeSlow(size);
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
