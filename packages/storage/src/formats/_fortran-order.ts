/** Fortran (column-major) → C (row-major) reordering of element bytes or items. */
import { fortranStrides, gatherToCOrder } from './_strided.js';

/**
 * Visit every element in C order, passing (C index, Fortran index). An odometer over the shape: the last axis
 * moves fastest in C order, and its Fortran stride is the product of the axes before it.
 */
function forEachFortranIndex(shape: readonly number[], visit: (c: number, f: number) => void): void {
  const nd = shape.length;
  let count = 1;
  for (const d of shape) count *= d;
  if (count === 0) return;
  const stride = fortranStrides(shape);
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

/** Reorder `width`-byte elements from Fortran to C order into a new buffer (bits copied as integers, never floats). */
export function fortranToCBytes(src: Uint8Array, shape: readonly number[], width: number): Uint8Array {
  return gatherToCOrder(src, width, shape, fortranStrides(shape), 0);
}

export function fortranToCItems<T>(items: readonly T[], shape: readonly number[]): T[] {
  if (shape.length < 2) return [...items];
  const out = new Array<T>(items.length);
  forEachFortranIndex(shape, (c, f) => (out[c] = items[f]!));
  return out;
}
