/**
 * The npy header: magic + version + a Python dict literal (`{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`).
 * Parsing accepts only the literal forms numpy writes (str, int, bool, None, tuple, list, dict); nothing is evaluated.
 */
import { CorruptDataError, LimitExceededError } from '../errors.js';

export const NPY_MAGIC = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY
/** numpy aligns the data start to this many bytes. */
export const NPY_ALIGN = 64;
/** Far above numpy's own 10 000-byte default; a guard against absurd header lengths, not a format rule. */
const MAX_HEADER_BYTES = 16 * 2 ** 20;

export type PyLiteral = string | number | boolean | null | PyLiteral[] | PyTuple | PyDict;
export class PyTuple {
  constructor(readonly items: PyLiteral[]) {}
}
export class PyDict {
  constructor(readonly entries: Map<string, PyLiteral>) {}
}

export interface NpyHeader {
  version: 1 | 2 | 3;
  descr: PyLiteral;
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset of the array data in the input. */
  dataOffset: number;
}

export interface Where {
  format: string;
  path?: string;
}

export function hasNpyMagic(head: Uint8Array): boolean {
  if (head.length < NPY_MAGIC.length) return false;
  for (let i = 0; i < NPY_MAGIC.length; i++) if (head[i] !== NPY_MAGIC[i]) return false;
  return true;
}

export function readNpyHeader(bytes: Uint8Array, where: Where): NpyHeader {
  if (!hasNpyMagic(bytes)) {
    throw new CorruptDataError('not an npy file', { ...where, offset: 0, expected: 'magic \\x93NUMPY', received: hexHead(bytes) });
  }
  if (bytes.length < 10) throw new CorruptDataError('npy preamble is truncated', { ...where, offset: bytes.length, expected: 'at least 10 bytes', received: `${bytes.length}` });
  const major = bytes[6]!;
  if (major !== 1 && major !== 2 && major !== 3) {
    throw new CorruptDataError('unsupported npy format version', { ...where, offset: 6, expected: '1.0, 2.0 or 3.0', received: `${major}.${bytes[7]}` });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) throw new CorruptDataError('npy header length is truncated', { ...where, offset: 8, expected: `${lenSize} bytes`, received: `${bytes.length - 8}` });
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lenSize;
  if (headerLength > MAX_HEADER_BYTES) {
    throw new LimitExceededError('npy header is implausibly long', { ...where, offset: 8, expected: `at most ${MAX_HEADER_BYTES} bytes`, received: `${headerLength}` });
  }
  if (start + headerLength > bytes.length) {
    throw new CorruptDataError('npy header is truncated', { ...where, offset: start, expected: `${headerLength} header bytes`, received: `${bytes.length - start}` });
  }
  const raw = bytes.subarray(start, start + headerLength);
  const text = major === 3 ? decodeUtf8(raw, where, start) : latin1(raw);
  const dict = parsePyLiteral(text, where, start);
  if (!(dict instanceof PyDict)) throw new CorruptDataError('npy header is not a dict literal', { ...where, offset: start, received: text.slice(0, 60) });
  const keys = [...dict.entries.keys()].sort().join(',');
  if (keys !== 'descr,fortran_order,shape') {
    throw new CorruptDataError('npy header has the wrong keys', { ...where, offset: start, expected: "exactly 'descr', 'fortran_order', 'shape'", received: keys });
  }
  const fortran = dict.entries.get('fortran_order');
  if (typeof fortran !== 'boolean') throw new CorruptDataError("npy 'fortran_order' is not a bool", { ...where, offset: start, received: String(fortran) });
  const shapeLit = dict.entries.get('shape');
  if (!(shapeLit instanceof PyTuple) || !shapeLit.items.every((d) => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)) {
    throw new CorruptDataError("npy 'shape' is not a tuple of non-negative ints", { ...where, offset: start, received: text.slice(0, 120) });
  }
  return { version: major, descr: dict.entries.get('descr')!, fortranOrder: fortran, shape: shapeLit.items as number[], dataOffset: start + headerLength };
}

