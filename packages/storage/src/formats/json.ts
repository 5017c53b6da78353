/** 'json' — type-marked JSON, compatible both ways with the seed's markers (README "Typed JSON"). */
import type { DecodeContext, EncodeContext, Format } from '../format.js';
import { fromJSONSafe } from '../values/typed-json-decode.js';
import { toJSONSafe } from '../values/typed-json-encode.js';
import { bytesToText, firstSignificantByte } from './_text.js';
import { parseJSONText } from './json-text.js';

const JSON_START = new Set('{["-0123456789tfnNI'.split('').map((c) => c.charCodeAt(0)));

export function encodeTypedJSONText(value: unknown, ctx: EncodeContext): string {
  const tree = toJSONSafe(value, { codecs: ctx.registry.codecs(), listMaxElements: ctx.listMaxElements });
  return ctx.options.pretty === true ? JSON.stringify(tree, null, 2) : JSON.stringify(tree);
}

export function decodeTypedJSONText(text: string, ctx: DecodeContext): unknown {
  const tree = parseJSONText(text, ctx.policy.maxDepth);
  return fromJSONSafe(tree, {
    codecs: ctx.registry.codecs(),
    maxDepth: ctx.policy.maxDepth,
    maxElements: ctx.policy.maxElements,
    allowedCustomTypes: ctx.policy.allowedCustomTypes,
    inPlace: true,
  });
}

export const jsonFormat: Format = {
  name: 'json',
  extensions: ['json'],
  binary: false,
  lossless: 'every value storage supports',
  sniff(head) {
    const b = firstSignificantByte(head);
    return b !== undefined && JSON_START.has(b);
  },
  encode: encodeTypedJSONText,
  decode(input, ctx) {
    return decodeTypedJSONText(bytesToText(input, 'json'), ctx);
  },
};
