/**
 * Value → compact typed-JSON text in one pass, without building the marker tree first. It writes exactly the text
 * `JSON.stringify(toJSONSafe(value))` writes (same markers, key order, number and string spelling), so files do not
 * change; it only skips the intermediate tree, the per-node paths and the ancestor Set.
 *
 * It knows no paths: on anything it cannot write (a function, a cycle, too deep, a codec that throws) it throws
 * `WRITE_FAILED`, and the caller re-runs the tree encoder, which throws the error with its path.
 */
import { NDArray, bfloat16BitsToNumber, dtypeOfTypedArray, float16BitsToNumber, isTypedArray, type TypedArray } from '../ndarray.js';
import { viewToBase64 } from './_base64.js';
import type { CustomCodec } from '../registry.js';
import { formatIsoDateTime } from './datetime.js';
import { torchName } from './dtype-names.js';
import { encodeNumber, isComplexLike, isDecimalLike, isPlainObject, listable } from './typed-json-encode.js';

/** Thrown for every value the writer refuses; never leaves the json format. */
export const WRITE_FAILED = new Error('typed JSON writer: value needs the tree encoder');

/** Ancestors below this depth are found by a linear scan of the stack; deeper ones also go in a Set. */
const SCAN_DEPTH = 32;

// Characters JSON.stringify escapes (quote, backslash, controls) or may escape (surrogates: lone ones are).
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function numberText(n: unknown): string {
  const e = encodeNumber(n as number);
  return typeof e === 'number' ? `${e}` : JSON.stringify(e);
}

export interface TypedJSONWriteOptions {
  codecs: readonly CustomCodec[];
  listMaxElements: number;
  maxDepth: number;
}

/**
 * Text is built by `+=` (cheap string ropes) in chunks of about this many characters; each full chunk is flattened
 * and set aside. A rope of the whole document would keep every small piece alive until the end, and the garbage
 * collector would copy them all (it cost more than JSON.stringify saves).
 */
const CHUNK_CHARS = 1 << 14;

const KEY_CACHE_SIZE = 256;

/**
 * One encode's state. Instances are reused (see writeTypedJSON), so everything is set in `start` and dropped in
 * `release`.
 */
class Writer {
  out = '';
  private chunks: string[] = [];
  private stack: object[] = [];
  /** `"key":` and `,"key":` per key: record sets repeat the same few keys thousands of times. */
  private keyTexts = new Map<string, [string, string]>();
  private deep: Set<object> | undefined;
  private codecs: readonly CustomCodec[] = [];
  private listMax = 0;
  private maxDepth = 0;

  start(codecs: readonly CustomCodec[], listMax: number, maxDepth: number): void {
    this.codecs = codecs;
    this.listMax = listMax;
    this.maxDepth = maxDepth;
  }

  /** Forget the caller's values and the text, so a reused writer holds nothing alive. */
  release(): void {
    this.out = '';
    this.chunks = [];
    this.stack = [];
    this.keyTexts = new Map();
    this.deep = undefined;
    this.codecs = [];
  }

  /** The checks toJSONSafe's `enter` makes (cycle first, then depth), without paths. */
  private enter(obj: object, depth: number): void {
    if (depth > this.maxDepth) throw WRITE_FAILED;
    const stack = this.stack;
    const scan = depth < SCAN_DEPTH ? depth : SCAN_DEPTH;
    for (let i = 0; i < scan; i++) if (stack[i] === obj) throw WRITE_FAILED;
    if (depth >= SCAN_DEPTH) {
      const deep = (this.deep ??= new Set());
      if (deep.has(obj)) throw WRITE_FAILED;
      deep.add(obj);
    }
    stack[depth] = obj;
  }

  private keyText(key: string, afterComma: boolean): string {
    const texts = this.keyTexts.get(key);
    if (texts !== undefined) return afterComma ? texts[1] : texts[0];
    const text = `${quote(key)}:`;
    // Bounded: keys may be data (a dict of ids); keys past the bound are quoted each time.
    if (this.keyTexts.size < KEY_CACHE_SIZE) this.keyTexts.set(key, [text, `,${text}`]);
    return afterComma ? `,${text}` : text;
  }

