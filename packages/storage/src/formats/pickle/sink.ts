/** An append-only byte buffer: small writes go to a growing scratch area, large payloads are kept by reference. */
export class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private buf = new Uint8Array(4096);
  private len = 0;
  private total = 0;
  private readonly view = () => new DataView(this.buf.buffer);

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(Math.max(n, this.buf.length * 2));
  }

  private flush(): void {
    if (this.len === 0) return;
    this.chunks.push(this.buf.slice(0, this.len));
    this.len = 0;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
    this.total++;
  }

  bytes(data: Uint8Array): void {
    if (data.length > 65536) {
      this.flush();
      this.chunks.push(data);
    } else {
      this.ensure(data.length);
      this.buf.set(data, this.len);
      this.len += data.length;
    }
    this.total += data.length;
  }

  u16(v: number): void {
    this.ensure(2);
    this.view().setUint16(this.len, v, true);
    this.len += 2;
    this.total += 2;
  }

  u32(v: number): void {
    this.ensure(4);
    this.view().setUint32(this.len, v, true);
    this.len += 4;
    this.total += 4;
  }

  i32(v: number): void {
    this.ensure(4);
    this.view().setInt32(this.len, v, true);
    this.len += 4;
    this.total += 4;
  }

  u64(v: number): void {
    this.ensure(8);
    this.view().setBigUint64(this.len, BigInt(v), true);
    this.len += 8;
    this.total += 8;
  }

  f64BigEndian(v: number): void {
    this.ensure(8);
    this.view().setFloat64(this.len, v, false);
    this.len += 8;
    this.total += 8;
  }

  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.byte(text.charCodeAt(i));
  }

  /** Everything written, as pieces to write back to back (large payloads are the caller's bytes, not copies). */
  parts(): Uint8Array[] {
    this.flush();
    return [...this.chunks];
  }

  finish(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.total);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}
