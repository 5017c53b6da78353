/**
 * Base64 straight between a string and any typed array's own bytes, with Node's Buffer codec (the same one
 * `buf.write(s, 'base64')` / `buf.toString('base64')` use) but without wrapping each array in a Buffer first.
 * Buffer's base64Slice/base64Write accept any ArrayBufferView; if a Node version stops exposing them, the Buffer
 * wrapper is used (same bytes, same counts).
 */
type Slice = (this: ArrayBufferView, start: number, end: number) => string;
type Write = (this: ArrayBufferView, text: string, offset: number, length: number) => number;

const proto = Buffer.prototype as unknown as { base64Slice?: Slice; base64Write?: Write };

/** The internal method only if it exists and gives Buffer's answer on a non-Buffer view (checked once, at load). */
function probe<T extends Slice | Write>(fn: T | undefined, check: (fn: T) => boolean): T | undefined {
  try {
    return typeof fn === 'function' && check(fn) ? fn : undefined;
  } catch {
    return undefined;
  }
}
const sample = new Float64Array([-0.1, 1e300]);
const sampleBase64 = Buffer.from(sample.buffer).toString('base64');
const slice = probe(proto.base64Slice, (fn) => fn.call(sample, 0, sample.byteLength) === sampleBase64);
const write = probe(proto.base64Write, (fn) => {
  const into = new Float64Array(2);
  return fn.call(into, sampleBase64, 0, into.byteLength) === 16 && into[0] === -0.1 && into[1] === 1e300;
});

/** Standard padded base64 of the view's bytes. */
export function viewToBase64(view: ArrayBufferView): string {
  if (slice !== undefined) return slice.call(view, 0, view.byteLength);
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64');
}

/** Decode base64 into the view's bytes (at most its byteLength); returns the number of bytes written. */
export function base64IntoView(text: string, view: ArrayBufferView): number {
  if (write !== undefined) return write.call(view, text, 0, view.byteLength);
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).write(text, 'base64');
}
