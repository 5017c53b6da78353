/**
 * Our values → a pickle that plain `pickle.load` reads: dict/list/str/int/float/bool/None/bytes, set, complex,
 * datetime (aware UTC), Decimal, and numpy arrays via `numpy.core.multiarray._reconstruct` (numpy 1.x and 2.x).
 * Protocol 2 by default (bytes as `_codecs.encode(text, 'latin1')`); protocol 3 writes bytes as BINBYTES.
 */
import { Complex } from 'complex.js';
import { Decimal } from 'decimal.js';
import { UnsupportedValueError, pathStep } from '../../errors.js';
import { NDArray, bfloat16BitsToNumber, isTypedArray, type NumericDType } from '../../ndarray.js';
import { PreciseDate } from '../../values/datetime.js';
import { OP } from './opcodes.js';
import { ByteSink } from './sink.js';
import { encodeUtf8SurrogatePass, latin1ToUtf8 } from './text.js';

export interface PickleWriteOptions {
  /** 2 (default: widest audience) or 3 (bytes written directly, smaller for arrays). */
  protocol?: 2 | 3;
  /** Format name used in errors (default 'pickle'). */
  format?: string;
  /**
   * torch checkpoints: give each array a storage record; the array is then written as
   * `torch._utils._rebuild_tensor_v2` over a BINPERSID storage instead of a numpy array.
   */
  tensorStorage?: (array: NDArray, path: string) => TensorStorageRef;
}

export interface TensorStorageRef {
  /** Storage class name in module `torch`, e.g. `FloatStorage`. */
  storageType: string;
  key: string;
  numel: number;
}

const NUMPY_CODE: Record<Exclude<NumericDType, 'bfloat16'>, [string, string]> = {
  bool: ['b1', '|'], int8: ['i1', '|'], uint8: ['u1', '|'], int16: ['i2', '<'], uint16: ['u2', '<'],
  int32: ['i4', '<'], uint32: ['u4', '<'], int64: ['i8', '<'], uint64: ['u8', '<'],
  float16: ['f2', '<'], float32: ['f4', '<'], float64: ['f8', '<'], complex64: ['c8', '<'], complex128: ['c16', '<'],
};

const BATCH = 1000;

export function pickle(value: unknown, options: PickleWriteOptions = {}): Uint8Array {
  return writePickle(value, options).finish();
}

/** The pickle as pieces for `save`: large array payloads are the arrays' own bytes (protocol 3) — no joined copy. */
export function pickleParts(value: unknown, options: PickleWriteOptions = {}): Uint8Array[] {
  return writePickle(value, options).parts();
}

