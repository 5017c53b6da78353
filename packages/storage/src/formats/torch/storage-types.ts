/** torch's typed storage classes (as named in checkpoints) and dtype objects ↔ our DType. */
import type { NumericDType } from '../../ndarray.js';

export const STORAGE_DTYPES: Readonly<Record<string, NumericDType>> = {
  'torch.FloatStorage': 'float32',
  'torch.DoubleStorage': 'float64',
  'torch.HalfStorage': 'float16',
  'torch.BFloat16Storage': 'bfloat16',
  'torch.LongStorage': 'int64',
  'torch.IntStorage': 'int32',
  'torch.ShortStorage': 'int16',
  'torch.CharStorage': 'int8',
  'torch.ByteStorage': 'uint8',
  'torch.BoolStorage': 'bool',
  'torch.ComplexFloatStorage': 'complex64',
  'torch.ComplexDoubleStorage': 'complex128',
};

export const DTYPE_STORAGES: Readonly<Partial<Record<NumericDType, string>>> = Object.fromEntries(
  Object.entries(STORAGE_DTYPES).map(([name, dtype]) => [dtype, name.slice('torch.'.length)]),
);

/** `torch.float32` etc. as pickled dtype objects. */
export const TORCH_DTYPE_GLOBALS: Readonly<Record<string, NumericDType>> = {
  'torch.float32': 'float32', 'torch.float64': 'float64', 'torch.float16': 'float16', 'torch.bfloat16': 'bfloat16',
  'torch.int64': 'int64', 'torch.int32': 'int32', 'torch.int16': 'int16', 'torch.int8': 'int8', 'torch.uint8': 'uint8',
  'torch.bool': 'bool', 'torch.complex64': 'complex64', 'torch.complex128': 'complex128',
};
