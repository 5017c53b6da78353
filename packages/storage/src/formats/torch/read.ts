/** Read torch.save checkpoints safely: zip archives (`<name>/data.pkl` + `data/<key>`) and the legacy stream. */
import { CorruptDataError, UnsupportedValueError } from '../../errors.js';
import type { DecodeContext } from '../../format.js';
import { itemsize } from '../../ndarray.js';
import { ZipReader } from '../_zip.js';
import { finalizeValue } from '../pickle/finalize.js';
import { describeKind } from '../pickle/numpy.js';
import { unpickleAt, type UnpickleOptions } from '../pickle/unpickler.js';
import { storageFromPersistentId, torchGlobals, type TorchStorage } from './tensor.js';

const FORMAT = 'torch';
/** torch's legacy serialization magic number (pickled as the first LONG1). */
const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const LEGACY_PROTOCOL = 1001;

function pickleOptions(ctx: DecodeContext, storages: Map<string, TorchStorage>, onStorage: (s: TorchStorage) => void): UnpickleOptions {
  const limits = { format: FORMAT, maxElements: ctx.policy.maxElements, maxExpansionRatio: ctx.policy.maxDecompressionRatio };
  return {
    format: FORMAT,
    raw: true,
    allowedGlobals: ctx.policy.allowedPickleGlobals,
    extraGlobals: torchGlobals(limits),
    maxDepth: ctx.policy.maxDepth,
    maxElements: ctx.policy.maxElements,
    persistentLoad(pid) {
      const storage = storageFromPersistentId(pid, storages, FORMAT);
      onStorage(storage);
      return storage;
    },
  };
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readTorchZip(bytes: Uint8Array, ctx: DecodeContext): unknown {
  const zip = ZipReader.open(bytes, { policy: ctx.policy, format: FORMAT });
  const pkl = zip.entries.find((e) => /^([^/]+\/)?data\.pkl$/.test(e.name));
  if (pkl === undefined) throw new CorruptDataError('zip archive has no <name>/data.pkl: not a torch checkpoint', { format: FORMAT, expected: 'a torch.save archive' });
  const prefix = pkl.name.slice(0, -'data.pkl'.length);
  const order = zip.entry(`${prefix}byteorder`);
  const byteorder = order === undefined ? 'little' : new TextDecoder().decode(zip.read(order)).trim();
  if (byteorder !== 'little' && byteorder !== 'big') throw new CorruptDataError('torch byteorder record must be little or big', { format: FORMAT, path: `${prefix}byteorder`, received: JSON.stringify(byteorder.slice(0, 20)) });
  const storages = new Map<string, TorchStorage>();
  const options = pickleOptions(ctx, storages, (storage) => {
    if (storage.bytes !== undefined) return;
    const name = `${prefix}data/${storage.key}`;
    if (zip.entry(name) === undefined) throw new CorruptDataError('torch checkpoint lacks a storage record', { format: FORMAT, path: name });
    storage.fill(zip.read(name), byteorder === 'big');
  });
  const { value } = unpickleAt(zip.read(pkl), 0, options);
  return finalizeValue(value, { format: FORMAT, maxDepth: ctx.policy.maxDepth });
}

/** Pre-zip torch.save (torch < 1.6): magic, protocol, sys info, the object pickle, the storage keys, then raw storages. */
export function readTorchLegacy(bytes: Uint8Array, ctx: DecodeContext): unknown {
  const plain: UnpickleOptions = { format: FORMAT, maxDepth: ctx.policy.maxDepth, maxElements: ctx.policy.maxElements };
  const magic = unpickleAt(bytes, 0, plain);
  if (magic.value !== LEGACY_MAGIC) throw new CorruptDataError('not a legacy torch file: magic number differs', { format: FORMAT, offset: 0 });
  const protocol = unpickleAt(bytes, magic.end, plain);
  if (protocol.value !== LEGACY_PROTOCOL) throw new UnsupportedValueError('legacy torch protocol version not supported', { format: FORMAT, expected: String(LEGACY_PROTOCOL), received: String(protocol.value) });
  const sysInfo = unpickleAt(bytes, protocol.end, plain);
  const littleEndian = (sysInfo.value as { little_endian?: unknown } | null)?.little_endian !== false;
  const storages = new Map<string, TorchStorage>();
  const main = unpickleAt(bytes, sysInfo.end, pickleOptions(ctx, storages, () => undefined));
  const keys = unpickleAt(bytes, main.end, plain);
  if (!Array.isArray(keys.value) || !keys.value.every((k) => typeof k === 'string')) throw new CorruptDataError('legacy torch storage key list must be a list of str', { format: FORMAT, offset: main.end, received: describeKind(keys.value) });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = keys.end;
  for (const key of keys.value as string[]) {
    const storage = storages.get(key);
    if (storage === undefined) throw new CorruptDataError('legacy torch file lists a storage no tensor uses', { format: FORMAT, path: key, offset: at });
    if (at + 8 > bytes.length) throw new CorruptDataError('legacy torch file is truncated in a storage header', { format: FORMAT, path: key, offset: at, expected: '8 bytes' });
    const numel = view.getBigInt64(at, littleEndian);
    const length = Number(numel) * itemsize(storage.dtype);
    if (numel < 0n || at + 8 + length > bytes.length) throw new CorruptDataError('legacy torch file is truncated in a storage', { format: FORMAT, path: key, offset: at, expected: `${length} bytes`, received: `${bytes.length - at - 8}` });
    storage.fill(bytes.subarray(at + 8, at + 8 + length), !littleEndian);
    at += 8 + length;
  }
  return finalizeValue(main.value, { format: FORMAT, maxDepth: ctx.policy.maxDepth });
}