function writePickle(value: unknown, options: PickleWriteOptions): ByteSink {
  const protocol = options.protocol ?? 2;
  const format = options.format ?? 'pickle';
  const out = new ByteSink();
  // Python 3 maps `__builtin__` to `builtins` only for protocols < 3 (fix_imports); protocol 2 keeps Python 2 readers.
  const builtinsModule = protocol < 3 ? '__builtin__' : 'builtins';
  const active = new Set<object>();

  const unsupported = (path: string, what: string): never => {
    throw new UnsupportedValueError(`pickle cannot store ${what}`, { format, path });
  };
  const global = (module: string, name: string) => {
    out.byte(OP.GLOBAL);
    out.ascii(`${module}\n${name}\n`);
  };
  const str = (s: string) => {
    const b = encodeUtf8SurrogatePass(s);
    out.byte(OP.BINUNICODE);
    out.u32(b.length);
    out.bytes(b);
  };
  const int = (v: number | bigint) => {
    if (typeof v === 'number' && v >= 0 && v < 256) {
      out.byte(OP.BININT1);
      out.byte(v);
    } else if (typeof v === 'number' && v >= 0 && v < 65536) {
      out.byte(OP.BININT2);
      out.u16(v);
    } else if (typeof v === 'number' && v >= -(2 ** 31) && v < 2 ** 31) {
      out.byte(OP.BININT);
      out.i32(v);
    } else {
      const b = longBytes(BigInt(v));
      if (b.length < 256) {
        out.byte(OP.LONG1);
        out.byte(b.length);
      } else {
        out.byte(OP.LONG4);
        out.u32(b.length);
      }
      out.bytes(b);
    }
  };
  const bytes = (b: Uint8Array) => {
    if (protocol >= 3) {
      if (b.length < 256) {
        out.byte(OP.SHORT_BINBYTES);
        out.byte(b.length);
      } else {
        out.byte(OP.BINBYTES);
        out.u32(b.length);
      }
      out.bytes(b);
      return;
    }
    global('_codecs', 'encode');
    const utf8 = latin1ToUtf8(b);
    out.byte(OP.BINUNICODE);
    out.u32(utf8.length);
    out.bytes(utf8);
    str('latin1');
    out.byte(OP.TUPLE2);
    out.byte(OP.REDUCE);
  };
  const tuple = (items: readonly (number | string)[]) => {
    if (items.length === 0) return out.byte(OP.EMPTY_TUPLE);
    if (items.length > 3) out.byte(OP.MARK);
    for (const x of items) (typeof x === 'number' ? int(x) : str(x));
    out.byte(items.length > 3 ? OP.TUPLE : [OP.TUPLE1, OP.TUPLE2, OP.TUPLE3][items.length - 1]!);
  };

  const tensor = (a: NDArray, ref: TensorStorageRef) => {
    global('torch._utils', '_rebuild_tensor_v2');
    out.byte(OP.MARK);
    out.byte(OP.MARK);
    str('storage');
    global('torch', ref.storageType);
    str(ref.key);
    str('cpu');
    int(ref.numel);
    out.byte(OP.TUPLE);
    out.byte(OP.BINPERSID);
    int(0);
    tuple(a.shape);
    const strides: number[] = [];
    let step = 1;
    for (let i = a.shape.length - 1; i >= 0; i--) {
      strides.unshift(step);
      step *= a.shape[i]!;
    }
    tuple(strides);
    out.byte(OP.NEWFALSE);
    global('collections', 'OrderedDict');
    out.byte(OP.EMPTY_TUPLE);
    out.byte(OP.REDUCE);
    out.byte(OP.TUPLE);
    out.byte(OP.REDUCE);
  };
  const ndarray = (a: NDArray, path: string) => {
    if (options.tensorStorage !== undefined) return tensor(a, options.tensorStorage(a, path));
    let arr = a;
    if (arr.dtype === 'bfloat16') {
      // numpy has no bfloat16: every bfloat16 is exactly a float32, so write float32.
      const src = arr.data as Uint16Array;
      arr = new NDArray('float32', arr.shape, Float32Array.from(src, (bits) => bfloat16BitsToNumber(bits)));
    }
    global('numpy.core.multiarray', '_reconstruct');
    global('numpy', 'ndarray');
    int(0);
    out.byte(OP.TUPLE1);
    bytes(new Uint8Array([0x62]));
    out.byte(OP.TUPLE3);
    out.byte(OP.REDUCE);
    out.byte(OP.MARK);
    int(1);
    tuple(arr.shape);
    let raw: Uint8Array;
    if (arr.dtype === 'str') {
      const strings = arr.data as string[];
      const cps = strings.map((s) => Array.from(s, (c) => c.codePointAt(0)!));
      const chars = cps.reduce((m, c) => Math.max(m, c.length), 1);
      const u32 = new Uint32Array(strings.length * chars);
      cps.forEach((c, i) => u32.set(c, i * chars));
      raw = new Uint8Array(u32.buffer);
      dtype(`U${chars}`, '<', chars * 4, 4, 8);
    } else {
      const [code, order] = NUMPY_CODE[arr.dtype as Exclude<NumericDType, 'bfloat16'>];
      dtype(code, order, -1, -1, 0);
      raw = arr.bytes();
    }
    out.byte(OP.NEWFALSE);
    bytes(raw);
    out.byte(OP.TUPLE);
    out.byte(OP.BUILD);
  };
  const dtype = (code: string, order: string, elsize: number, alignment: number, flags: number) => {
    global('numpy', 'dtype');
    str(code);
    out.byte(OP.NEWFALSE);
    out.byte(OP.NEWTRUE);
    out.byte(OP.TUPLE3);
    out.byte(OP.REDUCE);
    out.byte(OP.MARK);
    int(3);
    str(order);
    out.byte(OP.NONE);
    out.byte(OP.NONE);
    out.byte(OP.NONE);
    int(elsize);
    int(alignment);
    int(flags);
    out.byte(OP.TUPLE);
    out.byte(OP.BUILD);
  };
  const date = (d: Date, path: string) => {
    const t = d.getTime();
    const year = d.getUTCFullYear();
    if (Number.isNaN(t)) unsupported(path, 'an invalid Date');
    if (year < 1 || year > 9999) unsupported(path, `a Date in year ${year} (Python datetimes hold years 1–9999)`);
    const micro = d.getUTCMilliseconds() * 1000 + (d instanceof PreciseDate ? d.microsecond : 0);
    const state = new Uint8Array([year >> 8, year & 0xff, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), micro >> 16, (micro >> 8) & 0xff, micro & 0xff]);
    global('datetime', 'datetime');
    bytes(state);
    global('datetime', 'timezone');
    global('datetime', 'timedelta');
    tuple([0, 0, 0]);
    out.byte(OP.REDUCE);
    out.byte(OP.TUPLE1);
    out.byte(OP.REDUCE);
    out.byte(OP.TUPLE2);
    out.byte(OP.REDUCE);
  };
  const dictKey = (k: unknown, path: string) => {
    const hashable = k === null || k === undefined || ['string', 'number', 'bigint', 'boolean'].includes(typeof k) || k instanceof Date || k instanceof Uint8Array || k instanceof Complex || Decimal.isDecimal(k);
    if (!hashable) unsupported(path, 'a Map key that Python cannot hash (only str, numbers, bool, None, bytes, dates, complex, Decimal)');
    write(k, path);
  };

  const write = (v: unknown, path: string): void => {
    if (v === null || v === undefined) return out.byte(OP.NONE);
    switch (typeof v) {
      case 'boolean':
        return out.byte(v ? OP.NEWTRUE : OP.NEWFALSE);
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) return int(v);
        out.byte(OP.BINFLOAT);
        return out.f64BigEndian(v);
      case 'bigint':
        return int(v);
      case 'string':
        return str(v);
      case 'object':
        break;
      default:
        return unsupported(path, `a ${typeof v}`);
    }
    const obj = v as object;
    if (obj instanceof Uint8Array && !(obj instanceof NDArray)) return bytes(obj);
    if (obj instanceof NDArray) return ndarray(obj, path);
    if (isTypedArray(obj)) return ndarray(NDArray.from(obj), path);
    if (obj instanceof Date) return date(obj, path);
    if (obj instanceof Complex) {
      global(builtinsModule, 'complex');
      out.byte(OP.BINFLOAT);
      out.f64BigEndian(obj.re);
      out.byte(OP.BINFLOAT);
      out.f64BigEndian(obj.im);
      out.byte(OP.TUPLE2);
      return out.byte(OP.REDUCE);
    }
    if (Decimal.isDecimal(obj)) {
      global('decimal', 'Decimal');
      str((obj as Decimal).toString());
      out.byte(OP.TUPLE1);
      return out.byte(OP.REDUCE);
    }
    if (active.has(obj)) unsupported(path, 'a cycle (a container that contains itself)');
    active.add(obj);
    if (Array.isArray(obj)) {
      out.byte(OP.EMPTY_LIST);
      for (let i = 0; i < obj.length; i += BATCH) {
        out.byte(OP.MARK);
        for (let j = i; j < Math.min(obj.length, i + BATCH); j++) write(obj[j], pathStep(path, j));
        out.byte(OP.APPENDS);
      }
    } else if (obj instanceof Set) {
      global(builtinsModule, 'set');
      out.byte(OP.EMPTY_LIST);
      let i = 0;
      for (const x of obj) {
        if (i % BATCH === 0) out.byte(OP.MARK);
        dictKey(x, `${path}.values()[${i}]`);
        if (++i % BATCH === 0) out.byte(OP.APPENDS);
      }
      if (i % BATCH !== 0) out.byte(OP.APPENDS);
      out.byte(OP.TUPLE1);
      out.byte(OP.REDUCE);
    } else if (obj instanceof Map) {
      entries([...obj], (k, p) => dictKey(k, p), path);
    } else if (Object.getPrototypeOf(obj) === Object.prototype || Object.getPrototypeOf(obj) === null) {
      entries(Object.entries(obj), (k) => str(k as string), path);
    } else {
      unsupported(path, `an instance of ${(obj as object).constructor?.name ?? 'an unknown class'}`);
    }
    active.delete(obj);
  };
  const entries = (list: Array<[unknown, unknown]>, key: (k: unknown, path: string) => void, path: string) => {
    out.byte(OP.EMPTY_DICT);
    for (let i = 0; i < list.length; i += BATCH) {
      out.byte(OP.MARK);
      for (let j = i; j < Math.min(list.length, i + BATCH); j++) {
        const [k, v] = list[j]!;
        const p = typeof k === 'string' ? pathStep(path, k) : `${path}.key(${j})`;
        key(k, p);
        write(v, p);
      }
      out.byte(OP.SETITEMS);
    }
  };

  out.byte(OP.PROTO);
  out.byte(protocol);
  write(value, '$');
  out.byte(OP.STOP);
  return out;
}

/** Minimal little-endian two's complement bytes of a bigint (LONG1/LONG4 payload). */
export function longBytes(v: bigint): Uint8Array {
  if (v === 0n) return new Uint8Array(0);
  const out: number[] = [];
  let x = v;
  for (;;) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
    const signBit = out[out.length - 1]! & 0x80;
    if ((x === 0n && !signBit) || (x === -1n && signBit)) break;
  }
  return Uint8Array.from(out);
}
