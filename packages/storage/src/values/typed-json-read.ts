/**
 * Typed-JSON text → values in one pass, for documents of many small values (records): JSON.parse and the path-free
 * decoder fused, so nothing is built twice. Datetimes and small base64 arrays in the exact form our writer uses are
 * decoded straight from the text (no marker object, no payload string); every other marker object is parsed as plain
 * JSON — what JSON.parse would build — and handed to the path-free decoder's walk, so it is decoded by the same code
 * as before.
 *
 * The reader gives up (`READ_GAVE_UP`) wherever its result could differ from JSON.parse + that walk, and on what it
 * does not speed up: invalid JSON, Python's NaN/Infinity tokens, an integer beyond 2^53, a `__type__` key that is not
 * first, a string longer than 64 Ki characters (large payloads: JSON.parse scans them faster), any error. The caller
 * then takes the JSON.parse path, which also produces the error with its path.
 *
 * State lives in long-lived module variables (see below), saved and restored around a nested call (a custom codec
 * may decode again while a document is being read).
 */
import { NDArray, allocate, itemsize, type DType, type TypedArray } from '../ndarray.js';
import { parseIsoDateTimeIn } from './datetime.js';
import { dtypeFromNumpyName } from './dtype-names.js';

/** Thrown wherever the reader hands over to JSON.parse + the tree decoders; never leaves the json format. */
export const READ_GAVE_UP = new Error('typed JSON reader: decode the slow way');

export interface ReaderHooks {
  /** Decodes an object whose first key is `__type__`, parsed as plain JSON, found at `depth`. */
  walk(node: object, depth: number): unknown;
  maxDepth: number;
  maxElements: number;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_STRING_CHARS = 1 << 16;
/** Base64 payloads up to this many characters are decoded by the reader itself (3 KiB of array data). */
const MAX_INLINE_BASE64_CHARS = 4096;

/** Fixed text to match at a position; a sticky regex literal matched fastest (vs startsWith or a char loop). */
interface Literal {
  readonly pattern: RegExp;
  readonly length: number;
}
const literal = (text: string): Literal => ({ pattern: new RegExp(text.replace(/[{}[\]]/g, '\\$&'), 'y'), length: text.length });
const DATETIME_HEAD = literal('{"__type__":"datetime","iso":"');
const ARRAY_HEAD = literal('{"__type__":"numpy_array","dtype":"');
const ARRAY_SHAPE = literal('","shape":[');
const ARRAY_DATA = literal('],"encoding":"base64","data":"');
const TYPE_KEY = literal('"__type__"');
/** Keys remembered per nesting level and position, so a repeated record layout reuses its key strings. */
const KEY_CACHE_DEPTH = 8;
const KEY_CACHE_WIDTH = 32;

/** Base64 alphabet → 6-bit value; -1 for every other UTF-16 code unit. */
const BASE64_VALUE = new Int8Array(65536).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (BASE64_VALUE[c.charCodeAt(0)] = i));

// The reader's state. Module variables, and long-lived: per-call objects (a hooks object, a fresh key cache) made
// every major GC deoptimise the reader's compiled code ("weak objects"), so the next decode ran unoptimised.
let s = '';
let p = 0;
/** keyCache[depth * KEY_CACHE_WIDTH + index]: the key last read there (a string in the object's key table already). */
const keyCache = new Array<string | undefined>(KEY_CACHE_DEPTH * KEY_CACHE_WIDTH).fill(undefined);
const noWalk: ReaderHooks['walk'] = (node) => node;
let walkMarker = noWalk;
let maxDepth = 0;
let maxElements = 0;
let lastDtypeName = '';
let lastDtype: DType | undefined;
/** Calls in progress: a custom codec may decode again while a document is being read. */
let active = 0;

