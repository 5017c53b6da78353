/** A bounds-checked reader over pickle bytes: running past the end is a CorruptDataError, never a RangeError. */
import { CorruptDataError } from '../../errors.js';

export class ByteCursor {
  pos: number;
  private readonly view: DataView;

  readonly bytes: Uint8Array;

  constructor(input: Uint8Array, start: number, private readonly format: string) {
    // A plain Uint8Array view: Buffer#slice would share memory where we mean to copy.
    this.bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    this.pos = start;
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  private need(n: number, what: string): number {
    if (n > this.remaining) {
      throw new CorruptDataError(`pickle is truncated inside ${what}`, { format: this.format, offset: this.pos, expected: `${n} more bytes`, received: `${this.remaining}` });
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(what: string): number {
    return this.bytes[this.need(1, what)]!;
  }

  u16(what: string): number {
    return this.view.getUint16(this.need(2, what), true);
  }

  u32(what: string): number {
    return this.view.getUint32(this.need(4, what), true);
  }

  i32(what: string): number {
    return this.view.getInt32(this.need(4, what), true);
  }

  /** An unsigned 64-bit length; anything beyond the remaining input is truncation. */
  u64Length(what: string): number {
    const at = this.need(8, what);
    const v = this.view.getBigUint64(at, true);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  }

  f64BigEndian(what: string): number {
    return this.view.getFloat64(this.need(8, what), false);
  }

  /** `n` bytes as a view into the input (callers copy when they keep it). */
  take(n: number, what: string): Uint8Array {
    const at = this.need(n, what);
    return this.bytes.subarray(at, at + n);
  }

  /** Bytes up to (not including) the next newline, which is consumed. */
  line(what: string): Uint8Array {
    const nl = this.bytes.indexOf(0x0a, this.pos);
    if (nl < 0) throw new CorruptDataError(`pickle is truncated inside ${what}`, { format: this.format, offset: this.pos, expected: 'a newline-terminated line' });
    const out = this.bytes.subarray(this.pos, nl);
    this.pos = nl + 1;
    return out;
  }
}
