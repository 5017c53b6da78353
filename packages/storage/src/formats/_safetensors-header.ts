/**
 * The safetensors header: `[u64 LE N][N bytes of JSON][data]`, validated like the reference library:
 * N ≤ 100 000 000 and inside the file, UTF-8 JSON object starting with `{`, no duplicate names, `__metadata__` a
 * str→str map, offsets contiguous from 0 and covering the data exactly, byte length = elements × dtype size.
 */
import { CorruptDataError, UnsupportedValueError } from '../errors.js';
import { checkLimit, type LoadPolicy } from '../limits.js';
import type { NumericDType } from '../ndarray.js';

export const MAX_HEADER_BYTES = 100_000_000;
export const METADATA_KEY = '__metadata__';

/** Reference dtype order (the Rust enum order, which its writer sorts by, descending) and sizes. */
const DTYPES: ReadonlyArray<[name: string, size: number, ours: NumericDType | undefined]> = [
  ['BOOL', 1, 'bool'], ['F4', 0.5, undefined], ['F6_E2M3', 0.75, undefined], ['F6_E3M2', 0.75, undefined],
  ['U8', 1, 'uint8'], ['I8', 1, 'int8'], ['F8_E5M2', 1, undefined], ['F8_E4M3', 1, undefined], ['F8_E8M0', 1, undefined],
  ['I16', 2, 'int16'], ['U16', 2, 'uint16'], ['F16', 2, 'float16'], ['BF16', 2, 'bfloat16'],
  ['I32', 4, 'int32'], ['U32', 4, 'uint32'], ['F32', 4, 'float32'], ['C64', 8, 'complex64'],
  ['F64', 8, 'float64'], ['I64', 8, 'int64'], ['U64', 8, 'uint64'],
];
const BY_NAME = new Map(DTYPES.map(([name, size, ours], rank) => [name, { name, size, ours, rank }]));
const BY_OURS = new Map(DTYPES.filter(([, , ours]) => ours !== undefined).map(([name, , ours]) => [ours!, BY_NAME.get(name)!]));

export function safetensorsDType(ours: NumericDType): { name: string; rank: number } | undefined {
  return BY_OURS.get(ours);
}

export interface TensorInfo {
  name: string;
  dtype: NumericDType;
  /** The file's dtype name (F32, BF16, …). */
  fileDtype: string;
  shape: number[];
  /** Offsets relative to the data start, end exclusive. */
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  /** Tensors in header order. */
  tensors: TensorInfo[];
  metadata: Record<string, string> | undefined;
  /** Absolute offset of the data section (8 + N). */
  dataStart: number;
}

/** Read N from the first 8 bytes and check it against the cap and the file length. */
export function readHeaderLength(prefix: Uint8Array, fileLength: number): number {
  if (prefix.length < 8) throw new CorruptDataError('safetensors file shorter than its 8-byte header length', { format: 'safetensors', offset: 0, expected: '8 bytes', received: `${prefix.length}` });
  const n = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_BYTES)) {
    throw new CorruptDataError('safetensors header length exceeds the format cap', { format: 'safetensors', offset: 0, expected: `at most ${MAX_HEADER_BYTES} bytes`, received: `${n}` });
  }
  if (8 + Number(n) > fileLength) {
    throw new CorruptDataError('safetensors header length runs past the end of the file', { format: 'safetensors', offset: 0, expected: `at most ${fileLength - 8} bytes`, received: `${n}` });
  }
  return Number(n);
}

