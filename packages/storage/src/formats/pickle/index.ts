/** Format 'pickle' (.pkl/.pickle): a safe reader for protocols 0–5 and a protocol 2/3 writer numpy loads. */
import { CorruptDataError, InvalidArgumentError } from '../../errors.js';
import type { DecodeContext, EncodeContext, Format } from '../../format.js';
import { readWholeFile } from '../../io/read-file.js';
import { firstLargeBytesPayload } from './payload-scan.js';
import { pickle, pickleParts } from './pickler.js';
import { ADOPT_MIN_BYTES, unpickle } from './unpickler.js';

/** `\x80\x02\x8a\x0a` + torch's legacy magic number: a legacy torch.save file, not a plain pickle. */
const TORCH_LEGACY_HEAD = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

export function isTorchLegacyHead(head: Uint8Array): boolean {
  return TORCH_LEGACY_HEAD.every((b, i) => head[i] === b);
}

export function decodePickle(input: Uint8Array | string, ctx: DecodeContext, format = 'pickle', ownsInput = false): unknown {
  if (typeof input === 'string') throw new CorruptDataError('pickle input must be bytes, not text', { format, expected: 'Uint8Array' });
  return unpickle(input, {
    format,
    allowedGlobals: ctx.policy.allowedPickleGlobals,
    maxDepth: ctx.policy.maxDepth,
    maxElements: ctx.policy.maxElements,
    ownsInput,
  });
}

/** A big numpy payload is read to an 8-byte aligned address and becomes the array's memory: no second copy. */
async function loadPickleFile(path: string, ctx: DecodeContext): Promise<unknown> {
  const bytes = await readWholeFile(path, ctx.policy.maxInputBytes, 'pickle', (head) => firstLargeBytesPayload(head, ADOPT_MIN_BYTES));
  return decodePickle(bytes, ctx, 'pickle', true);
}

function protocolOf(ctx: EncodeContext): 2 | 3 {
  const protocol = ctx.options.protocol ?? 2;
  if (protocol !== 2 && protocol !== 3) throw new InvalidArgumentError('pickle protocol option must be 2 or 3', { format: 'pickle', received: String(protocol) });
  return protocol;
}

export function encodePickle(value: unknown, ctx: EncodeContext): Uint8Array {
  return pickle(value, { protocol: protocolOf(ctx) });
}

export const pickleFormat: Format = {
  name: 'pickle',
  extensions: ['pkl', 'pickle'],
  binary: true,
  lossless: 'dict/list/str/int/float/bool/None, bytes, sets, complex, datetimes, Decimal and numpy arrays (not bfloat16: written as float32; numbers that are integers come back as int)',
  sniff(head) {
    // Protocols 2–5 start with PROTO; protocol 0/1 pickles have no magic and load only by name.
    return head.length >= 2 && head[0] === 0x80 && head[1]! >= 2 && head[1]! <= 5 && !isTorchLegacyHead(head);
  },
  encode: encodePickle,
  encodeParts: (value, ctx) => pickleParts(value, { protocol: protocolOf(ctx) }),
  decode: (input, ctx) => decodePickle(input, ctx),
  loadFile: loadPickleFile,
};
