/**
 * A guarded zip reader, shared by npz and torch checkpoints (the writer is _zip-write.ts).
 *
 * Reading trusts only the central directory (numpy's zip64 local headers carry 0xFFFFFFFF sizes), checks that member
 * ranges lie inside the file and do not overlap (the overlapping-member zip bomb), refuses encryption and multi-disk
 * archives, and inflates one member at a time on request. Before inflating, the declared size is checked against
 * the load policy (maxDecompressedBytes, maxDecompressionRatio); while inflating, output beyond the declared size stops
 * the stream; afterwards size and CRC-32 must match.
 */
import zlib from 'node:zlib';
import { Inflate } from 'fflate';
import { CorruptDataError, FormatUnavailableError, LimitExceededError, UnsupportedValueError } from '../errors.js';
import type { LoadPolicy } from '../limits.js';

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** Uncompressed size as declared by the central directory. */
  readonly size: number;
  readonly crc32: number;
  /** Offset of the member's data (after its local header) in the archive. */
  readonly dataOffset: number;
}

export interface ZipReadOptions {
  policy: LoadPolicy;
  /** Format name for error messages ('npz', 'torch'). */
  format: string;
}

/** Record signatures (APPNOTE 4.3), shared with the writer. */
export const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_LOCAL = 0x04034b50;
/** Ratio caps apply to members that inflate above this many bytes (as in the zlib formats). */
const RATIO_FLOOR_BYTES = 2 ** 20;
const INFLATE_SLICE = 64 * 1024;

export class ZipReader {
  readonly entries: readonly ZipEntry[];
  readonly #bytes: Uint8Array;
  readonly #options: ZipReadOptions;
  readonly #byName: Map<string, ZipEntry>;
  /** Members inflated so far and their total size: maxDecompressedBytes bounds the archive, not only each member. */
  readonly #inflated = new Set<ZipEntry>();
  #inflatedBytes = 0;

  private constructor(bytes: Uint8Array, entries: ZipEntry[], options: ZipReadOptions) {
    this.#bytes = bytes;
    this.entries = Object.freeze(entries);
    this.#options = options;
    this.#byName = new Map(entries.map((e) => [e.name, e]));
  }

  /** Parse the central directory (no member is decompressed). */
  static open(bytes: Uint8Array, options: ZipReadOptions): ZipReader {
    return new ZipReader(bytes, readCentralDirectory(bytes, options.format), options);
  }

  entry(name: string): ZipEntry | undefined {
    return this.#byName.get(name);
  }

  /** The member's bytes: stored members share memory with the archive; deflated ones are inflated under the guards. */
  read(nameOrEntry: string | ZipEntry): Uint8Array {
    const entry = typeof nameOrEntry === 'string' ? this.#byName.get(nameOrEntry) : nameOrEntry;
    const { format, policy } = this.#options;
    if (entry === undefined) throw new CorruptDataError('zip member not found', { format, path: String(nameOrEntry) });
    const where = { format, path: entry.name };
    if (entry.size > policy.maxDecompressedBytes) {
      throw new LimitExceededError('zip member is larger than the load policy allows', { ...where, expected: `at most ${policy.maxDecompressedBytes} bytes (maxDecompressedBytes)`, received: `${entry.size} declared` });
    }
    const raw = this.#bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (entry.size !== entry.compressedSize) {
        throw new CorruptDataError('stored zip member sizes disagree', { ...where, expected: `${entry.compressedSize} bytes`, received: `${entry.size} declared uncompressed` });
      }
      out = raw;
    } else if (entry.method === 8) {
      if (entry.size > RATIO_FLOOR_BYTES && entry.size > Math.max(1, entry.compressedSize) * policy.maxDecompressionRatio) {
        throw new LimitExceededError('zip member compression ratio exceeds the load policy (possible zip bomb)', {
          ...where, expected: `at most ${policy.maxDecompressionRatio}:1 (maxDecompressionRatio)`, received: `${entry.size} from ${entry.compressedSize} bytes`,
        });
      }
      if (!this.#inflated.has(entry) && this.#inflatedBytes + entry.size > policy.maxDecompressedBytes) {
        throw new LimitExceededError('zip members inflate past the load policy together (many-member zip bomb)', {
          ...where, expected: `at most ${policy.maxDecompressedBytes} bytes for the whole archive (maxDecompressedBytes)`, received: `${this.#inflatedBytes} bytes inflated before this member's ${entry.size}`,
        });
      }
      out = inflateExactly(raw, entry.size, where);
      if (!this.#inflated.has(entry)) {
        this.#inflated.add(entry);
        this.#inflatedBytes += entry.size;
      }
    } else {
      throw new UnsupportedValueError('zip compression method not supported', { ...where, expected: '0 (stored) or 8 (deflated)', received: `${entry.method}` });
    }
    const crc = crc32(out);
    if (crc !== entry.crc32) {
      throw new CorruptDataError('zip member fails its CRC-32 check', { ...where, expected: hex32(entry.crc32), received: hex32(crc) });
    }
    return out;
  }
}

