/** One whole HDF5 file → value, in this thread (the decode worker runs this; `openHDF5` has its own handle). */
import type { LoadPolicy } from '../../limits.js';
import type { CustomCodec } from '../../registry.js';
import { h5call, h5wasm } from './_h5wasm.js';
import { readGroup, type ReadContext } from './read.js';
import { assertHDF5Signature } from './signature.js';

export interface ReadFileOptions {
  policy: LoadPolicy;
  codecs: readonly CustomCodec[];
  sliceBytes: number;
  deferJSON?: (text: string, path: string) => unknown;
}

export async function readHDF5File(file: string, options: ReadFileOptions): Promise<unknown> {
  await assertHDF5Signature(file, options.policy);
  const { h5, module } = await h5wasm();
  const handle = h5call('opening the file', {}, () => new h5.File(file, 'r'));
  try {
    const rc: ReadContext = { h5, module, fileId: handle.file_id, ...options };
    return readGroup(rc, '/');
  } finally {
    handle.close();
  }
}
