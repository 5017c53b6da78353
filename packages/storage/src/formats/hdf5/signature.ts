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
    const head = Buffer.alloc(8);
    for (let offset = 0; offset + 8 <= size; offset = offset === 0 ? 512 : offset * 2) {
      await handle.read(head, 0, 8, offset);
      if (hasSignatureAt(head, 0)) return;
    }
    throw new CorruptDataError('not an HDF5 file', { file, format: 'hdf5', offset: 0, expected: 'the HDF5 signature 89 48 44 46 0d 0a 1a 0a', received: size === 0 ? 'an empty file' : `${size} bytes without it` });
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageIOError(`cannot read ${file}: ${(error as Error).message}`, { file, format: 'hdf5', cause: error });
  } finally {
    await handle?.close();
  }
}