export function parseHeader(headerBytes: Uint8Array, fileLength: number, policy: LoadPolicy): SafetensorsHeader {
  const where = { format: 'safetensors' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(headerBytes);
  } catch (cause) {
    throw new CorruptDataError('safetensors header is not valid UTF-8', { ...where, offset: 8, cause });
  }
  if (!text.startsWith('{')) throw new CorruptDataError("safetensors header does not start with '{'", { ...where, offset: 8, received: JSON.stringify(text.slice(0, 16)) });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CorruptDataError(`safetensors header is not valid JSON: ${(cause as Error).message}`, { ...where, offset: 8, cause });
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new CorruptDataError('safetensors header is not a JSON object', { ...where, offset: 8 });
  const duplicate = firstDuplicateTopLevelKey(text);
  if (duplicate !== undefined) throw new CorruptDataError('safetensors header names a tensor twice', { ...where, path: duplicate, offset: 8 });

  let metadata: Record<string, string> | undefined;
  const tensors: TensorInfo[] = [];
  for (const [name, info] of Object.entries(json as Record<string, unknown>)) {
    if (name === METADATA_KEY) {
      metadata = readMetadata(info);
      continue;
    }
    tensors.push(readTensorInfo(name, info, policy));
  }
  const dataStart = 8 + headerBytes.length;
  const byOffset = [...tensors].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let cursor = 0;
  for (const t of byOffset) {
    if (t.begin !== cursor) {
      throw new CorruptDataError(t.begin < cursor ? 'safetensors tensors overlap' : 'safetensors data has a gap before a tensor', {
        ...where, path: t.name, expected: `data_offsets starting at ${cursor}`, received: `[${t.begin}, ${t.end}]`,
      });
    }
    cursor = t.end;
  }
  if (dataStart + cursor !== fileLength) {
    throw new CorruptDataError('safetensors offsets do not cover the data section exactly', {
      ...where, offset: dataStart, expected: `${fileLength - dataStart} data bytes`, received: `offsets ending at ${cursor}`,
    });
  }
  return { tensors, metadata, dataStart };
}

function readMetadata(info: unknown): Record<string, string> {
  if (info === null || typeof info !== 'object' || Array.isArray(info)) {
    throw new CorruptDataError('safetensors __metadata__ is not an object', { format: 'safetensors', path: METADATA_KEY, expected: 'a str→str map' });
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(info)) {
    if (typeof v !== 'string') throw new CorruptDataError('safetensors __metadata__ values must be strings', { format: 'safetensors', path: `${METADATA_KEY}.${k}`, received: typeof v });
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function readTensorInfo(name: string, info: unknown, policy: LoadPolicy): TensorInfo {
  const where = { format: 'safetensors', path: name };
  const bad = (what: string, received: unknown): never => {
    throw new CorruptDataError(`safetensors tensor entry: ${what}`, { ...where, received: preview(received) });
  };
  if (info === null || typeof info !== 'object' || Array.isArray(info)) return bad('not an object', info);
  const { dtype, shape, data_offsets: offsets } = info as Record<string, unknown>;
  if (typeof dtype !== 'string') return bad('dtype is not a string', dtype);
  const known = BY_NAME.get(dtype);
  if (known === undefined) return bad(`unknown dtype (expected one of ${DTYPES.map((d) => d[0]).join(', ')})`, dtype);
  if (known.ours === undefined) {
    throw new UnsupportedValueError(`safetensors dtype ${dtype} has no NDArray form`, { ...where, expected: 'BOOL, U8–U64, I8–I64, F16, BF16, F32, F64 or C64', received: dtype });
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) return bad('shape is not a list of non-negative integers', shape);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((d) => Number.isSafeInteger(d) && d >= 0)) return bad('data_offsets is not [begin, end]', offsets);
  const [begin, end] = offsets as [number, number];
  if (end < begin) return bad('data_offsets end before they begin', offsets);
  let count = 1;
  for (const d of shape as number[]) count *= d;
  if (!Number.isSafeInteger(count * known.size)) return bad('shape overflows', shape);
  checkLimit('tensor elements', count, policy.maxElements, 'maxElements', where);
  if (count * known.size !== end - begin) {
    throw new CorruptDataError('safetensors tensor byte length does not match dtype × shape', {
      ...where, expected: `${count * known.size} bytes (${dtype} × [${(shape as number[]).join(', ')}])`, received: `${end - begin}`,
    });
  }
  return { name, dtype: known.ours, fileDtype: dtype, shape: shape as number[], begin, end };
}

/** A short rendering of a header value for messages; deeply nested values would overflow JSON.stringify's stack. */
function preview(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return Array.isArray(value) ? `a list of ${value.length}` : typeof value;
  }
}

/** JSON.parse keeps the last of duplicate keys silently; scan the (already valid) text for top-level duplicates. */
function firstDuplicateTopLevelKey(text: string): string | undefined {
  const seen = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (seen.has(key)) return key;
        seen.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) expectKey = true;
  }
  return undefined;
}
