/** The HDF5 format signature: `\x89HDF\r\n\x1a\n` at offset 0, 512, 1024, 2048, … (after a user block). */
import { promises as fs } from 'node:fs';
import { CorruptDataError, StorageError, StorageIOError } from '../../errors.js';
import { checkLimit, type LoadPolicy } from '../../limits.js';

export const HDF5_SIGNATURE = Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);

export function hasSignatureAt(bytes: Uint8Array, offset: number): boolean {
  if (bytes.length < offset + HDF5_SIGNATURE.length) return false;
  for (let i = 0; i < HDF5_SIGNATURE.length; i++) if (bytes[offset + i] !== HDF5_SIGNATURE[i]) return false;
  return true;
}

/** Refuse a file that is missing, too large for the policy, or carries no HDF5 signature, before HDF5 sees it. */
export async function assertHDF5Signature(file: string, policy?: LoadPolicy): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    if (policy !== undefined) checkLimit('file size', size, policy.maxInputBytes, 'maxInputBytes', { format: 'hdf5' });
    const head = Buffer.alloc(64);
    for (let offset = 0; offset + 8 <= size; offset = offset === 0 ? 512 : offset * 2) {
      const { bytesRead } = await handle.read(head, 0, 64, offset);
      if (hasSignatureAt(head, 0)) {
        checkSuperblock(head.subarray(0, bytesRead), offset, size, file);
        return;
      }
    }
    throw new CorruptDataError('not an HDF5 file', { file, format: 'hdf5', offset: 0, expected: 'the HDF5 signature 89 48 44 46 0d 0a 1a 0a', received: size === 0 ? 'an empty file' : `${size} bytes without it` });
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageIOError(`cannot read ${file}: ${(error as Error).message}`, { file, format: 'hdf5', cause: error });
  } finally {
    await handle?.close();
  }
}

/**
 * Refuse a truncated file ourselves: HDF5 detects it too, but its error unwinds through the C library by a JS
 * exception, which leaks library state (thousands of such failures abort the wasm module).
 */
function checkSuperblock(sb: Uint8Array, at: number, size: number, file: string): void {
  const bad = (message: string, extra: { expected?: string; received?: string } = {}) =>
    new CorruptDataError(message, { file, format: 'hdf5', offset: at, ...extra });
  if (sb.length < 12) throw bad('truncated HDF5 superblock', { expected: 'at least 12 bytes after the signature', received: `${sb.length}` });
  const version = sb[8]!;
  let offsetSize: number;
  let baseAt: number;
  let eofAt: number;
  if (version === 0 || version === 1) {
    offsetSize = sb[13]!;
    baseAt = version === 0 ? 24 : 28;
    eofAt = baseAt + 2 * offsetSize;
  } else if (version === 2 || version === 3) {
    offsetSize = sb[9]!;
    baseAt = 12;
    eofAt = baseAt + 2 * offsetSize;
  } else throw bad('unsupported HDF5 superblock version', { expected: '0, 1, 2 or 3', received: String(version) });
  if (offsetSize !== 2 && offsetSize !== 4 && offsetSize !== 8) throw bad('invalid size of offsets in the HDF5 superblock', { expected: '2, 4 or 8', received: String(offsetSize) });
  if (sb.length < eofAt + offsetSize) throw bad('truncated HDF5 superblock', { expected: `${eofAt + offsetSize} bytes`, received: `${sb.length}` });
  const read = (pos: number) => {
    let v = 0n;
    for (let i = offsetSize - 1; i >= 0; i--) v = (v << 8n) | BigInt(sb[pos + i]!);
    return v;
  };
  const undefinedAddress = (1n << BigInt(8 * offsetSize)) - 1n;
  const base = read(baseAt);
  const eof = read(eofAt);
  if (base === undefinedAddress || eof === undefinedAddress) throw bad('HDF5 superblock without a base or end-of-file address');
  if (base + eof > BigInt(size)) {
    throw bad('truncated HDF5 file', { expected: `${base + eof} bytes (the superblock's end-of-file address)`, received: `${size} bytes` });
  }
}
