/**
 * Storages and tensors of a torch checkpoint. `_rebuild_tensor_v2(storage, offset, size, stride, …)` gives a
 * TorchTensorRef; at the end of unpickling (once every storage's bytes are known) it becomes a C-order NDArray
 * with `tensor: true`. Views of one storage each get their own copy of exactly the elements they see.
 */
import { CorruptDataError, LimitExceededError, UnsupportedValueError } from '../../errors.js';
import { checkLimit } from '../../limits.js';
import { NDArray, byteswapInPlace, copyBytes, itemsize, typedFromBytes, type NDArrayData, type NumericDType } from '../../ndarray.js';
import { describeKind } from '../pickle/numpy.js';
import { PyDict, PyGlobal, type Finalizable, type GlobalHandler } from '../pickle/py-values.js';
import { gatherToCOrder, stridedExtent } from '../_strided.js';
import { STORAGE_DTYPES, TORCH_DTYPE_GLOBALS } from './storage-types.js';

export interface TorchLimits {
  format: string;
  maxElements: number;
  /**
   * A view with repeated (e.g. zero) strides copies storage elements many times; above 1 MiB its bytes may be at
   * most this multiple of the storage's (LoadPolicy.maxDecompressionRatio), or a tiny file becomes gigabytes.
   */
  maxExpansionRatio?: number;
}

const EXPANSION_FLOOR_BYTES = 2 ** 20;

/** One storage record (`data/<key>`); `bytes` is filled when the record is read. */
export class TorchStorage implements Finalizable {
  bytes: Uint8Array | undefined;

  constructor(readonly key: string, readonly dtype: NumericDType, readonly numel: number, private readonly format: string) {}

  /** Install the record's bytes (little-endian after this call). */
  fill(bytes: Uint8Array, bigEndian: boolean): void {
    const width = itemsize(this.dtype);
    if (bytes.length < this.numel * width) {
      throw new CorruptDataError(`torch storage ${this.key} is shorter than its element count`, { format: this.format, path: `data/${this.key}`, expected: `${this.numel * width} bytes`, received: `${bytes.length}` });
    }
    let data = bytes.subarray(0, this.numel * width);
    if (bigEndian) {
      data = copyBytes(data);
      byteswapInPlace(data, this.dtype.startsWith('complex') ? width / 2 : width);
    }
    this.bytes = data;
  }

  elements(): number {
    return this.bytes === undefined ? 0 : this.bytes.length / itemsize(this.dtype);
  }

  /** A storage saved on its own becomes a 1-D tensor of all its elements. */
  finalize(): unknown {
    return new TorchTensorRef(this, 0, [this.numel], [1], { format: this.format, maxElements: Number.MAX_SAFE_INTEGER }).finalize();
  }
}

export class TorchTensorRef implements Finalizable {
  constructor(
    readonly storage: TorchStorage,
    readonly offset: number,
    readonly size: readonly number[],
    readonly stride: readonly number[],
    private readonly limits: TorchLimits,
  ) {}

  finalize(): unknown {
    const { format } = this.limits;
    const { storage, offset, size, stride } = this;
    const where = { format, path: `data/${storage.key}` };
    if (storage.bytes === undefined) throw new CorruptDataError(`torch storage ${storage.key} has no data record`, where);
    const count = size.reduce((a, b) => a * b, 1);
    checkLimit('torch tensor elements', count, this.limits.maxElements, 'maxElements', { format });
    const extent = stridedExtent(size, stride, offset);
    if (extent !== undefined && (extent.min < 0 || extent.max >= storage.elements())) {
      throw new CorruptDataError('torch tensor view reaches outside its storage', { ...where, expected: `element indices 0..${storage.elements() - 1}`, received: `${extent.min}..${extent.max} (offset ${offset}, size [${size}], stride [${stride}])` });
    }
    const width = itemsize(storage.dtype);
    const ratio = this.limits.maxExpansionRatio;
    if (ratio !== undefined && count * width > EXPANSION_FLOOR_BYTES && count * width > Math.max(1, storage.bytes.length) * ratio) {
      throw new LimitExceededError('torch tensor view repeats its storage beyond the load policy (stride-0 expansion)', {
        ...where, expected: `at most ${ratio}× the storage's ${storage.bytes.length} bytes (maxDecompressionRatio)`, received: `${count * width} bytes for size [${size}], stride [${stride}]`,
      });
    }
    const bytes = gatherToCOrder(storage.bytes, width, size, stride, offset);
    if (storage.dtype === 'bool') for (const b of bytes) if (b > 1) throw new CorruptDataError('torch bool tensor holds a byte other than 0 or 1', { ...where, received: String(b) });
    return new NDArray(storage.dtype, [...size], typedFromBytes(storage.dtype, bytes, count) as NDArrayData, { tensor: true });
  }
}

function intTuple(value: unknown, what: string, format: string): number[] {
  const list = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(list) || !list.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
    throw new CorruptDataError(`torch ${what} must be a tuple of non-negative ints`, { format, received: describeKind(value) });
  }
  return list as number[];
}

