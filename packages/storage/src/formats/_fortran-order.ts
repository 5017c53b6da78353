/** Fortran (column-major) → C (row-major) reordering of element bytes or items. */
import { copyBytes } from '../ndarray.js';

/**
 * Visit every element in C order, passing (C index, Fortran index). An odometer over the shape: the last axis
 * moves fastest in C order, and its Fortran stride is the product of the axes before it.
 */
function forEachFortranIndex(shape: readonly number[], visit: (c: number, f: number) => void): void {
  const nd = shape.length;
  let count = 1;
  for (const d of shape) count *= d;
  if (count === 0) return;
  const stride = new Array<number>(nd);
  let s = 1;
  for (let k = 0; k < nd; k++) {
    stride[k] = s;
    s *= shape[k]!;
  }
  const idx = new Array<number>(nd).fill(0);
  let f = 0;
  for (let c = 0; c < count; c++) {
    visit(c, f);
    for (let k = nd - 1; k >= 0; k--) {
      idx[k]!++;
      f += stride[k]!;
      if (idx[k]! < shape[k]!) break;
      f -= stride[k]! * shape[k]!;
      idx[k] = 0;
    }
  }
}

/** Reorder `width`-byte elements from Fortran to C order into a new buffer. Bits are copied as integers, never as floats. */
export function fortranToCBytes(src: Uint8Array, shape: readonly number[], width: number): Uint8Array {
  const out = new Uint8Array(src.length);
  if (shape.length < 2) {
    out.set(src);
    return out;
  }
  const unit = width % 4 === 0 ? 4 : width % 2 === 0 ? 2 : 1;
  const aligned = src.byteOffset % unit === 0 ? src : copyBytes(src);
  const lanes = width / unit;
  const view = (b: Uint8Array) =>
    unit === 4 ? new Uint32Array(b.buffer, b.byteOffset, b.length / 4) : unit === 2 ? new Uint16Array(b.buffer, b.byteOffset, b.length / 2) : b;
  const from = view(aligned);
  const to = view(out);
  if (lanes === 1) forEachFortranIndex(shape, (c, f) => (to[c] = from[f]!));
  else forEachFortranIndex(shape, (c, f) => to.set(from.subarray(f * lanes, f * lanes + lanes), c * lanes));
  return out;
}

export function fortranToCItems<T>(items: readonly T[], shape: readonly number[]): T[] {
  if (shape.length < 2) return [...items];
  const out = new Array<T>(items.length);
  forEachFortranIndex(shape, (c, f) => (out[c] = items[f]!));
  return out;
}
