/** Decoders for the text arguments of protocol 0/1 opcodes and for LONG1/LONG4 integers. */
import { CorruptDataError, LimitExceededError } from '../../errors.js';

/** Python refuses int() of longer decimal text (sys.int_info.default_max_str_digits); parsing it costs superlinear time. */
export const MAX_DECIMAL_DIGITS = 4300;

/** Python int → number when it is a safe integer, else bigint. */
export function pyInt(value: bigint): number | bigint {
  return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : value;
}

/** Little-endian two's-complement bytes (LONG1/LONG4) → bigint. */
export function decodeLong(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let hex = '';
  for (let i = bytes.length - 1; i >= 0; i--) hex += bytes[i]!.toString(16).padStart(2, '0');
  let v = BigInt(`0x${hex}`);
  if (bytes[bytes.length - 1]! & 0x80) v -= 1n << BigInt(bytes.length * 8);
  return v;
}

function ascii(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** INT / LONG lines: decimal digits, `L` suffix for LONG; INT `00`/`01` are False/True. */
export function parseIntLine(bytes: Uint8Array, format: string, offset: number): number | bigint | boolean {
  const text = ascii(bytes).trim();
  if (text === '00') return false;
  if (text === '01') return true;
  const body = text.endsWith('L') ? text.slice(0, -1) : text;
  if (!/^[+-]?\d+$/.test(body)) throw new CorruptDataError('pickle INT/LONG line is not an integer', { format, offset, received: JSON.stringify(text.slice(0, 40)) });
  const digits = body.length - (/^[+-]/.test(body) ? 1 : 0);
  if (digits > MAX_DECIMAL_DIGITS) throw new LimitExceededError('pickle INT/LONG has more decimal digits than Python accepts', { format, offset, expected: `at most ${MAX_DECIMAL_DIGITS} digits`, received: `${digits}` });
  return pyInt(BigInt(body));
}

export function parseFloatLine(bytes: Uint8Array, format: string, offset: number): number {
  const text = ascii(bytes).trim().toLowerCase();
  const special: Record<string, number> = { nan: NaN, '-nan': NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity };
  if (text in special) return special[text]!;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) throw new CorruptDataError('pickle FLOAT line is not a float', { format, offset, received: JSON.stringify(text.slice(0, 40)) });
  return Number(text);
}

export function parseDecimalIndex(bytes: Uint8Array, format: string, offset: number): number {
  const text = ascii(bytes).trim();
  if (!/^\d{1,15}$/.test(text)) throw new CorruptDataError('pickle memo index is not a number', { format, offset, received: JSON.stringify(text.slice(0, 40)) });
  return Number(text);
}

/** A module or name line of GLOBAL/INST (Python writes them as UTF-8 since 3.0, ASCII before). */
export function parseNameLine(bytes: Uint8Array, format: string, offset: number): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!/^[\w.<>]+$/u.test(text)) throw new CorruptDataError('pickle GLOBAL names a malformed module or attribute', { format, offset, received: JSON.stringify(text.slice(0, 80)) });
  return text;
}

/** STRING: a Python 2 `repr` of a byte string, quoted, with backslash escapes → latin-1 str. */
export function parseStringLiteral(bytes: Uint8Array, format: string, offset: number): string {
  const text = ascii(bytes);
  const q = text[0];
  if (text.length < 2 || (q !== "'" && q !== '"') || text[text.length - 1] !== q) {
    throw new CorruptDataError('pickle STRING argument is not a quoted string', { format, offset, received: JSON.stringify(text.slice(0, 40)) });
  }
  const body = text.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
    if (n === undefined) throw new CorruptDataError('pickle STRING ends in a lone backslash', { format, offset });
    if (n in simple) out += simple[n];
    else if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (/[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out += String.fromCharCode(parseInt(m, 8) & 0xff);
      i += m.length - 1;
    } else out += `\\${n}`;
  }
  return out;
}

/** UNICODE: raw-unicode-escape (latin-1 bytes with `\uXXXX` / `\UXXXXXXXX` escapes). */
export function parseRawUnicodeEscape(bytes: Uint8Array, format: string, offset: number): string {
  const text = ascii(bytes);
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, u4: string | undefined, u8: string | undefined) => {
    const cp = parseInt((u4 ?? u8)!, 16);
    if (cp > 0x10ffff) throw new CorruptDataError('pickle UNICODE escape beyond U+10FFFF', { format, offset });
    return String.fromCodePoint(cp);
  });
}
