/**
 * Where does a pickle's first large bytes payload start? Walks opcodes by their argument layout only (nothing is
 * built or resolved), so `loadFile` can place the file in memory with that payload 8-byte aligned and let the
 * array adopt it instead of copying (numpy pickles of one big array: the common case).
 */
import { OP } from './opcodes.js';

const FIXED_ARG_BYTES = new Map<number, number>([
  [OP.PROTO, 1], [OP.BININT1, 1], [OP.BINGET, 1], [OP.BINPUT, 1], [OP.EXT1, 1],
  [OP.BININT2, 2], [OP.EXT2, 2],
  [OP.BININT, 4], [OP.LONG_BINGET, 4], [OP.LONG_BINPUT, 4], [OP.EXT4, 4],
  [OP.BINFLOAT, 8], [OP.FRAME, 8], // a frame's contents are more opcodes: only its length is skipped
]);
/** Opcodes followed by a length (of this many bytes, little-endian) and that many bytes of payload. */
const SIZED_ARG_BYTES = new Map<number, number>([
  [OP.SHORT_BINSTRING, 1], [OP.SHORT_BINUNICODE, 1], [OP.SHORT_BINBYTES, 1], [OP.LONG1, 1],
  [OP.BINSTRING, 4], [OP.BINUNICODE, 4], [OP.BINBYTES, 4], [OP.LONG4, 4],
  [OP.BINUNICODE8, 8], [OP.BINBYTES8, 8], [OP.BYTEARRAY8, 8],
]);
const LINE_ARGS = new Map<number, number>([
  [OP.INT, 1], [OP.LONG, 1], [OP.FLOAT, 1], [OP.STRING, 1], [OP.UNICODE, 1], [OP.GET, 1], [OP.PUT, 1], [OP.PERSID, 1],
  [OP.GLOBAL, 2], [OP.INST, 2],
]);
const RAW_BYTES = new Set<number>([OP.BINBYTES, OP.BINBYTES8, OP.BYTEARRAY8]);
const NO_ARG = new Set<number>(Object.values(OP).filter((op) => !FIXED_ARG_BYTES.has(op) && !SIZED_ARG_BYTES.has(op) && !LINE_ARGS.has(op)));

/**
 * Offset (into the file) of the data of the first BINBYTES/BINBYTES8/BYTEARRAY8 of at least `minBytes`, found within
 * `head` (the file's first bytes); undefined when there is none there or the opcodes stop making sense.
 */
export function firstLargeBytesPayload(head: Uint8Array, minBytes: number): number | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let pos = 0;
  while (pos < head.length) {
    const op = head[pos++]!;
    if (op === OP.STOP) return undefined;
    const fixed = FIXED_ARG_BYTES.get(op);
    if (fixed !== undefined) {
      pos += fixed;
      continue;
    }
    const sized = SIZED_ARG_BYTES.get(op);
    if (sized !== undefined) {
      if (pos + sized > head.length) return undefined;
      const n = sized === 1 ? head[pos]! : sized === 4 ? view.getUint32(pos, true) : Number(view.getBigUint64(pos, true));
      pos += sized;
      if (RAW_BYTES.has(op) && n >= minBytes) return pos;
      pos += n;
      continue;
    }
    const lines = LINE_ARGS.get(op);
    if (lines !== undefined) {
      for (let k = 0; k < lines; k++) {
        const nl = head.indexOf(0x0a, pos);
        if (nl < 0) return undefined;
        pos = nl + 1;
      }
      continue;
    }
    if (!NO_ARG.has(op)) return undefined;
  }
  return undefined;
}
