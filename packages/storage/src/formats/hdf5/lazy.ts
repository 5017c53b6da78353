/**
 * Lazy access to an HDF5 file: open it, walk groups, inspect datasets (dtype, shape, attributes) and read only the
 * hyperslabs asked for. Reads larger than one wasm call are split transparently (see raw-io.ts).
 */
import { InvalidArgumentError, StorageError, StorageIOError } from '../../errors.js';
import { resolvePolicy, type LoadPolicy } from '../../limits.js';
import type { DType } from '../../ndarray.js';
import type { Registry } from '../../registry.js';
import { DEFAULT_SLICE_BYTES, h5call, h5wasm } from './_h5wasm.js';
import { childPath } from './layout.js';
import { attributeNames, datasetInfo, readAttribute, readDataset, readGroup, type DatasetInfo, type ReadContext } from './read.js';
import { RESERVED_PREFIX } from './layout.js';
import { assertHDF5Signature } from './signature.js';

export interface HDF5OpenOptions {
  policy?: Partial<LoadPolicy>;
  /** Custom codecs for typed-JSON attributes (default: none). */
  registry?: Registry;
  /** Largest buffer passed through the wasm heap in one call (default 256 MiB). */
  sliceBytes?: number;
}

export interface HDF5GroupHandle {
  readonly kind: 'group';
  readonly path: string;
  /** Names of the group's children (datasets and groups). */
  keys(): string[];
  /** The group's attributes as values (our `_omega_*` markers left out). */
  attrs(): Record<string, unknown>;
  /** A child by relative or absolute path. */
  get(path: string): HDF5GroupHandle | HDF5DatasetHandle;
  /** The whole group as `load` would return it. */
  read(): unknown;
}

export interface HDF5DatasetHandle {
  readonly kind: 'dataset';
  readonly path: string;
  /** Our dtype; 'bytes' for fixed-length ASCII strings (numpy `S`). */
  readonly dtype: DType | 'bytes';
  /** [] for a scalar dataset. */
  readonly shape: readonly number[];
  attrs(): Record<string, unknown>;
  read(): unknown;
  /** Read only the hyperslab [start, stop) per leading dimension; missing dimensions are read whole. */
  slice(ranges: ReadonlyArray<readonly [number, number]>): unknown;
}

export interface HDF5FileHandle extends HDF5GroupHandle {
  readonly file: string;
  close(): void;
}

function attrsOf(rc: ReadContext, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of attributeNames(rc, path)) if (!name.startsWith(RESERVED_PREFIX)) out[name] = readAttribute(rc, path, name);
  return out;
}

function resolve(base: string, path: string): string {
  const joined = path.startsWith('/') ? path : childPath(base, path);
  return joined.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

export async function openHDF5(file: string, options: HDF5OpenOptions = {}): Promise<HDF5FileHandle> {
  await assertHDF5Signature(file);
  const { h5, module } = await h5wasm();
  const handle = h5call('opening the file', { file }, () => new h5.File(file, 'r'));
  const rc: ReadContext = {
    h5, module, fileId: handle.file_id,
    policy: resolvePolicy(options.policy),
    codecs: options.registry?.codecs() ?? [],
    sliceBytes: options.sliceBytes ?? DEFAULT_SLICE_BYTES,
  };
  let open = true;
  const guard = <T>(fn: () => T): T => {
    if (!open) throw new InvalidArgumentError('the HDF5 file handle is closed', { format: 'hdf5', file });
    try {
      return fn();
    } catch (error) {
      throw error instanceof StorageError ? error.locate({ file, format: 'hdf5' }) : error;
    }
  };

  const dataset = (info: DatasetInfo): HDF5DatasetHandle => {
    const shape = info.shape ?? [];
    const dtype = info.type.kind === 'numeric' ? info.type.dtype : info.type.kind === 'fixed-str' && !info.type.utf8 ? 'bytes' : 'str';
    return {
      kind: 'dataset', path: info.path, dtype, shape,
      attrs: () => guard(() => attrsOf(rc, info.path)),
      read: () => guard(() => readDataset(rc, info)),
      slice: (ranges) => guard(() => {
        if (ranges.length > shape.length) throw new InvalidArgumentError('more slice ranges than dimensions', { format: 'hdf5', path: info.path, expected: `at most ${shape.length}`, received: String(ranges.length) });
        const start: number[] = [];
        const count: number[] = [];
        shape.forEach((size, d) => {
          const [a, b] = ranges[d] ?? [0, size];
          if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b < a || b > size) {
            throw new InvalidArgumentError(`slice range for dimension ${d} is out of bounds`, { format: 'hdf5', path: info.path, expected: `0 ≤ start ≤ stop ≤ ${size}`, received: `[${a}, ${b}]` });
          }
          start.push(a);
          count.push(b - a);
        });
        return readDataset(rc, info, { start, count });
      }),
    };
  };

  const group = (path: string): HDF5GroupHandle => ({
    kind: 'group', path,
    keys: () => guard(() => module.get_names(rc.fileId, path, false)),
    attrs: () => guard(() => attrsOf(rc, path)),
    read: () => guard(() => readGroup(rc, path)),
    get: (sub) => guard(() => {
      const target = resolve(path, sub);
      const type = module.get_type(rc.fileId, target);
      if (type === module.H5G_GROUP) return group(target);
      if (type === module.H5G_DATASET) return dataset(datasetInfo(rc, target));
      throw new InvalidArgumentError('no group or dataset at this path', { format: 'hdf5', path: target });
    }),
  });

  return {
    ...group('/'),
    file,
    close: () => {
      if (!open) return;
      open = false;
      const status = handle.close();
      if (status < 0) throw new StorageIOError('closing the HDF5 file failed', { file, format: 'hdf5', received: `status ${status}` });
    },
  };
}

/** Open, run `fn`, and close the file whatever happens. */
export async function withHDF5<T>(file: string, fn: (handle: HDF5FileHandle) => T | Promise<T>, options: HDF5OpenOptions = {}): Promise<T> {
  const handle = await openHDF5(file, options);
  try {
    return await fn(handle);
  } finally {
    handle.close();
  }
}
