/**
 * Raw, sliced dataset I/O through the wasm heap. Every read or write is split into C-order blocks of at most
 * `sliceBytes`, so datasets far larger than the 2 GiB heap (or HDF5's ~1 GiB per call) pass through in pieces.
 */
import { FormatUnavailableError } from '../../errors.js';
import { h5call, type H5Module } from './_h5wasm.js';
import type { WriteType } from './types.js';

export interface Block {
  /** Offset of the block inside the selected region, per dimension. */
  offset: number[];
  count: number[];
  /** Index of the block's first element in the region's C order. */
  flatStart: number;
  elements: number;
}

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/**
 * Split a region of `shape` into contiguous C-order blocks of at most `limitBytes`: whole trailing dimensions,
 * a run along the first dimension whose trailing block still fits, single indices before it.
 */
export function* blocks(shape: readonly number[], itemsize: number, limitBytes: number): Generator<Block> {
  const total = product(shape);
  if (total === 0) return;
  if (shape.length === 0) {
    yield { offset: [], count: [], flatStart: 0, elements: 1 };
    return;
  }
  let axis = 0;
  while (axis < shape.length - 1 && product(shape.slice(axis + 1)) * itemsize > limitBytes) axis++;
  const inner = product(shape.slice(axis + 1));
  const run = Math.max(1, Math.floor(limitBytes / (inner * itemsize)));
  const outer = product(shape.slice(0, axis));
  const index = new Array<number>(axis).fill(0);
  for (let o = 0; o < outer; o++) {
    for (let start = 0; start < shape[axis]!; start += run) {
      const n = Math.min(run, shape[axis]! - start);
      yield {
        offset: [...index, start, ...new Array<number>(shape.length - axis - 1).fill(0)],
        count: [...new Array<number>(axis).fill(1), n, ...shape.slice(axis + 1)],
        flatStart: (o * shape[axis]! + start) * inner,
        elements: n * inner,
      };
    }
    for (let d = axis - 1; d >= 0; d--) {
      if (++index[d]! < shape[d]!) break;
      index[d] = 0;
    }
  }
}

function malloc(module: H5Module, bytes: number, where: string): number {
  const ptr = module._malloc(Math.max(1, bytes));
  if (ptr === 0) throw new FormatUnavailableError(`the wasm heap cannot hold a ${bytes}-byte buffer`, { format: 'hdf5', path: where, expected: 'a smaller hdf5SliceBytes' });
  return ptr;
}

export interface RawRegion {
  /** Full dataset shape ([] for a scalar dataset). */
  datasetShape: readonly number[];
  start: readonly number[];
  count: readonly number[];
}

/** Read a hyperslab of fixed-size elements (numbers, complex, fixed strings) into `out`, little-endian. */
export function readRaw(module: H5Module, fileId: bigint, path: string, region: RawRegion, itemsize: number, sliceBytes: number, out: Uint8Array): void {
  const big = (a: readonly number[]) => a.map((x) => BigInt(x));
  const limit = Math.max(itemsize, sliceBytes);
  let ptr = 0;
  try {
    for (const block of blocks(region.count, itemsize, limit)) {
      const bytes = block.elements * itemsize;
      if (ptr === 0) ptr = malloc(module, Math.min(limit, product(region.count) * itemsize), path);
      h5call(`reading ${path}`, { path }, () => {
        if (region.datasetShape.length === 0) module.get_dataset_data(fileId, path, null, null, null, BigInt(ptr));
        else {
          const offset = block.offset.map((o, d) => o + region.start[d]!);
          module.get_dataset_data(fileId, path, big(block.count), big(offset), big(block.count.map(() => 1)), BigInt(ptr));
        }
      });
      out.set(module.HEAPU8.subarray(ptr, ptr + bytes), block.flatStart * itemsize);
    }
  } finally {
    if (ptr !== 0) module._free(ptr);
  }
}

export interface CreateOptions {
  chunks: number[] | null;
  /** gzip level; 0 = no compression filter. */
  level: number;
  sliceBytes: number;
}

function writeMetadata(type: WriteType, shape: readonly number[], maxshape: readonly number[], options: CreateOptions): unknown {
  const { marker: _marker, ...h5type } = type;
  return {
    ...h5type,
    shape: shape.map((d) => BigInt(d)),
    maxshape: maxshape.map((d) => BigInt(d)),
    chunks: options.chunks?.map((d) => BigInt(d)) ?? null,
    compression: options.chunks !== null && options.level > 0 ? 1 : 0,
    compression_opts: options.chunks !== null && options.level > 0 ? [options.level] : [],
    track_order: false,
  };
}

/**
 * Create a dataset of fixed-size elements from little-endian bytes. Data larger than one slice is written by
 * creating the chunked dataset empty along axis 0, extending it to its full (fixed) size, then writing blocks.
 */
export function createRaw(module: H5Module, fileId: bigint, path: string, type: WriteType, shape: readonly number[], data: Uint8Array, options: CreateOptions): void {
  const create = (ptr: number, initial: readonly number[]) =>
    h5call(`creating dataset ${path}`, { path }, () => module.create_dataset(fileId, path, BigInt(ptr), writeMetadata(type, initial, shape, options) as never));
  if (data.byteLength <= options.sliceBytes || shape.length === 0) {
    const ptr = malloc(module, data.byteLength, path);
    try {
      module.HEAPU8.set(data, ptr);
      create(ptr, shape);
    } finally {
      module._free(ptr);
    }
  } else {
    if (options.chunks === null) throw new FormatUnavailableError('large datasets must be chunked to be written in slices', { format: 'hdf5', path });
    const ptr = malloc(module, Math.min(options.sliceBytes, data.byteLength), path);
    try {
      create(ptr, [0, ...shape.slice(1)]);
      h5call(`extending dataset ${path}`, { path }, () => module.resize_dataset(fileId, path, shape.map((d) => BigInt(d))));
      for (const block of blocks(shape, type.size, options.sliceBytes)) {
        const start = block.flatStart * type.size;
        module.HEAPU8.set(data.subarray(start, start + block.elements * type.size), ptr);
        h5call(`writing ${path}`, { path }, () =>
          module.set_dataset_data(fileId, path, block.count.map(BigInt), block.offset.map(BigInt), block.count.map(() => 1n), BigInt(ptr)));
      }
    } finally {
      module._free(ptr);
    }
  }
  // h5wasm reports some filter failures only by leaving the dataset out: check that it exists.
  if (module.get_type(fileId, path) !== module.H5G_DATASET) {
    throw new FormatUnavailableError('HDF5 did not create the dataset', { format: 'hdf5', path, expected: 'a dataset after writing' });
  }
}

/** A chunk shape of about `targetBytes` (h5py-like): halve the largest dimension until it fits. */
export function guessChunks(shape: readonly number[], itemsize: number, targetBytes = 2 ** 20): number[] {
  const chunks = shape.map((d) => Math.max(1, d));
  while (product(chunks) * itemsize > targetBytes) {
    let largest = 0;
    for (let d = 1; d < chunks.length; d++) if (chunks[d]! > chunks[largest]!) largest = d;
    if (chunks[largest]! <= 1) break;
    chunks[largest] = Math.ceil(chunks[largest]! / 2);
  }
  return chunks;
}