/** The decoded value of `text`; throws READ_GAVE_UP (or an error of the marker walk) where the slow path must decide. */
export function readTypedJSON(text: string, readerHooks: ReaderHooks): unknown {
  const outer = active > 0 ? { s, p, walkMarker, maxDepth, maxElements } : undefined;
  active++;
  s = text;
  p = 0;
  walkMarker = readerHooks.walk;
  maxDepth = readerHooks.maxDepth;
  maxElements = readerHooks.maxElements;
  try {
    const v = value(0, false);
    skipWhitespace();
    if (p !== s.length) throw READ_GAVE_UP;
    return v;
  } catch (error) {
    // RangeError: the call stack, on nesting deeper than it allows (maxDepth set very high).
    throw error instanceof RangeError ? READ_GAVE_UP : error;
  } finally {
    active--;
    // The key cache needs no restoring: a cached key is used only where the text spells it out.
    if (outer !== undefined) ({ s, p, walkMarker, maxDepth, maxElements } = outer);
    else {
      // Hold nothing of the caller's alive between calls.
      s = '';
      walkMarker = noWalk;
      keyCache.fill(undefined);
    }
  }
}

function skipWhitespace(): void {
  let c = s.charCodeAt(p);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++p);
}

/** `raw`: build exactly what JSON.parse builds (inside a marker object); otherwise objects are decoded as they come. */
function value(depth: number, raw: boolean): unknown {
  skipWhitespace();
  switch (s.charCodeAt(p)) {
    case 34: // "
      return string();
    case 123: // {
      if (depth > maxDepth) throw READ_GAVE_UP;
      return raw ? object(depth, true) : decodedObject(depth);
    case 91: // [
      if (depth > maxDepth) throw READ_GAVE_UP;
      return array(depth, raw);
    case 116: // t
      return word('true', true);
    case 102: // f
      return word('false', false);
    case 110: // n
      return word('null', null);
    default:
      return number();
  }
}

/** Does the text at `at` read `expected`? */
function textAt(expected: Literal, at: number): boolean {
  expected.pattern.lastIndex = at;
  return expected.pattern.test(s);
}

function word<T>(text: string, result: T): T {
  if (!s.startsWith(text, p)) throw READ_GAVE_UP;
  p += text.length;
  return result;
}

/** An object in decoding position: a marker (fast forms first) or a plain object with decoded values. */
function decodedObject(depth: number): unknown {
  const start = p;
  if (s.charCodeAt(p + 1) === 34 && s.charCodeAt(p + 2) === 95) {
    if (textAt(DATETIME_HEAD, p)) {
      const date = fastDatetime();
      if (date !== undefined) return date;
      p = start;
    } else if (textAt(ARRAY_HEAD, p)) {
      const arr = fastBase64Array();
      if (arr !== undefined) return arr;
      p = start;
    }
  }
  p++;
  skipWhitespace();
  if (s.charCodeAt(p) === 34 && textAt(TYPE_KEY, p)) {
    p = start;
    return walkMarker(object(depth, true), depth);
  }
  p = start;
  return object(depth, false);
}

function object(depth: number, raw: boolean): Record<string, unknown> {
  p++;
  const out: Record<string, unknown> = {};
  skipWhitespace();
  if (s.charCodeAt(p) === 125) {
    p++;
    return out;
  }
  for (let index = 0; ; index++) {
    if (s.charCodeAt(p) !== 34) throw READ_GAVE_UP;
    const key = raw ? string() : cachedKey(depth, index);
    // The walk recognises `__type__` anywhere in an object; this reader only as the first key (decodedObject).
    if (!raw && key === '__type__') throw READ_GAVE_UP;
    skipWhitespace();
    if (s.charCodeAt(p) !== 58) throw READ_GAVE_UP;
    p++;
    const item = value(depth + 1, raw);
    // JSON.parse makes `__proto__` an own data property; an assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
    skipWhitespace();
    const next = s.charCodeAt(p++);
    if (next === 125) return out;
    if (next !== 44) throw READ_GAVE_UP;
    skipWhitespace();
  }
}

/** A key string at p: the cached one if the text repeats it (no new string to create and look up), else read. */
function cachedKey(depth: number, index: number): string {
  const slot = depth < KEY_CACHE_DEPTH && index < KEY_CACHE_WIDTH ? depth * KEY_CACHE_WIDTH + index : -1;
  if (slot < 0) return string();
  const cached = keyCache[slot];
  if (cached !== undefined) {
    const n = cached.length;
    let i = 0;
    while (i < n && s.charCodeAt(p + 1 + i) === cached.charCodeAt(i)) i++;
    if (i === n && s.charCodeAt(p + 1 + n) === 34) {
      p += n + 2;
      return cached;
    }
  }
  const start = p;
  const key = string();
  // Only keys written without escapes (text length = key length + quotes): the comparison above is literal.
  keyCache[slot] = p - start === key.length + 2 ? key : undefined;
  return key;
}

