/** `inspect` for npy: reads the header only (preamble, then exactly the header's bytes); the data is not read. */
import { promises as fs } from 'node:fs';
import type { DecodeContext } from '../format.js';
import type { InspectNode } from '../inspect.js';
import { sizeOf } from '../ndarray.js';
import { parseDescr } from './_npy-descr.js';
import { readNpyHeader } from './_npy-header.js';

export async function inspectNpy(path: string, _ctx: DecodeContext): Promise<InspectNode> {
  const handle = await fs.open(path, 'r');
  try {
    const preamble = Buffer.alloc(12);
    const { bytesRead } = await handle.read(preamble, 0, 12, 0);
    const major = preamble[6];
    const headerLength = major === 1 ? preamble.readUInt16LE(8) : bytesRead >= 12 ? preamble.readUInt32LE(8) : 0;
    const want = Math.min((major === 1 ? 10 : 12) + headerLength, 16 * 2 ** 20 + 12);
    const head = Buffer.alloc(want);
    const read = await handle.read(head, 0, want, 0);
    const where = { format: 'npy' };
    const header = readNpyHeader(head.subarray(0, read.bytesRead), where);
    const element = parseDescr(header.descr, where);
    const { size } = await handle.stat();
    return {
      type: 'ndarray', dtype: element.dtype, shape: header.shape, size: sizeOf(header.shape) * element.itemsize,
      details: { descr: element.descr, fortranOrder: header.fortranOrder, version: header.version, fileBytes: size },
    };
  } finally {
    await handle.close();
  }
}