function inflateExactly(raw: Uint8Array, size: number, where: { format: string; path: string }): Uint8Array {
  const out = new Uint8Array(size);
  let filled = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (filled + chunk.length > size) {
      throw new CorruptDataError('zip member inflates to more than its declared size (possible zip bomb)', { ...where, expected: `${size} bytes`, received: `more than ${size}` });
    }
    out.set(chunk, filled);
    filled += chunk.length;
    if (final) finished = true;
  });
  try {
    if (raw.length === 0) inflater.push(raw, true);
    for (let i = 0; i < raw.length; i += INFLATE_SLICE) inflater.push(raw.subarray(i, i + INFLATE_SLICE), i + INFLATE_SLICE >= raw.length);
  } catch (cause) {
    if (cause instanceof CorruptDataError) throw cause;
    throw new CorruptDataError(`zip member's deflate stream is corrupt: ${(cause as Error).message}`, { ...where, cause });
  }
  if (!finished || filled !== size) {
    throw new CorruptDataError('zip member inflates to a different size than declared', { ...where, expected: `${size} bytes`, received: `${filled}${finished ? '' : ' (stream did not end)'}` });
  }
  return out;
}

function readCentralDirectory(bytes: Uint8Array, format: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (what: string, offset: number, extra: { expected?: string; received?: string } = {}): never => {
    throw new CorruptDataError(`zip: ${what}`, { format, offset, ...extra });
  };
  if (bytes.length < 22) fail('archive too short for an end-of-central-directory record', 0, { expected: 'at least 22 bytes', received: `${bytes.length}` });
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === SIG_EOCD && p + 22 + view.getUint16(p + 20, true) <= bytes.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) fail('no end-of-central-directory record (truncated or not a zip)', bytes.length);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw new UnsupportedValueError('multi-disk zip archives are not supported', { format, offset: eocd });
  }
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== SIG_ZIP64_LOCATOR) fail('zip64 fields without a zip64 locator', eocd);
    const z = safeU64(view, loc + 8, fail);
    if (z + 56 > bytes.length || view.getUint32(z, true) !== SIG_ZIP64_EOCD) fail('zip64 end-of-central-directory record missing', z);
    count = safeU64(view, z + 32, fail);
    cdSize = safeU64(view, z + 40, fail);
    cdOffset = safeU64(view, z + 48, fail);
  }
  if (cdOffset + cdSize > bytes.length) fail('central directory lies outside the archive', cdOffset, { expected: `end ≤ ${bytes.length}`, received: `${cdOffset + cdSize}` });
  if (count > cdSize / 46) fail('central directory is too small for its entry count', cdOffset, { received: `${count} entries in ${cdSize} bytes` });

  const entries: ZipEntry[] = [];
  const ranges: Array<[number, number, string]> = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== SIG_CENTRAL) fail(`central directory entry ${i} is malformed`, p);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let csize = view.getUint32(p + 20, true);
    let usize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const next = p + 46 + nameLen + extraLen + commentLen;
    if (next > cdOffset + cdSize) fail(`central directory entry ${i} overruns the directory`, p);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? utf8(nameBytes, format, p + 46) : Buffer.from(nameBytes).toString('latin1');
    // zip64 extra field: the 0xFFFFFFFF fields, in the order usize, csize, offset.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (e + 4 + len > extraEnd) fail(`extra field of ${name} overruns`, e);
      if (id === 0x0001) {
        let q = e + 4;
        const take = () => {
          if (q + 8 > e + 4 + len) fail(`zip64 extra field of ${name} is too short`, q);
          const v = safeU64(view, q, fail);
          q += 8;
          return v;
        };
        if (usize === 0xffffffff) usize = take();
        if (csize === 0xffffffff) csize = take();
        if (localOffset === 0xffffffff) localOffset = take();
      }
      e += 4 + len;
    }
    if (flags & 0x1) throw new UnsupportedValueError('encrypted zip members are not supported', { format, path: name });
    if (names.has(name)) fail(`duplicate member name ${JSON.stringify(name)}`, p);
    names.add(name);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== SIG_LOCAL) fail(`local header of ${name} is missing`, localOffset);
    const localNameLen = view.getUint16(localOffset + 26, true);
    const localExtraLen = view.getUint16(localOffset + 28, true);
    const dataOffset = localOffset + 30 + localNameLen + localExtraLen;
    const dataEnd = dataOffset + csize;
    if (dataEnd > cdOffset) fail(`data of ${name} runs past the start of the central directory (truncated?)`, dataOffset, { expected: `end ≤ ${cdOffset}`, received: `${dataEnd}` });
    if (localNameLen !== nameLen || Buffer.compare(bytes.subarray(localOffset + 30, localOffset + 30 + localNameLen), nameBytes) !== 0) {
      fail(`local header name differs from the central directory for ${name}`, localOffset);
    }
    ranges.push([localOffset, dataEnd, name]);
    entries.push({ name, method, compressedSize: csize, size: usize, crc32: crc, dataOffset });
    p = next;
  }
  ranges.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < ranges.length; k++) {
    if (ranges[k]![0] < ranges[k - 1]![1]) fail(`members ${ranges[k - 1]![2]} and ${ranges[k]![2]} overlap (possible zip bomb)`, ranges[k]![0]);
  }
  return entries;
}

function safeU64(view: DataView, offset: number, fail: (what: string, offset: number) => never): number {
  const v = view.getBigUint64(offset, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail('zip64 value out of range', offset);
  return Number(v);
}

function utf8(b: Uint8Array, format: string, offset: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch (cause) {
    throw new CorruptDataError('zip member name is not valid UTF-8', { format, offset, cause });
  }
}

let crcTable: Uint32Array | undefined;
/** CRC-32 (IEEE), native where Node has it (20.15+). */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (typeof native === 'function') return native(data) >>> 0;
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function hex32(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