function array(depth: number, raw: boolean): unknown[] {
  p++;
  const out: unknown[] = [];
  skipWhitespace();
  if (s.charCodeAt(p) === 93) {
    p++;
    return out;
  }
  for (;;) {
    out.push(value(depth + 1, raw));
    skipWhitespace();
    const next = s.charCodeAt(p++);
    if (next === 93) return out;
    if (next !== 44) throw READ_GAVE_UP;
  }
}

/** A string literal at p (on its opening quote). */
function string(): string {
  const start = p + 1;
  // The next quote bounds the scan: a long string is given up at once, not after a character loop over it.
  const quote = s.indexOf('"', start);
  if (quote < 0 || quote - start > MAX_STRING_CHARS) throw READ_GAVE_UP;
  for (let i = start; i < quote; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) return escapedString(start);
    if (c < 32) throw READ_GAVE_UP; // a raw control character: invalid JSON
  }
  p = quote + 1;
  return s.slice(start, quote);
}

/** A string with escapes: find its end, then let JSON.parse unescape it (it also refuses malformed escapes). */
function escapedString(start: number): string {
  let i = start;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 34) break;
    if (c === 92) i++;
    else if (c < 32 || c !== c) throw READ_GAVE_UP;
    if (++i - start > MAX_STRING_CHARS) throw READ_GAVE_UP;
  }
  p = i + 1;
  try {
    return JSON.parse(s.slice(start - 1, i + 1)) as string;
  } catch {
    throw READ_GAVE_UP;
  }
}

/** JSON's number grammar exactly; integers of up to 15 characters are summed, everything else goes through Number(). */
function number(): number {
  const start = p;
  let c = s.charCodeAt(p);
  const negative = c === 45;
  if (negative) c = s.charCodeAt(++p);
  let v = 0;
  if (c === 48) c = s.charCodeAt(++p);
  else if (c >= 49 && c <= 57) {
    do {
      v = v * 10 + (c - 48);
      c = s.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
  } else throw READ_GAVE_UP; // Python's NaN/Infinity, or not JSON
  let integer = true;
  if (c === 46) {
    integer = false;
    c = s.charCodeAt(++p);
    if (!(c >= 48 && c <= 57)) throw READ_GAVE_UP;
    do c = s.charCodeAt(++p);
    while (c >= 48 && c <= 57);
  }
  if (c === 101 || c === 69) {
    integer = false;
    c = s.charCodeAt(++p);
    if (c === 43 || c === 45) c = s.charCodeAt(++p);
    if (!(c >= 48 && c <= 57)) throw READ_GAVE_UP;
    do c = s.charCodeAt(++p);
    while (c >= 48 && c <= 57);
  }
  if (integer && p - start <= 15) return negative ? -v : v;
  const n = Number(s.slice(start, p));
  // Integers beyond 2^53 are read exactly (as bigint) by the slow path.
  if (integer && (n > MAX_SAFE || n < -MAX_SAFE)) throw READ_GAVE_UP;
  return n;
}

/** Index of the closing quote of the plain (escape-free, short) string starting at p; -1 if it is not one. */
function plainStringEnd(): number {
  const quote = s.indexOf('"', p);
  if (quote < 0 || quote - p > MAX_STRING_CHARS) return -1;
  for (let i = p; i < quote; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 || c < 32) return -1;
  }
  return quote;
}

/** `{"__type__":"datetime","iso":"…"}` exactly; undefined (p anywhere) for any other shape. */
function fastDatetime(): Date | undefined {
  p += DATETIME_HEAD.length;
  const end = plainStringEnd();
  if (end < 0 || s.charCodeAt(end + 1) !== 125) return undefined;
  const start = p;
  p = end + 2;
  try {
    return parseIsoDateTimeIn(s, start, end);
  } catch {
    throw READ_GAVE_UP; // the path-keeping decoder reports it with its path
  }
}

