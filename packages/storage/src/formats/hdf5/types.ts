/**
 * HDF5 datatypes (h5wasm metadata) ↔ our dtypes. h5wasm 0.10.3 cannot create float16 or enum (h5py bool) types,
 * so bool is written as uint8 and float16/bfloat16 as uint16, each with an `_omega_dtype` attribute; complex is
 * h5py's own {r, i} compound, which h5py reads as complex64/complex128.
 */
import { FormatUnavailableError } from '../../errors.js';
import type { NumericDType } from '../../ndarray.js';
import type { H5Module } from './_h5wasm.js';

/** H5T_class_t values (stable across HDF5 versions). */
export const H5T = { INTEGER: 0, FLOAT: 1, TIME: 2, STRING: 3, BITFIELD: 4, OPAQUE: 5, COMPOUND: 6, REFERENCE: 7, ENUM: 8, VLEN: 9, ARRAY: 10 } as const;
const CLASS_NAMES = ['integer', 'float', 'time', 'string', 'bitfield', 'opaque', 'compound', 'reference', 'enum', 'vlen', 'array'];

export type Metadata = H5Module extends { get_dataset_metadata(...args: never[]): infer M } ? M : never;

export type StoredType =
  | { kind: 'numeric'; dtype: NumericDType; itemsize: number }
  | { kind: 'vlen-str' }
  | { kind: 'fixed-str'; size: number; utf8: boolean; spacePadded: boolean };

const INTS: Record<number, [NumericDType, NumericDType]> = { 1: ['int8', 'uint8'], 2: ['int16', 'uint16'], 4: ['int32', 'uint32'], 8: ['int64', 'uint64'] };
const FLOATS: Record<number, NumericDType> = { 2: 'float16', 4: 'float32', 8: 'float64' };
const MARKED: Record<string, { size: number; dtype: NumericDType }> = { bool: { size: 1, dtype: 'bool' }, float16: { size: 2, dtype: 'float16' }, bfloat16: { size: 2, dtype: 'bfloat16' } };

export function describeType(meta: Metadata): string {
  const name = CLASS_NAMES[meta.type] ?? `class ${meta.type}`;
  if (meta.type === H5T.COMPOUND) return `compound {${(meta.compound_type?.members ?? []).map((m) => `${m.name}: ${describeType(m)}`).join(', ')}}`;
  if (meta.type === H5T.STRING) return `${meta.vlen ? 'variable' : `fixed ${meta.size}-byte`} ${meta.cset === 1 ? 'UTF-8' : 'ASCII'} string`;
  return `${name}${meta.type <= H5T.FLOAT || meta.type === H5T.ENUM ? ` ${meta.size * 8}-bit` : ''}`;
}

function complexOf(meta: Metadata): NumericDType | undefined {
  const members = meta.compound_type?.members;
  if (members === undefined || members.length !== 2) return undefined;
  const [re, im] = members as [Metadata & { name: string; offset: number }, Metadata & { name: string; offset: number }];
  const names = `${re.name},${im.name}`;
  if (names !== 'r,i' && names !== 'real,imag') return undefined;
  if (re.type !== H5T.FLOAT || im.type !== H5T.FLOAT || re.size !== im.size || re.offset !== 0 || im.offset !== re.size || meta.size !== 2 * re.size) return undefined;
  return re.size === 4 ? 'complex64' : re.size === 8 ? 'complex128' : undefined;
}

function isH5pyBool(meta: Metadata): boolean {
  const m = meta.enum_type?.members;
  return m !== undefined && meta.size === 1 && Object.keys(m).length === 2 && m.FALSE === 0 && m.TRUE === 1;
}

/** How to read a dataset or attribute of this type; throws FormatUnavailableError naming the type otherwise. */
export function storedType(meta: Metadata, marked: unknown, where: string): StoredType {
  const unsupported = (why: string) => new FormatUnavailableError(`${describeType(meta)} data is not supported: ${why}`, { format: 'hdf5', path: where, expected: 'integer, float, h5py bool/complex, or string data' });
  switch (meta.type) {
    case H5T.INTEGER: {
      const pair = INTS[meta.size];
      if (pair === undefined) throw unsupported('no matching integer width');
      const mark = typeof marked === 'string' ? MARKED[marked] : undefined;
      if (mark !== undefined && mark.size === meta.size && !meta.signed) return { kind: 'numeric', dtype: mark.dtype, itemsize: meta.size };
      return { kind: 'numeric', dtype: meta.signed ? pair[0] : pair[1], itemsize: meta.size };
    }
    case H5T.FLOAT: {
      const dtype = FLOATS[meta.size];
      if (dtype === undefined) throw unsupported(`no ${meta.size * 8}-bit float dtype`);
      return { kind: 'numeric', dtype, itemsize: meta.size };
    }
    case H5T.ENUM: {
      if (isH5pyBool(meta)) return { kind: 'numeric', dtype: 'bool', itemsize: 1 };
      const pair = INTS[meta.size];
      if (pair === undefined) throw unsupported('no matching integer width for the enum base type');
      return { kind: 'numeric', dtype: meta.signed ? pair[0] : pair[1], itemsize: meta.size };
    }
    case H5T.COMPOUND: {
      const dtype = complexOf(meta);
      if (dtype === undefined) throw unsupported('only the {r, i} compound that h5py uses for complex numbers is read');
      return { kind: 'numeric', dtype, itemsize: meta.size };
    }
    case H5T.STRING:
      if (meta.vlen) return { kind: 'vlen-str' };
      return { kind: 'fixed-str', size: meta.size, utf8: meta.cset === 1, spacePadded: meta.strpad === 2 };
    default:
      throw unsupported('no equivalent in the value model');
  }
}

export interface WriteType {
  type: number;
  size: number;
  signed: boolean;
  vlen: boolean;
  littleEndian: boolean;
  compound_type?: { nmembers: number; members: Array<{ name: string; offset: number; type: number; size: number; signed: boolean; vlen: boolean; littleEndian: boolean }> };
  /** Our dtype, written as `_omega_dtype` because the HDF5 type does not carry it. */
  marker?: string;
}

/** The HDF5 type we write for a numeric dtype. */
export function writeType(dtype: NumericDType): WriteType {
  const base = { vlen: false, littleEndian: true };
  switch (dtype) {
    case 'bool':
      return { ...base, type: H5T.INTEGER, size: 1, signed: false, marker: 'bool' };
    case 'float16':
    case 'bfloat16':
      return { ...base, type: H5T.INTEGER, size: 2, signed: false, marker: dtype };
    case 'float32':
      return { ...base, type: H5T.FLOAT, size: 4, signed: false };
    case 'float64':
      return { ...base, type: H5T.FLOAT, size: 8, signed: false };
    case 'complex64':
    case 'complex128': {
      const part = dtype === 'complex64' ? 4 : 8;
      const member = (name: string, offset: number) => ({ ...base, name, offset, type: H5T.FLOAT, size: part, signed: false });
      return { ...base, type: H5T.COMPOUND, size: 2 * part, signed: false, compound_type: { nmembers: 2, members: [member('r', 0), member('i', part)] } };
    }
    default: {
      const size = { int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8 }[dtype];
      return { ...base, type: H5T.INTEGER, size, signed: dtype.startsWith('int') };
    }
  }
}