function rebuildTensor(args: unknown[], limits: TorchLimits): TorchTensorRef {
  const { format } = limits;
  const [storage, offset, size, stride] = args;
  if (!(storage instanceof TorchStorage)) throw new CorruptDataError('torch _rebuild_tensor needs a storage (persistent id)', { format, received: describeKind(storage) });
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) throw new CorruptDataError('torch storage offset must be a non-negative int', { format, received: String(offset) });
  const sizes = intTuple(size, 'size', format);
  const strides = intTuple(stride, 'stride', format);
  if (sizes.length !== strides.length) throw new CorruptDataError('torch size and stride differ in length', { format, received: `${sizes.length} vs ${strides.length}` });
  return new TorchTensorRef(storage, offset as number, sizes, strides, limits);
}

/** Value-only globals: may be referenced (persistent ids, _rebuild_from_type_v2) but not called. */
const REFERENCE_ONLY: GlobalHandler = {};

/** The torch part of the weights-only allowlist. */
export function torchGlobals(limits: TorchLimits): Map<string, GlobalHandler> {
  const { format } = limits;
  const g = new Map<string, GlobalHandler>();
  for (const name of Object.keys(STORAGE_DTYPES)) g.set(name, REFERENCE_ONLY);
  for (const [name, dtype] of Object.entries(TORCH_DTYPE_GLOBALS)) g.set(name, { call: () => { throw new UnsupportedValueError(`torch dtype ${dtype} is not callable`, { format }); } });
  g.set('torch.Tensor', REFERENCE_ONLY);
  g.set('torch.nn.parameter.Parameter', REFERENCE_ONLY);
  const v2: GlobalHandler = { call: (args) => rebuildTensor(args, limits) };
  g.set('torch._utils._rebuild_tensor_v2', v2);
  g.set('torch._utils._rebuild_tensor', v2);
  const parameter: GlobalHandler = {
    call(args) {
      if (!(args[0] instanceof TorchTensorRef)) throw new CorruptDataError('torch _rebuild_parameter needs a tensor', { format, received: describeKind(args[0]) });
      return args[0]; // requires_grad and hooks are training state, not data
    },
  };
  g.set('torch._utils._rebuild_parameter', parameter);
  g.set('torch._utils._rebuild_parameter_with_state', parameter);
  g.set('torch._tensor._rebuild_from_type_v2', {
    call(args) {
      const [fn, type, fnArgs, state] = args;
      const typeName = type instanceof PyGlobal ? type.qualname : describeKind(type);
      if (typeName !== 'torch.Tensor' && typeName !== 'torch.nn.parameter.Parameter') {
        throw new UnsupportedValueError('torch tensor subclasses are not supported', { format, received: typeName });
      }
      if (!(fn instanceof PyGlobal) || fn.handler.call === undefined || !Array.isArray(fnArgs)) throw new CorruptDataError('torch _rebuild_from_type_v2 needs an allowlisted function and its arguments', { format });
      const hasState = state !== null && state !== undefined && !(state instanceof PyDict && state.entries.size === 0);
      if (hasState) throw new UnsupportedValueError('torch tensors with Python attributes are not supported', { format });
      return fn.handler.call(fnArgs);
    },
  });
  g.set('torch.Size', {
    call(args) {
      return intTuple(args[0] ?? [], 'Size', format);
    },
  });
  return g;
}

/**
 * The persistent id of a storage: `('storage', storage_type, key, location, numel[, view_metadata])`.
 * `storages` keeps one TorchStorage per key, so views share it.
 */
export function storageFromPersistentId(pid: unknown, storages: Map<string, TorchStorage>, format: string): TorchStorage {
  if (!Array.isArray(pid) || pid[0] !== 'storage' || pid.length < 5) throw new CorruptDataError("torch persistent id must be ('storage', type, key, location, numel)", { format, received: describeKind(pid) });
  const [, type, key, , numel, view] = pid as unknown[];
  const typeName = type instanceof PyGlobal ? type.qualname : describeKind(type);
  const dtype = STORAGE_DTYPES[typeName];
  if (dtype === undefined) throw new UnsupportedValueError('torch storage type is not supported', { format, expected: Object.keys(STORAGE_DTYPES).join(', '), received: typeName });
  if (typeof key !== 'string' || !/^[\w.-]+$/.test(key)) throw new CorruptDataError('torch storage key must be a plain name', { format, received: String(key) });
  if (!Number.isSafeInteger(numel) || (numel as number) < 0) throw new CorruptDataError('torch storage numel must be a non-negative int', { format, received: String(numel) });
  if (view !== undefined && view !== null) throw new UnsupportedValueError('legacy torch storage views (view_metadata) are not supported', { format, path: key });
  const existing = storages.get(key);
  if (existing !== undefined) {
    if (existing.dtype !== dtype) throw new CorruptDataError('torch storage is used with two different dtypes', { format, path: key, received: `${existing.dtype} and ${dtype}` });
    return existing;
  }
  const storage = new TorchStorage(key, dtype, numel as number, format);
  storages.set(key, storage);
  return storage;
}
