/** Format 'torch' (.pt/.pth): safe reading of torch.save checkpoints (zip and legacy), and a zip writer. */
import { CorruptDataError } from '../../errors.js';
import type { Format } from '../../format.js';
import { isTorchLegacyHead } from '../pickle/index.js';
import { isZip, readTorchLegacy, readTorchZip } from './read.js';
import { encodeTorch, encodeTorchParts } from './write.js';

/** First local-header name of a torch.save zip: `<name>/data.pkl` (or another of its top records). */
const TORCH_FIRST_RECORD = /^[^/]+\/(data\.pkl|\.format_version|byteorder|version|\.storage_alignment)$/;

function firstZipName(head: Uint8Array): string | undefined {
  if (head.length < 30 || !isZip(head)) return undefined;
  const nameLength = head[26]! | (head[27]! << 8);
  if (30 + nameLength > head.length) return undefined;
  return new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(30, 30 + nameLength));
}

export const torchFormat: Format = {
  name: 'torch',
  extensions: ['pt', 'pth'],
  binary: true,
  lossless: 'dicts/lists of tensors (all torch dtypes but uint16/32/64 and str), ints, floats, str, bool, None',
  sniff(head) {
    if (isTorchLegacyHead(head)) return true;
    const name = firstZipName(head);
    return name !== undefined && TORCH_FIRST_RECORD.test(name);
  },
  encode: encodeTorch,
  encodeParts: encodeTorchParts,
  decode(input, ctx) {
    if (typeof input === 'string') throw new CorruptDataError('torch input must be bytes, not text', { format: 'torch', expected: 'Uint8Array' });
    if (isZip(input)) return readTorchZip(input, ctx);
    if (isTorchLegacyHead(input)) return readTorchLegacy(input, ctx);
    throw new CorruptDataError('not a torch checkpoint', { format: 'torch', offset: 0, expected: 'a zip archive (PK\\x03\\x04) or the legacy torch magic number', received: `first bytes ${Buffer.from(input.subarray(0, 4)).toString('hex')}` });
  },
};
