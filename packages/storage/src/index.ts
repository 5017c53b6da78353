export { NDArray, DTYPES, isDType, itemsize, sizeOf, dtypeOfTypedArray, isTypedArray, typedFromBytes, byteswapInPlace,
  float16BitsToNumber, numberToFloat16Bits, bfloat16BitsToNumber, numberToBfloat16Bits } from './ndarray.js';
export type { DType, NumericDType, NDArrayData, NDArrayOptions, TypedArray } from './ndarray.js';
export { DLFriendlyStorage } from './storage.js';
export type { StorageOptions, SaveOptions, LoadOptions, SaveResult } from './storage.js';
export { save, load, inspect, detectFormat, encode, decode, defaultStorage, saveMeshData, loadMeshData, saveAnalysisResults, loadAnalysisResults } from './api.js';
export { toJSONSafe, DEFAULT_LIST_MAX_ELEMENTS } from './values/typed-json-encode.js';
export type { JSONValue, TypedJSONEncodeOptions } from './values/typed-json-encode.js';
export { fromJSONSafe } from './values/typed-json-decode.js';
export type { TypedJSONDecodeOptions } from './values/typed-json-decode.js';
export { PreciseDate, parseIsoDateTime, formatIsoDateTime } from './values/datetime.js';
export { dtypeFromNumpyName, dtypeFromTorchName } from './values/dtype-names.js';
export { createRegistry } from './registry.js';
export type { Registry, CustomCodec } from './registry.js';
export { defaultRegistry, builtinFormats } from './builtins.js';
export type { Format, FormatName, EncodeContext, DecodeContext } from './format.js';
export { DEFAULT_POLICY, resolvePolicy } from './limits.js';
export type { LoadPolicy } from './limits.js';
export { censusArrays } from './auto.js';
export { summarize } from './inspect.js';
export type { InspectNode } from './inspect.js';
export type { AutoRule } from './auto.js';
export { atomicWrite } from './io/atomic.js';
export type { AtomicWriteOptions } from './io/atomic.js';
export {
  StorageError, UnsupportedValueError, CorruptDataError, UnknownFormatError, FormatUnavailableError,
  LimitExceededError, UnsafeContentError, StorageIOError, InvalidArgumentError, DecodeTimeoutError, isStorageError,
} from './errors.js';
export type { StorageErrorCode, StorageErrorContext } from './errors.js';
export { npyFormat, decodeNpy, encodeNpy } from './formats/npy.js';
export type { NpyDecodeOptions } from './formats/npy.js';
export { npzFormat, NpzReader, encodeNpz } from './formats/npz.js';
export type { NpzWriteOptions } from './formats/npz.js';
export { safetensorsFormat, decodeSafetensors, encodeSafetensors } from './formats/safetensors.js';
export type { SafetensorsRecord } from './formats/safetensors.js';
export { SafetensorsFile, openSafetensors } from './formats/safetensors-file.js';
export type { SafetensorsTensorInfo } from './formats/safetensors-file.js';
export { hdf5Format, openHDF5, withHDF5 } from './formats/hdf5/index.js';
export type { HDF5DatasetHandle, HDF5FileHandle, HDF5GroupHandle, HDF5OpenOptions, HDF5WriteOptions } from './formats/hdf5/index.js';
export { pickleFormat } from './formats/pickle/index.js';
export { unpickle } from './formats/pickle/unpickler.js';
export type { UnpickleOptions } from './formats/pickle/unpickler.js';
export { pickle } from './formats/pickle/pickler.js';
export type { PickleWriteOptions } from './formats/pickle/pickler.js';
export { PickledObject } from './formats/pickle/py-values.js';
export { torchFormat } from './formats/torch/index.js';
