/**
 * The binary body 'compressed' writes when a value holds large arrays (≥ shuffleMinBytes each): instead of
 * base64 inside JSON (33 % larger and slow to deflate), large arrays are byte-shuffled and appended raw.
 *
 *   "OMEGAZ1\n" · u32 LE skeleton length · skeleton JSON (UTF-8) · blob bytes…
 *   skeleton = { "value": <typed-JSON tree, large arrays as {"encoding":"ref","ref":i}>,
 *                "blobs": [[offset, length, width], …] }   (offsets relative to the first blob byte)
 *
 * Python reads it with: zlib.decompress(base64.b64decode(text)), then the header above, then
 * np.frombuffer(blob.reshape(width, -1).T.copy(), dtype).
 */
import { CorruptDataError } from '../errors.js';
import { itemsize, typedFromBytes, type NDArray, type NDArrayData, type NumericDType } from '../ndarray.js';
import { fromJSONSafe, type TypedJSONDecodeOptions } from '../values/typed-json-decode.js';
import { toJSONSafe, type TypedJSONEncodeOptions } from '../values/typed-json-encode.js';
import { shuffle, unshuffle } from './_shuffle.js';
import { parseJSONText } from './json-text.js';

export const CONTAINER_MAGIC = Buffer.from('OMEGAZ1\n', 'latin1');

/** Encode to a container if some array reaches `minBytes`; otherwise return undefined (plain JSON is used). */
export function encodeContainer(value: unknown, options: TypedJSONEncodeOptions, minBytes: number): Uint8Array | undefined {
  const blobs: Uint8Array[] = [];
  const table: Array<[number, number, number]> = [];
  let offset = 0;
  const tree = toJSONSafe(value, {
    ...options,
    externalize: (arr: NDArray) => {
      if (arr.nbytes < minBytes) return undefined;
      const width = (arr.data as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
      const blob = shuffle(arr.bytes(), width);
      table.push([offset, blob.length, width]);
      blobs.push(blob);
      offset += blob.length;
      return blobs.length - 1;
    },
  });
  if (blobs.length === 0) return undefined;
  const skeleton = Buffer.from(JSON.stringify({ value: tree, blobs: table }), 'utf8');
  const head = Buffer.alloc(CONTAINER_MAGIC.length + 4);
  CONTAINER_MAGIC.copy(head);
  head.writeUInt32LE(skeleton.length, CONTAINER_MAGIC.length);
  return Buffer.concat([head, skeleton, ...blobs]);
}

export function isContainer(bytes: Uint8Array): boolean {
  return bytes.length >= CONTAINER_MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, CONTAINER_MAGIC.length).equals(CONTAINER_MAGIC);
}

export function decodeContainer(bytes: Uint8Array, options: TypedJSONDecodeOptions, format: string): unknown {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = CONTAINER_MAGIC.length + 4;
  if (buf.length < start) throw new CorruptDataError('array container header truncated', { format, offset: buf.length });
  const skeletonLength = buf.readUInt32LE(CONTAINER_MAGIC.length);
  if (start + skeletonLength > buf.length) throw new CorruptDataError('array container skeleton truncated', { format, offset: buf.length, expected: `${start + skeletonLength} bytes` });
  const doc = parseJSONText(buf.toString('utf8', start, start + skeletonLength), options.maxDepth ?? 1000) as { value?: unknown; blobs?: unknown };
  const dataStart = start + skeletonLength;
  const blobs = doc.blobs;
  if (!Array.isArray(blobs)) throw new CorruptDataError('array container without a blob table', { format, path: '$.blobs' });
  return fromJSONSafe(doc.value, {
    ...options,
    inPlace: true,
    resolveRef: (ref: number, dtype: NumericDType, count: number): NDArrayData => {
      const entry = blobs[ref] as unknown;
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((x) => Number.isSafeInteger(x) && x >= 0)) {
        throw new CorruptDataError('array reference to a missing or malformed blob', { format, path: `$.blobs[${ref}]` });
      }
      const [offset, length, width] = entry as [number, number, number];
      const expected = count * itemsize(dtype);
      if (length !== expected || dataStart + offset + length > buf.length || width === 0 || length % width !== 0) {
        throw new CorruptDataError('array blob does not fit its array or the input', { format, path: `$.blobs[${ref}]`, expected: `${expected} bytes within ${buf.length - dataStart}`, received: `${length} bytes at ${offset}` });
      }
      const out = new Uint8Array(length);
      unshuffle(buf.subarray(dataStart + offset, dataStart + offset + length), width, out);
      return typedFromBytes(dtype, out, count) as NDArrayData;
    },
  });
}

