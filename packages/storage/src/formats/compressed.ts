/**
 * 'compressed' — the seed's format: compact typed JSON → zlib stream → standard base64 text, no header.
 * When the value holds arrays of at least `shuffleMinBytes` (default 1 MiB) each, the zlib stream carries our
 * array container instead of JSON (see _array-container.ts): byte-shuffled raw arrays deflate faster and smaller.
 * Pass `shuffleMinBytes: Infinity` for strictly seed-readable output. Both bodies are read.
 */
import { CorruptDataError } from '../errors.js';
import type { DecodeContext, EncodeContext, Format } from '../format.js';
import { bytesToText, firstSignificantByte } from './_text.js';
import { decodeContainer, encodeContainer, isContainer } from './_array-container.js';
import { deflate, inflate, type ZlibEngine } from './_zlib.js';
import { decodeTypedJSONText, encodeTypedJSONText } from './json.js';

const BASE64_HEAD = /^[A-Za-z0-9+/]*={0,2}$/;
export const DEFAULT_SHUFFLE_MIN_BYTES = 2 ** 20;

function body(value: unknown, ctx: EncodeContext): { bytes: Uint8Array; container: boolean } {
  const minBytes = (ctx.options.shuffleMinBytes as number | undefined) ?? DEFAULT_SHUFFLE_MIN_BYTES;
  const container = encodeContainer(value, { codecs: ctx.registry.codecs(), listMaxElements: ctx.listMaxElements }, minBytes);
  if (container !== undefined) return { bytes: container, container: true };
  return { bytes: Buffer.from(encodeTypedJSONText(value, { ...ctx, options: { ...ctx.options, pretty: false } }), 'utf8'), container: false };
}

function decodeBody(raw: Uint8Array, ctx: DecodeContext): unknown {
  if (isContainer(raw)) {
    return decodeContainer(raw, { codecs: ctx.registry.codecs(), maxDepth: ctx.policy.maxDepth, maxElements: ctx.policy.maxElements, allowedCustomTypes: ctx.policy.allowedCustomTypes }, 'compressed');
  }
  return decodeTypedJSONText(bytesToText(raw, 'compressed'), ctx);
}

export const compressedFormat: Format = {
  name: 'compressed',
  extensions: ['compressed', 'zjson', 'b64z'],
  binary: false,
  lossless: 'every value storage supports',
  sniff(head) {
    // base64 of a zlib header 78 01 / 78 5E / 78 9C / 78 DA starts "eA", "eF", "eJ", "eN".
    const b = firstSignificantByte(head);
    if (b !== 0x65) return false;
    const next = head[head.indexOf(0x65) + 1];
    return next === 0x41 || next === 0x46 || next === 0x4a || next === 0x4e;
  },
  encode(value, ctx) {
    const engine = (ctx.options.zlibEngine as ZlibEngine | undefined) ?? 'node';
    const { bytes, container } = body(value, ctx);
    const z = deflate(bytes, ctx.compressionLevel, engine, container);
    return Buffer.from(z.buffer, z.byteOffset, z.byteLength).toString('base64');
  },
  decode(input, ctx) {
    const text = bytesToText(input, 'compressed').trim();
    // Buffer's decoder skips characters outside the alphabet, so a length check catches them without a slow
    // regex over the whole text; corruption inside the alphabet is caught by zlib's Adler-32.
    const z = Buffer.from(text, 'base64');
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    if (text.length % 4 !== 0 || z.length !== (text.length / 4) * 3 - padding || !BASE64_HEAD.test(text.slice(0, 64))) {
      throw new CorruptDataError('compressed text is not valid base64', { format: 'compressed', expected: 'standard base64 with padding', received: `${text.length} characters` });
    }
    return decodeBody(inflate(z, ctx.policy, 'compressed'), ctx);
  },
};
