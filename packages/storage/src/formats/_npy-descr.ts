/** numpy `descr` strings (`<f4`, `|b1`, `<U10`) ↔ our DType, with clear refusals for what has no NDArray form. */
import { CorruptDataError, UnsafeContentError, UnsupportedValueError } from '../errors.js';
import type { DType, NumericDType } from '../ndarray.js';
import { PyTuple, type PyLiteral, type Where } from './_npy-header.js';

export interface NpyElementType {
  dtype: DType;
  littleEndian: boolean;
  /** Bytes per element (for `<U n`: 4·n). */
  itemsize: number;
  descr: string;
}

const KIND_SIZE_TO_DTYPE: Record<string, NumericDType> = {
  b1: 'bool',
  i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
  u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64',
  f2: 'float16', f4: 'float32', f8: 'float64',
  c8: 'complex64', c16: 'complex128',
};

const DTYPE_TO_DESCR: Partial<Record<DType, string>> = {
  bool: '|b1', int8: '|i1', uint8: '|u1',
  int16: '<i2', int32: '<i4', int64: '<i8', uint16: '<u2', uint32: '<u4', uint64: '<u8',
  float16: '<f2', float32: '<f4', float64: '<f8', complex64: '<c8', complex128: '<c16',
};

const KIND_NAMES: Record<string, string> = {
  S: 'byte-string', a: 'byte-string', V: 'void (raw bytes)', M: 'datetime64', m: 'timedelta64',
  f: 'floating-point', c: 'complex', i: 'integer', u: 'unsigned integer', b: 'bool',
};

export function parseDescr(descr: PyLiteral, where: Where): NpyElementType {
  if (Array.isArray(descr)) {
    const fields = descr.map((f) => (f instanceof PyTuple && typeof f.items[0] === 'string' ? f.items[0] : '?'));
    throw new UnsupportedValueError(`npy structured dtype (fields ${fields.join(', ')}) has no NDArray form; save each field as its own array (e.g. npz)`, {
      ...where, expected: 'a simple dtype descr such as <f8', received: `structured dtype with ${descr.length} fields`,
    });
  }
  if (typeof descr !== 'string') throw new CorruptDataError("npy 'descr' is neither a string nor a field list", { ...where, received: String(descr) });
  const m = /^([<>|=])([a-zA-Z?])(\d*)(\[[^\]]*\])?$/.exec(descr);
  if (m === null) throw new CorruptDataError("npy 'descr' is malformed", { ...where, expected: 'e.g. <f4, |b1, <U10', received: descr });
  const [, order, kind, sizeText] = m as unknown as [string, string, string, string];
  const littleEndian = order !== '>'; // '|' = byte order irrelevant, '=' = native (little-endian on every host we run on)
  if (kind === 'O') {
    throw new UnsafeContentError('npy object arrays (descr |O) hold pickled Python objects, and unpickling can run code: refused', {
      ...where, expected: 'a numeric, bool or <U string dtype', received: descr,
    });
  }
  if (m[4] !== undefined) throw new UnsupportedValueError('npy datetime64/timedelta64 arrays have no NDArray form', { ...where, received: descr });
  const size = Number(sizeText);
  if (kind === 'U') {
    if (sizeText === '') throw new CorruptDataError("npy '<U' descr without a length", { ...where, received: descr });
    return { dtype: 'str', littleEndian, itemsize: 4 * size, descr };
  }
  const dtype = KIND_SIZE_TO_DTYPE[`${kind}${sizeText}`];
  if (dtype === undefined) {
    const what = KIND_NAMES[kind] ?? `kind '${kind}'`;
    throw new UnsupportedValueError(`npy ${what} dtype ${descr} has no NDArray form`, {
      ...where, expected: 'b1, i1–i8, u1–u8, f2/f4/f8, c8/c16 or U<n>', received: descr,
    });
  }
  return { dtype, littleEndian, itemsize: size, descr };
}

/** The descr we write for a numeric dtype; undefined when numpy has no such dtype (bfloat16). */
export function descrForDType(dtype: DType): string | undefined {
  return DTYPE_TO_DESCR[dtype];
}