/** `{"__type__":"numpy_array","dtype":"…","shape":[…],"encoding":"base64","data":"…"}` exactly, payload small. */
function fastBase64Array(): NDArray | undefined {
  p += ARRAY_HEAD.length;
  const nameEnd = plainStringEnd();
  if (nameEnd < 0) return undefined;
  const dtype = dtypeNamed(p, nameEnd);
  if (dtype === undefined || dtype === 'str' || !textAt(ARRAY_SHAPE, nameEnd)) return undefined;
  p = nameEnd + ARRAY_SHAPE.length;
  const shape: number[] = [];
  let count = 1;
  if (s.charCodeAt(p) !== 93) {
    for (;;) {
      const d = dimension();
      if (d < 0) return undefined;
      shape.push(d);
      count *= d;
      if (s.charCodeAt(p) !== 44) break;
      p++;
    }
  }
  if (!textAt(ARRAY_DATA, p) || count > maxElements) return undefined;
  p += ARRAY_DATA.length;
  const byteLength = count * itemsize(dtype);
  const chars = 4 * Math.ceil(byteLength / 3);
  // A large payload: JSON.parse and Buffer's codec read it faster than this reader would.
  if (chars > MAX_STRING_CHARS) throw READ_GAVE_UP;
  if (chars > MAX_INLINE_BASE64_CHARS || s.charCodeAt(p + chars) !== 34 || s.charCodeAt(p + chars + 1) !== 125) return undefined;
  const data = allocate(dtype, count) as TypedArray;
  if (!base64Into(p, byteLength, new Uint8Array(data.buffer, data.byteOffset, byteLength))) return undefined;
  p += chars + 2;
  return new NDArray(dtype, shape, data);
}

/** dtypeFromNumpyName of the text p..end; the last name read is remembered (arrays in a document share a few). */
function dtypeNamed(start: number, end: number): DType | undefined {
  const n = end - start;
  if (n === lastDtypeName.length) {
    let i = 0;
    while (i < n && s.charCodeAt(start + i) === lastDtypeName.charCodeAt(i)) i++;
    if (i === n) return lastDtype;
  }
  lastDtypeName = s.slice(start, end);
  lastDtype = dtypeFromNumpyName(lastDtypeName);
  return lastDtype;
}

/** A shape entry: JSON integer digits (no sign, no leading zero), at most 15 of them; -1 otherwise. */
function dimension(): number {
  const start = p;
  let v = 0;
  let c = s.charCodeAt(p);
  if (c === 48) {
    p++;
    c = s.charCodeAt(p);
    return c >= 48 && c <= 57 ? -1 : 0;
  }
  while (c >= 48 && c <= 57) {
    v = v * 10 + (c - 48);
    c = s.charCodeAt(++p);
  }
  return p === start || p - start > 15 ? -1 : v;
}

/**
 * Canonical padded base64 of exactly `n` bytes at `at` into `out` (the caller checked that the text holds that many
 * characters): only the standard alphabet, `=` only as padding, unused bits zero. Anything else returns false
 * (Buffer's decoder, on the slow path, is more lenient).
 */
function base64Into(at: number, n: number, out: Uint8Array): boolean {
  let i = at;
  let o = 0;
  for (; o + 3 <= n; o += 3, i += 4) {
    const a = BASE64_VALUE[s.charCodeAt(i)]!;
    const b = BASE64_VALUE[s.charCodeAt(i + 1)]!;
    const c = BASE64_VALUE[s.charCodeAt(i + 2)]!;
    const d = BASE64_VALUE[s.charCodeAt(i + 3)]!;
    if ((a | b | c | d) < 0) return false;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = v >>> 16;
    out[o + 1] = (v >>> 8) & 255;
    out[o + 2] = v & 255;
  }
  const rest = n - o;
  if (rest === 0) return true;
  const a = BASE64_VALUE[s.charCodeAt(i)]!;
  const b = BASE64_VALUE[s.charCodeAt(i + 1)]!;
  if ((a | b) < 0) return false;
  if (rest === 1) {
    if ((b & 15) !== 0 || s.charCodeAt(i + 2) !== 61 || s.charCodeAt(i + 3) !== 61) return false;
    out[o] = (a << 2) | (b >>> 4);
    return true;
  }
  const c = BASE64_VALUE[s.charCodeAt(i + 2)]!;
  if (c < 0 || (c & 3) !== 0 || s.charCodeAt(i + 3) !== 61) return false;
  out[o] = (a << 2) | (b >>> 4);
  out[o + 1] = ((b & 15) << 4) | (c >>> 2);
  return true;
}
