/** 'json' — type-marked JSON, compatible both ways with the seed's markers (README "Typed JSON"). */
import type { DecodeContext, EncodeContext, Format } from '../format.js';
import type { CustomCodec } from '../registry.js';
import { randomBytes } from 'node:crypto';
import { UNSAFE_INTEGER_SEEN, fromJSONSafe, fromParsedJSONFast, pathFreeReaderHooks } from '../values/typed-json-decode.js';
import { readTypedJSON } from '../values/typed-json-read.js';
import { DEFAULT_MAX_DEPTH, toJSONSafe } from '../values/typed-json-encode.js';
import { writeTypedJSON } from '../values/typed-json-write.js';
import { bytesToText, firstSignificantByte } from './_text.js';
import { parseJSONExact, parseJSONFast } from './json-text.js';

const JSON_START = new Set('{["-0123456789tfnNI'.split('').map((c) => c.charCodeAt(0)));

/** Payloads at least this long are spliced in after JSON.stringify instead of passing through it. */
const DEFER_PAYLOAD_CHARS = 1 << 16;

export function encodeTypedJSONText(value: unknown, ctx: EncodeContext): string {
  if (ctx.options.pretty !== true) {
    try {
      return writeTypedJSON(value, { codecs: ctx.registry.codecs(), listMaxElements: ctx.listMaxElements, maxDepth: DEFAULT_MAX_DEPTH });
    } catch {
      // The one-pass writer knows no paths: the tree encoder below meets the same problem and throws it with its path.
    }
  }
  return encodeViaTree(value, ctx);
}

/** The marker tree, then JSON.stringify (pretty output, and the error path of the one-pass writer). */
function encodeViaTree(value: unknown, ctx: EncodeContext): string {
  // Base64 needs no JSON escaping, so large payloads are held back and spliced between the quotes afterwards:
  // JSON.stringify of a 133 MB string costs ~0.5 s, the splice almost nothing.
  const payloads: string[] = [];
  const token = `omega-deferred-payload-${randomBytes(8).toString('hex')}-`;
  const tree = toJSONSafe(value, {
    codecs: ctx.registry.codecs(),
    listMaxElements: ctx.listMaxElements,
    deferPayload: (base64) => (base64.length < DEFER_PAYLOAD_CHARS ? base64 : `${token}${payloads.push(base64) - 1}`),
  });
  const text = ctx.options.pretty === true ? JSON.stringify(tree, null, 2) : JSON.stringify(tree);
  if (payloads.length === 0) return text;
  const pieces = text.split(new RegExp(`${token}(\\d+)`));
  for (let i = 1; i < pieces.length; i += 2) pieces[i] = payloads[Number(pieces[i])]!;
  return pieces.join('');
}

type TextDecodeOptions = { codecs: readonly CustomCodec[]; maxDepth: number; maxElements: number; allowedCustomTypes: readonly string[] | '*' };

export function decodeTypedJSONText(text: string, ctx: DecodeContext): unknown {
  const options = textDecodeOptions(ctx);
  try {
    return readTypedJSON(text, pathFreeReaderHooks(options));
  } catch {
    // Whatever the one-pass reader does not take on, or any problem: JSON.parse and the tree decoders decide (and
    // report errors with their paths).
  }
  return decodeViaJSONParse(text, options);
}

export function textDecodeOptions(ctx: DecodeContext): TextDecodeOptions {
  return {
    codecs: ctx.registry.codecs(),
    maxDepth: ctx.policy.maxDepth,
    maxElements: ctx.policy.maxElements,
    allowedCustomTypes: ctx.policy.allowedCustomTypes,
  };
}

/**
 * JSON.parse, then the path-free decoder, then (on any problem) the path-keeping one. The one-pass reader must give
 * exactly what this gives, or give up; tests hold the two equal.
 */
export function decodeViaJSONParse(text: string, options: TextDecodeOptions): unknown {
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch {
    return decodeWithPaths(text, options);
  }
  try {
    return fromParsedJSONFast(tree, options);
  } catch {
    // Corrupt input, a limit, or an integer JSON.parse rounded: the path-keeping decoder says which, and where.
    return decodeWithPaths(text, options);
  }
}

function decodeWithPaths(text: string, options: TextDecodeOptions): unknown {
  const first = parseJSONFast(text, options.maxDepth);
  try {
    return fromJSONSafe(first.tree, { ...options, inPlace: true, rejectUnsafeIntegers: !first.exact });
  } catch (error) {
    if (error !== UNSAFE_INTEGER_SEEN) throw error;
    return fromJSONSafe(parseJSONExact(text, options.maxDepth), { ...options, inPlace: true });
  }
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
