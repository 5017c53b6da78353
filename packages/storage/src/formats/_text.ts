/** Shared helpers for text formats: bytes ↔ UTF-8 text with typed errors. */
import { CorruptDataError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function bytesToText(input: Uint8Array | string, format: string): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return decoder.decode(input);
  } catch (cause) {
    throw new CorruptDataError('input is not valid UTF-8 text', { format, cause });
  }
}

/** First non-whitespace byte of a head, skipping a UTF-8 BOM. */
export function firstSignificantByte(head: Uint8Array): number | undefined {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return head[i];
}