  private leave(obj: object, depth: number): void {
    if (depth >= SCAN_DEPTH) this.deep!.delete(obj);
  }

  /** Flattens the current rope (any read of its characters does) and sets it aside. */
  private flush(): void {
    const text = this.out;
    if (text.charCodeAt(0) !== -1) this.chunks.push(text);
    this.out = '';
  }

  finish(): string {
    if (this.chunks.length === 0) return this.out;
    this.chunks.push(this.out);
    return this.chunks.join('');
  }

  value(v: unknown, depth: number): void {
    switch (typeof v) {
      case 'string':
        this.out += quote(v);
        return;
      case 'boolean':
        this.out += v ? 'true' : 'false';
        return;
      case 'number':
        this.out += Number.isFinite(v) && !(v === 0 && 1 / v < 0) ? `${v}` : numberText(v);
        return;
      case 'bigint':
        this.out += `{"__type__":"bigint","value":"${v}"}`;
        return;
      case 'undefined':
        this.out += '{"__type__":"undefined"}';
        return;
      case 'function':
      case 'symbol':
        throw WRITE_FAILED;
    }
    if (v === null) {
      this.out += 'null';
      return;
    }
    this.object(v as object, depth);
  }

  private object(obj: object, depth: number): void {
    const codecs = this.codecs;
    for (let c = 0; c < codecs.length; c++) {
      const codec = codecs[c]!;
      if (codec.isApplicable(obj)) {
        this.enter(obj, depth);
        this.out += `{"__type__":"custom","name":${quote(codec.name)},"value":`;
        this.value(codec.serialize(obj), depth + 1);
        this.out += '}';
        this.leave(obj, depth);
        return;
      }
    }
    if (Array.isArray(obj)) {
      this.enter(obj, depth);
      this.out += '[';
      for (let i = 0; i < obj.length; i++) {
        if (i > 0) this.out += ',';
        this.value(obj[i], depth + 1);
        if (this.out.length > CHUNK_CHARS) this.flush();
      }
      this.out += ']';
      this.leave(obj, depth);
      return;
    }
    if (isPlainObject(obj)) {
      this.enter(obj, depth);
      const escaped = Object.prototype.hasOwnProperty.call(obj, '__type__');
      this.out += escaped ? '{"__type__":"object","data":{' : '{';
      const keys = Object.keys(obj);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        this.out += this.keyText(key, i > 0);
        this.value(obj[key], depth + 1);
        if (this.out.length > CHUNK_CHARS) this.flush();
      }
      this.out += escaped ? '}}' : '}';
      this.leave(obj, depth);
      return;
    }
    if (obj instanceof NDArray) return this.ndarray(obj);
    if (obj instanceof Date) {
      if (Number.isNaN(obj.getTime())) this.out += '{"__type__":"datetime","iso":null}';
      else {
        this.out += '{"__type__":"datetime","iso":"';
        this.out += formatIsoDateTime(obj);
        this.out += '"}';
      }
      return;
    }
    if (obj instanceof Uint8Array) {
      this.out += `{"__type__":"bytes","b64":"${viewToBase64(obj)}"}`;
      return;
    }
    if (obj instanceof ArrayBuffer) {
      this.out += `{"__type__":"bytes","b64":"${Buffer.from(obj).toString('base64')}"}`;
      return;
    }
    if (isTypedArray(obj)) {
      const dtype = dtypeOfTypedArray(obj);
      // A bare typed array is NDArray.from(obj): 1-D, never a tensor. Only short ones can become lists.
      if (obj.length > this.listMax) {
        this.out += `{"__type__":"numpy_array","dtype":"${dtype}","shape":[${obj.length}],"encoding":"base64","data":"`;
        this.out += viewToBase64(obj);
        this.out += '"}';
      } else this.ndarray(NDArray.from(obj));
      return;
    }
    if (obj instanceof Map) {
      this.enter(obj, depth);
      this.out += '{"__type__":"map","entries":[';
      let first = true;
      for (const [k, val] of obj) {
        this.out += first ? '[' : ',[';
        first = false;
        this.value(k, depth + 1);
        this.out += ',';
        this.value(val, depth + 1);
        this.out += ']';
      }
      this.out += ']}';
      this.leave(obj, depth);
      return;
    }
    if (obj instanceof Set) {
      this.enter(obj, depth);
      this.out += '{"__type__":"set","items":[';
      let first = true;
      for (const item of obj) {
        if (!first) this.out += ',';
        first = false;
        this.value(item, depth + 1);
      }
      this.out += ']}';
      this.leave(obj, depth);
      return;
    }
    if (isComplexLike(obj)) {
      this.out += `{"__type__":"complex","real":${numberText(obj.re)},"imag":${numberText(obj.im)}}`;
      return;
    }
    if (isDecimalLike(obj)) {
      this.out += `{"__type__":"decimal","value":${quote(String(obj))}}`;
      return;
    }
    if (obj instanceof Number || obj instanceof String || obj instanceof Boolean) return this.value((obj as { valueOf(): unknown }).valueOf(), depth);
    throw WRITE_FAILED;
  }

  /** encodeNDArray's output, written directly (never externalized: the json format has no side channel). */
  private ndarray(arr: NDArray): void {
    // A shape or data edited after construction may print differently here than through JSON.stringify: leave
    // such arrays to the tree encoder.
    for (const d of arr.shape) if (!Number.isFinite(d)) throw WRITE_FAILED;
    const head = arr.tensor
      ? `{"__type__":"torch_tensor","dtype":${quote(torchName(arr.dtype))},"shape":[${arr.shape.join(',')}]`
      : `{"__type__":"numpy_array","dtype":${quote(arr.dtype)},"shape":[${arr.shape.join(',')}]`;
    if (!listable(arr, this.listMax)) {
      this.out += `${head},"encoding":"base64","data":"${viewToBase64(arr.data as TypedArray)}"}`;
      return;
    }
    this.out += `${head},"data":`;
    this.nestedList(arr);
    this.out += '}';
  }

  private nestedList(arr: NDArray): void {
    const shape = arr.shape;
    const flat = arr.data as ArrayLike<number | bigint | string>;
    const dtype = arr.dtype;
    if (flat.length !== arr.size) throw WRITE_FAILED;
    if (dtype === 'str') for (let i = 0; i < flat.length; i++) if (typeof flat[i] !== 'string') throw WRITE_FAILED;
    const item = (x: number | bigint | string): string => {
      switch (dtype) {
        case 'str': return quote(x as string);
        case 'bool': return x !== 0 ? 'true' : 'false';
        case 'float16': return `${float16BitsToNumber(x as number)}`;
        case 'bfloat16': return `${bfloat16BitsToNumber(x as number)}`;
        default: return `${Number(x)}`;
      }
    };
    if (shape.length === 0) {
      this.out += item(flat[0]!);
      return;
    }
    let pos = 0;
    const build = (dim: number): void => {
      const n = shape[dim]!;
      this.out += '[';
      if (dim === shape.length - 1) {
        for (let i = 0; i < n; i++) this.out += i > 0 ? `,${item(flat[pos++]!)}` : item(flat[pos++]!);
      } else {
        for (let i = 0; i < n; i++) {
          if (i > 0) this.out += ',';
          build(dim + 1);
        }
      }
      this.out += ']';
    };
    build(0);
  }
}

/**
 * A writer kept between calls. Not an optimisation of allocation: with a new Writer per call, every major GC
 * deoptimised the writer's compiled code ("weak objects": it referred to a dead Writer), so after each GC the next
 * encode ran unoptimised — a 10,000-record encode took ~44 ms right after a GC instead of ~24 ms.
 */
let idleWriter: Writer | undefined;

/** Compact typed-JSON text of `value`; throws WRITE_FAILED where the tree encoder would throw (or might). */
export function writeTypedJSON(value: unknown, options: TypedJSONWriteOptions): string {
  // A codec's serialize may encode again: a nested call finds no idle writer and makes its own.
  const writer = idleWriter ?? new Writer();
  idleWriter = undefined;
  writer.start(options.codecs, options.listMaxElements, options.maxDepth);
  try {
    writer.value(value, 0);
    return writer.finish();
  } finally {
    writer.release();
    idleWriter = writer;
  }
}
