/**
 * 'compressed' — the seed's format exactly: compact typed JSON → zlib stream → standard base64 text, no header.
 */
import { CorruptDataError } from '../errors.js';
import type { Format } from '../format.js';
import { bytesToText, firstSignificantByte } from './_text.js';
import { deflate, inflate, type ZlibEngine } from './_zlib.js';
import { decodeTypedJSONText, encodeTypedJSONText } from './json.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const compressedFormat: Format = {
  name: 'compressed',
  extensions: ['compressed', 'zjson', 'b64z'],
  binary: false,
  lossless: 'every value storage supports',
  sniff(head) {
    // base64 of a zlib header 78 01 / 78 5E / 78 9C / 78 DA starts "eA", "eF", "eJ", "eN".
    const b = firstSignificantByte(head);
    if (b !== 0x65) return false;
    const i = head.indexOf(0x65);
    const next = head[i + 1];
    return next === 0x41 || next === 0x46 || next === 0x4a || next === 0x4e;
  },
  encode(value, ctx) {
    const json = encodeTypedJSONText(value, { ...ctx, options: { ...ctx.options, pretty: false } });
    const engine = (ctx.options.zlibEngine as ZlibEngine | undefined) ?? 'node';
    const z = deflate(Buffer.from(json, 'utf8'), ctx.compressionLevel, engine);
    return Buffer.from(z.buffer, z.byteOffset, z.byteLength).toString('base64');
  },
  decode(input, ctx) {
    const text = bytesToText(input, 'compressed').trim();
    if (text.length % 4 !== 0 || !BASE64.test(text)) {
      throw new CorruptDataError('compressed text is not valid base64', { format: 'compressed', expected: 'standard base64 with padding', received: `${text.length} characters` });
    }
    const z = Buffer.from(text, 'base64');
    const raw = inflate(z, ctx.policy, 'compressed');
    return decodeTypedJSONText(bytesToText(raw, 'compressed'), ctx);
  },
};
