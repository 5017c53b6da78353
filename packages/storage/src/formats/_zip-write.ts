/**
 * The zip writer for npz and torch checkpoints, by hand rather than fflate's zipSync: a stored member is written
 * as the caller's bytes themselves (a header, then the array data, no concatenated copy) and checksummed with
 * Node's native CRC-32 — fflate's JavaScript CRC and copying made a 100 MB npz/torch save ~5× slower
 * (bench/npy-safetensors.mjs, bench/pickle-torch.mjs). No zip64: members and archive stay below 4 GiB, ≤ 65,535 members.
 */
import zlib from 'node:zlib';
import { FormatUnavailableError, UnsupportedValueError } from '../errors.js';
import { concatBytes } from '../ndarray.js';
import { SIG_CENTRAL, SIG_EOCD, SIG_LOCAL } from './_zip.js';

export interface ZipWriteMember {
  name: string;
  /** The member's bytes, possibly in pieces written back to back. */
  data: Uint8Array | readonly Uint8Array[];
  /** Deflate this member (true) or store it (false). */
  compress: boolean;
}


const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const ZIP32_LIMIT = 0xffffffff;
const MAX_MEMBERS = 0xffff;
/** DOS date of 1980-01-01 (time 00:00): fixed, so the same members always give the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Extra-field id of the alignment padding (PyTorch's writer pads the same way, with id "FB"). */
const PADDING_ID = 0x4246;

interface Prepared {
  nameBytes: Uint8Array;
  utf8Name: boolean;
  method: number;
  crc: number;
  size: number;
  body: readonly Uint8Array[];
  bodySize: number;
  offset: number;
  extra: number;
}

/**
 * The archive as pieces to write back to back (stored member data is the caller's memory, not a copy). `level`:
 * zlib level for deflated members; `dataAlignment`: start every member's data at a multiple of this many bytes
 * (padding in the local header's extra field).
 */
export function zipParts(members: readonly ZipWriteMember[], level: number, format: string, dataAlignment?: number): Uint8Array[] {
  if (members.length > MAX_MEMBERS) throw new FormatUnavailableError(`zip writer does not write zip64: at most ${MAX_MEMBERS} members`, { format, received: `${members.length} members` });
  const seen = new Set<string>();
  const out: Uint8Array[] = [];
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const m of members) {
    if (seen.has(m.name)) throw new UnsupportedValueError('duplicate zip member name', { format, path: m.name });
    seen.add(m.name);
    const pieces = m.data instanceof Uint8Array ? [m.data] : m.data;
    let crc = 0;
    let size = 0;
    for (const p of pieces) {
      // Skipping empty pieces is not only faster: Node 20's zlib.crc32 returns 0, not the running value, for a
      // view of a zero-length ArrayBuffer.
      if (p.length === 0) continue;
      crc = zlib.crc32(p, crc);
      size += p.length;
    }
    const body = m.compress ? [zlib.deflateRawSync(pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces), { level: Math.min(9, Math.max(1, level)) })] : pieces;
    const bodySize = m.compress ? body[0]!.length : size;
    const nameBytes = Buffer.from(m.name, 'utf8');
    const headerEnd = offset + LOCAL_HEADER + nameBytes.length;
    const extra = dataAlignment === undefined ? 0 : 4 + ((dataAlignment - ((headerEnd + 4) % dataAlignment)) % dataAlignment);
    const item: Prepared = { nameBytes, utf8Name: /[^\x20-\x7e]/.test(m.name), method: m.compress ? 8 : 0, crc, size, body, bodySize, offset, extra };
    if (size >= ZIP32_LIMIT || headerEnd + extra + bodySize >= ZIP32_LIMIT) {
      throw new FormatUnavailableError('zip writer does not write zip64: archives are limited to 4 GiB', { format, path: m.name, received: `${headerEnd + extra + bodySize} bytes` });
    }
    out.push(localHeader(item), ...body);
    prepared.push(item);
    offset = headerEnd + extra + bodySize;
  }
  const centralStart = offset;
  for (const item of prepared) {
    const header = centralHeader(item);
    out.push(header);
    offset += header.length;
  }
  if (offset >= ZIP32_LIMIT) throw new FormatUnavailableError('zip writer does not write zip64: archives are limited to 4 GiB', { format, received: `${offset} bytes` });
  out.push(endRecord(prepared.length, offset - centralStart, centralStart));
  return out;
}

/** The archive as one buffer. */
export function writeZip(members: readonly ZipWriteMember[], level: number, format: string, dataAlignment?: number): Uint8Array {
  return concatBytes(zipParts(members, level, format, dataAlignment));
}

function commonFields(view: DataView, at: number, item: Prepared): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, item.utf8Name ? 0x0800 : 0, true); // bit 11: the name is UTF-8
  view.setUint16(at + 4, item.method, true);
  view.setUint16(at + 6, 0, true); // time 00:00:00
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, item.crc, true);
  view.setUint32(at + 14, item.bodySize, true);
  view.setUint32(at + 18, item.size, true);
  view.setUint16(at + 22, item.nameBytes.length, true);
}

function localHeader(item: Prepared): Uint8Array {
  const bytes = new Uint8Array(LOCAL_HEADER + item.nameBytes.length + item.extra);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, SIG_LOCAL, true);
  commonFields(view, 4, item);
  view.setUint16(28, item.extra, true);
  bytes.set(item.nameBytes, LOCAL_HEADER);
  if (item.extra > 0) {
    const at = LOCAL_HEADER + item.nameBytes.length;
    view.setUint16(at, PADDING_ID, true);
    view.setUint16(at + 2, item.extra - 4, true); // zero bytes follow
  }
  return bytes;
}

function centralHeader(item: Prepared): Uint8Array {
  const bytes = new Uint8Array(CENTRAL_HEADER + item.nameBytes.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, SIG_CENTRAL, true);
  view.setUint16(4, 20, true); // version made by: 2.0, MS-DOS attributes
  commonFields(view, 6, item);
  // extra length, comment length, disk number, internal and external attributes: all 0
  view.setUint32(42, item.offset, true);
  bytes.set(item.nameBytes, CENTRAL_HEADER);
  return bytes;
}

function endRecord(count: number, centralSize: number, centralStart: number): Uint8Array {
  const bytes = new Uint8Array(END_RECORD);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, SIG_EOCD, true);
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, centralStart, true);
  return bytes;
}