/** The header bytes numpy would write (v1, or v2 when it does not fit in 64 KiB), data aligned to 64 bytes. */
export function writeNpyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const shapeRepr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeRepr}, }`;
  let version = 1;
  let prefix = 10;
  let total = alignUp(prefix + dict.length + 1, NPY_ALIGN);
  if (total - prefix > 0xffff) {
    version = 2;
    prefix = 12;
    total = alignUp(prefix + dict.length + 1, NPY_ALIGN);
  }
  const out = new Uint8Array(total).fill(0x20);
  out.set(NPY_MAGIC, 0);
  out[6] = version;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, total - prefix, true);
  else view.setUint32(8, total - prefix, true);
  for (let i = 0; i < dict.length; i++) out[prefix + i] = dict.charCodeAt(i); // ASCII only: descr and ints
  out[total - 1] = 0x0a;
  return out;
}

function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

function latin1(raw: Uint8Array): string {
  let s = '';
  for (let i = 0; i < raw.length; i += 8192) s += String.fromCharCode(...raw.subarray(i, i + 8192));
  return s;
}

function decodeUtf8(raw: Uint8Array, where: Where, offset: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (cause) {
    throw new CorruptDataError('npy v3 header is not valid UTF-8', { ...where, offset, cause });
  }
}

function hexHead(b: Uint8Array): string {
  return b.length === 0 ? 'empty input' : [...b.subarray(0, 8)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
}

const MAX_LITERAL_DEPTH = 64;

/** Parse one Python literal (the subset numpy headers use); trailing whitespace only. */
export function parsePyLiteral(text: string, where: Where, baseOffset = 0): PyLiteral {
  let i = 0;
  const fail = (what: string): never => {
    throw new CorruptDataError(`npy header: ${what}`, { ...where, offset: baseOffset + i, received: JSON.stringify(text.slice(Math.max(0, i - 20), i + 20)) });
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (depth: number): PyLiteral => {
    if (depth > MAX_LITERAL_DEPTH) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === undefined) return fail('unexpected end');
    if (c === "'" || c === '"') return str();
    if (c === '{') {
      i++;
      const entries = new Map<string, PyLiteral>();
      for (;;) {
        ws();
        if (text[i] === '}') {
          i++;
          return new PyDict(entries);
        }
        const key = value(depth + 1);
        if (typeof key !== 'string') fail('dict key is not a string');
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        if (entries.has(key as string)) fail(`duplicate key ${String(key)}`);
        entries.set(key as string, value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail("expected ',' or '}'");
      }
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const items: PyLiteral[] = [];
      let sawComma = false;
      for (;;) {
        ws();
        if (text[i] === close) {
          i++;
          // `(3)` is the int 3 in Python, `(3,)` a tuple.
          if (close === ')' && items.length === 1 && !sawComma) return items[0]!;
          return close === ')' ? new PyTuple(items) : items;
        }
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          sawComma = true;
          i++;
        } else if (text[i] !== close) fail(`expected ',' or '${close}'`);
      }
    }
    const m = /^(?:True|False|None|[-+]?\d+L?)/.exec(text.slice(i, i + 40));
    if (m === null) return fail('unexpected token');
    i += m[0].length;
    if (m[0] === 'True') return true;
    if (m[0] === 'False') return false;
    if (m[0] === 'None') return null;
    const n = Number(m[0].replace(/L$/, ''));
    if (!Number.isSafeInteger(n)) fail('integer out of range');
    return n;
  };
  const str = (): string => {
    const q = text[i]!;
    i++;
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) return fail('unterminated string');
      i++;
      if (c === q) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = text[i++];
      if (e === undefined) return fail('unterminated escape');
      const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', '0': '\0' };
      if (simple[e] !== undefined) out += simple[e];
      else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = text.slice(i, i + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail('bad escape');
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) fail('code point out of range');
        out += String.fromCodePoint(cp);
        i += len;
      } else fail(`unknown escape \\${e}`);
    }
  };
  const result = value(0);
  ws();
  if (i !== text.length) fail('trailing characters after the literal');
  return result;
}
