/**
 * Python's pickle text codecs: UTF-8 with 'surrogatepass' (lone surrogates survive as 3-byte sequences, which
 * TextEncoder/TextDecoder would replace with U+FFFD) and latin-1 (bytes ↔ code points 0–255).
 */
import { transcode } from 'node:buffer';

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 decode allowing encoded surrogates; returns undefined on bytes that are not UTF-8 at all. */
export function decodeUtf8SurrogatePass(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return decodeSlow(bytes);
  }
}

function decodeSlow(b: Uint8Array): string | undefined {
  const units: number[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let cp: number;
    let need: number;
    if (c < 0x80) { cp = c; need = 0; }
    else if (c >= 0xc2 && c < 0xe0) { cp = c & 0x1f; need = 1; }
    else if (c >= 0xe0 && c < 0xf0) { cp = c & 0x0f; need = 2; }
    else if (c >= 0xf0 && c < 0xf5) { cp = c & 0x07; need = 3; }
    else return undefined;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else units.push(cp);
    i += need + 1;
  }
  let out = '';
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192));
  return out;
}

const encoder = new TextEncoder();

/** UTF-8 encode, writing lone surrogates as 3-byte sequences (Python's 'surrogatepass'). */
export function encodeUtf8SurrogatePass(text: string): Uint8Array {
  if (!/[\ud800-\udfff]/.test(text)) return encoder.encode(text);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Bytes → string of code points 0–255. */
export function latin1Decode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** String of code points 0–255 → bytes; undefined if a code point is above 255. */
export function latin1Encode(text: string): Uint8Array | undefined {
  if (/[^\u0000-\u00ff]/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** UTF-8 bytes of a str whose code points are all ≤ 255 → those code points as bytes; undefined otherwise. */
export function utf8ToLatin1(utf8: Uint8Array): Uint8Array | undefined {
  // Native transcoding; it substitutes '?' for anything not latin-1 (and for invalid UTF-8), so equal '?' counts
  // before and after prove nothing was substituted.
  const source = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  const out = transcode(source, 'utf8', 'latin1');
  if (countByte(out, 0x3f) !== countByte(source, 0x3f)) return undefined;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Latin-1 bytes → the UTF-8 of the str with those code points (protocol 2's way of writing bytes). */
export function latin1ToUtf8(bytes: Uint8Array): Uint8Array {
  const out = transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'latin1', 'utf8');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function countByte(b: Buffer, value: number): number {
  let n = 0;
  for (let i = b.indexOf(value); i >= 0; i = b.indexOf(value, i + 1)) n++;
  return n;
}
