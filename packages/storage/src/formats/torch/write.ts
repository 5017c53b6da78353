/**
 * Write a torch.save-style zip checkpoint: `archive/data.pkl` (protocol 2, tensors as `_rebuild_tensor_v2` over
 * BINPERSID storages), `archive/data/<key>` raw little-endian storages, `byteorder`, `version`, `.format_version`,
 * `.storage_alignment`. Only values torch's weights-only loader accepts are written. Checked by re-reading with
 * our reader and by the zip layout; NOT checked against a real torch installation (none here).
 */
import { UnsupportedValueError, pathStep } from '../../errors.js';
import type { EncodeContext } from '../../format.js';
import { NDArray, isTypedArray, type NumericDType } from '../../ndarray.js';
import { writeZip, zipParts, type ZipWriteMember } from '../_zip-write.js';
import { pickle } from '../pickle/pickler.js';
import { DTYPE_STORAGES } from './storage-types.js';

const FORMAT = 'torch';
const ARCHIVE = 'archive';

/** Refuse anything a weights-only torch.load would refuse, before writing a byte. */
function checkWeightsOnly(value: unknown, path: string, seen: Set<object>): void {
  if (value === null || value === undefined || ['boolean', 'number', 'bigint', 'string'].includes(typeof value)) return;
  if (typeof value !== 'object') throw new UnsupportedValueError(`torch checkpoints cannot hold a ${typeof value}`, { format: FORMAT, path });
  if (value instanceof NDArray || isTypedArray(value)) {
    const dtype = value instanceof NDArray ? value.dtype : NDArray.from(value).dtype;
    if (dtype === 'str' || DTYPE_STORAGES[dtype as NumericDType] === undefined) {
      throw new UnsupportedValueError(`torch checkpoints cannot hold ${dtype} arrays`, { format: FORMAT, path, expected: Object.keys(DTYPE_STORAGES).join(', ') });
    }
    return;
  }
  if (seen.has(value)) throw new UnsupportedValueError('torch checkpoints cannot hold a cycle', { format: FORMAT, path });
  seen.add(value);
  if (Array.isArray(value)) value.forEach((v, i) => checkWeightsOnly(v, pathStep(path, i), seen));
  else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    for (const [k, v] of Object.entries(value)) checkWeightsOnly(v, pathStep(path, k), seen);
  } else {
    throw new UnsupportedValueError(`torch weights-only checkpoints hold dicts, lists, numbers, str, bool, None and tensors, not ${(value as object).constructor?.name ?? 'this value'}`, { format: FORMAT, path });
  }
  seen.delete(value);
}

/** Storage data starts on 64-byte boundaries, as PyTorch's own writer lays it out (`.storage_alignment`). */
const STORAGE_ALIGNMENT = 64;

export function encodeTorch(value: unknown, _ctx: EncodeContext): Uint8Array {
  return writeZip(torchMembers(value), 0, FORMAT, STORAGE_ALIGNMENT);
}

/** The checkpoint as pieces for `save`: storages are the tensors' own memory. */
export function encodeTorchParts(value: unknown, _ctx: EncodeContext): Uint8Array[] {
  return zipParts(torchMembers(value), 0, FORMAT, STORAGE_ALIGNMENT);
}

function torchMembers(value: unknown): ZipWriteMember[] {
  checkWeightsOnly(value, '$', new Set());
  const keys = new Map<NDArray, string>();
  const records: ZipWriteMember[] = [];
  const data = pickle(value, {
    protocol: 2,
    format: FORMAT,
    tensorStorage(array) {
      let key = keys.get(array);
      if (key === undefined) {
        key = String(keys.size);
        keys.set(array, key);
        records.push({ name: `${ARCHIVE}/data/${key}`, data: array.bytes(), compress: false });
      }
      return { storageType: DTYPE_STORAGES[array.dtype as NumericDType]!, key, numel: array.size };
    },
  });
  const text = (s: string) => new TextEncoder().encode(s);
  return [
    { name: `${ARCHIVE}/data.pkl`, data, compress: false },
    { name: `${ARCHIVE}/.format_version`, data: text('1'), compress: false },
    { name: `${ARCHIVE}/.storage_alignment`, data: text('64'), compress: false },
    { name: `${ARCHIVE}/byteorder`, data: text('little'), compress: false },
    ...records,
    { name: `${ARCHIVE}/version`, data: text('3\n'), compress: false },
  ];
}
