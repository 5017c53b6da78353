/** Numpy / torch dtype spellings ↔ our DType. */
import type { DType } from '../ndarray.js';

const NUMPY_NAMES: Record<string, DType> = {
  bool: 'bool', bool_: 'bool', bool8: 'bool', '?': 'bool', b1: 'bool',
  int8: 'int8', byte: 'int8', i1: 'int8', b: 'int8',
  int16: 'int16', short: 'int16', i2: 'int16', h: 'int16',
  int32: 'int32', intc: 'int32', i4: 'int32', i: 'int32',
  int64: 'int64', int_: 'int64', intp: 'int64', longlong: 'int64', i8: 'int64', q: 'int64', l: 'int64',
  uint8: 'uint8', ubyte: 'uint8', u1: 'uint8', B: 'uint8',
  uint16: 'uint16', ushort: 'uint16', u2: 'uint16', H: 'uint16',
  uint32: 'uint32', uintc: 'uint32', u4: 'uint32', I: 'uint32',
  uint64: 'uint64', uint: 'uint64', uintp: 'uint64', ulonglong: 'uint64', u8: 'uint64', Q: 'uint64', L: 'uint64',
  float16: 'float16', half: 'float16', f2: 'float16', e: 'float16',
  bfloat16: 'bfloat16',
  float32: 'float32', single: 'float32', f4: 'float32', f: 'float32',
  float64: 'float64', double: 'float64', float: 'float64', float_: 'float64', f8: 'float64', d: 'float64',
  complex64: 'complex64', csingle: 'complex64', c8: 'complex64', F: 'complex64',
  complex128: 'complex128', cdouble: 'complex128', complex: 'complex128', complex_: 'complex128', c16: 'complex128', D: 'complex128',
  str: 'str', str_: 'str', unicode: 'str', U: 'str',
};

const TORCH_NAMES: Record<string, DType> = {
  bool: 'bool', uint8: 'uint8', int8: 'int8', int16: 'int16', short: 'int16', int32: 'int32', int: 'int32',
  int64: 'int64', long: 'int64', uint16: 'uint16', uint32: 'uint32', uint64: 'uint64',
  float16: 'float16', half: 'float16', bfloat16: 'bfloat16', float32: 'float32', float: 'float32',
  float64: 'float64', double: 'float64', complex64: 'complex64', cfloat: 'complex64', complex128: 'complex128', cdouble: 'complex128',
};

/** A numpy dtype name or simple descr (`float32`, `<f4`, `|b1`, `<U7`) → DType; undefined if not ours. */
export function dtypeFromNumpyName(name: string): DType | undefined {
  const direct = NUMPY_NAMES[name];
  if (direct !== undefined) return direct;
  const m = /^[<>|=]?([a-zA-Z?])(\d*)$/.exec(name);
  if (m === null) return undefined;
  const [, kind, size] = m;
  if (kind === 'U') return 'str';
  return NUMPY_NAMES[`${kind}${size}`] ?? (size === '' ? NUMPY_NAMES[kind!] : undefined);
}

/** `torch.float32` (or `float32`) → DType. */
export function dtypeFromTorchName(name: string): DType | undefined {
  return TORCH_NAMES[name.replace(/^torch\./, '')];
}

export function torchName(dtype: DType): string {
  return `torch.${dtype}`;
}
