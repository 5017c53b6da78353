/**
 * The globals a pickle may name. Modelled on PyTorch's weights-only unpickler: a global resolves only if it is
 * listed here (or named by the caller in `policy.allowedPickleGlobals`); anything else is refused by its
 * `module.name` before any opcode uses it. Handlers are plain data constructors: nothing is imported or run.
 */
import { Complex } from 'complex.js';
import { Decimal } from 'decimal.js';
import { CorruptDataError, UnsafeContentError } from '../../errors.js';
import { copyBytes } from '../../ndarray.js';
import { makeDate, makeDatetime, makeTimedelta, makeTimezone } from './datetime.js';
import { NumpyArrayBuilder, NumpyDType, bytesLike, describeKind, materialiseArray, type NumpyLimits } from './numpy.js';
import { LargeText, PickledObject, PyDict, PyGlobal, type GlobalHandler } from './py-values.js';
import { decodeUtf8SurrogatePass, encodeUtf8SurrogatePass, latin1Encode, utf8ToLatin1 } from './text.js';

/** Python 2 module names that Python 3's unpickler maps (`fix_imports`). */
const PY2_MODULES: Record<string, string> = { __builtin__: 'builtins', copy_reg: 'copyreg' };

/** Platform modules behind familiar names, for clearer refusals (`posix.system` is `os.system`). */
const ALIASES: Record<string, string> = { posix: 'os', nt: 'os' };

const NUMPY_CORE = ['numpy.core', 'numpy._core'];

export function builtinGlobals(limits: NumpyLimits): Map<string, GlobalHandler> {
  const { format } = limits;
  const g = new Map<string, GlobalHandler>();
  const ndarrayClass: GlobalHandler = {};
  g.set('numpy.ndarray', ndarrayClass);
  for (const core of NUMPY_CORE) {
    g.set(`${core}.multiarray._reconstruct`, {
      call(args) {
        const [subtype] = args;
        if (!(subtype instanceof PyGlobal) || subtype.qualname !== 'numpy.ndarray') {
          throw new UnsafeContentError('numpy _reconstruct may only build numpy.ndarray', { format, received: subtype instanceof PyGlobal ? subtype.qualname : describeKind(subtype) });
        }
        return new NumpyArrayBuilder(limits);
      },
    });
    g.set(`${core}.multiarray.scalar`, {
      call(args) {
        const [dtype, raw] = args;
        if (!(dtype instanceof NumpyDType)) throw new CorruptDataError('numpy scalar needs a numpy.dtype', { format, received: describeKind(dtype) });
        if (dtype.kind === 'O') return raw; // an object scalar is the object itself (already unpickled safely)
        return materialiseArray(dtype, [], false, raw, 'numpy scalar data', limits);
      },
    });
    g.set(`${core}.numeric._frombuffer`, {
      call(args) {
        const [buffer, dtype, shape, order] = args;
        if (args.length !== 4) throw new CorruptDataError('numpy _frombuffer expects (buffer, dtype, shape, order)', { format, received: `${args.length} arguments` });
        if (order !== 'C' && order !== 'F') throw new CorruptDataError("numpy _frombuffer order must be 'C' or 'F'", { format, received: String(order) });
        return materialiseArray(dtype, shape, order === 'F', buffer, 'numpy buffer', limits);
      },
    });
  }
  g.set('numpy.dtype', {
    call(args) {
      const [spec] = args;
      if (typeof spec !== 'string') throw new CorruptDataError('numpy.dtype expects a type code string', { format, received: describeKind(spec) });
      return new NumpyDType(spec, format);
    },
  });
  g.set('collections.OrderedDict', {
    call(args) {
      const d = new PyDict();
      const [items] = args;
      if (Array.isArray(items)) {
        for (const pair of items) {
          if (!Array.isArray(pair) || pair.length !== 2) throw new CorruptDataError('OrderedDict items must be (key, value) pairs', { format, received: describeKind(pair) });
          d.entries.set(pair[0], pair[1]);
        }
      } else if (items !== undefined) throw new CorruptDataError('OrderedDict expects a list of pairs', { format, received: describeKind(items) });
      return d;
    },
  });
  const setLike: GlobalHandler = {
    call(args) {
      const [items] = args;
      if (items === undefined) return new Set();
      if (Array.isArray(items) || items instanceof Set) return new Set(items);
      throw new CorruptDataError('set/frozenset expects a list', { format, received: describeKind(items) });
    },
  };
  g.set('builtins.set', setLike);
  g.set('builtins.frozenset', setLike);
  g.set('builtins.bytearray', {
    call(args) {
      const [data, encoding] = args;
      if (data === undefined) return new Uint8Array(0);
      if (typeof data === 'string' && encoding !== undefined) return encodeText(data, encoding, format);
      return new Uint8Array(bytesLike(data, 'bytearray data', format));
    },
  });
  g.set('builtins.bytes', {
    call(args) {
      const [data, encoding] = args;
      if (data === undefined) return new Uint8Array(0);
      if (typeof data === 'string') return encodeText(data, encoding ?? 'utf-8', format);
      if (Array.isArray(data) && data.every((b) => Number.isInteger(b) && (b as number) >= 0 && (b as number) < 256)) return Uint8Array.from(data as number[]);
      return new Uint8Array(bytesLike(data, 'bytes data', format));
    },
  });
  g.set('builtins.complex', {
    call(args) {
      const [re = 0, im = 0] = args;
      if (typeof re !== 'number' || typeof im !== 'number' || args.length > 2) throw new CorruptDataError('complex expects (real, imag) floats', { format, received: args.map(describeKind).join(', ') });
      return new Complex(re, im);
    },
  });
  g.set('datetime.datetime', { call: (args) => makeDatetime(args, format) });
  g.set('datetime.date', { call: (args) => makeDate(args, format) });
  g.set('datetime.timezone', { call: (args) => makeTimezone(args, format) });
  g.set('datetime.timedelta', { call: (args) => makeTimedelta(args, format) });
  g.set('_codecs.encode', {
    call(args) {
      const [text, encoding = 'utf-8'] = args;
      if (text instanceof LargeText) return encodeLargeText(text, encoding, format);
      if (typeof text !== 'string') throw new CorruptDataError('_codecs.encode expects a str', { format, received: describeKind(text) });
      return encodeText(text, encoding, format);
    },
  });
  g.set('decimal.Decimal', {
    call(args) {
      const [text] = args;
      if (typeof text !== 'string') throw new CorruptDataError('decimal.Decimal expects a str', { format, received: describeKind(text) });
      try {
        return new Decimal(text);
      } catch (error) {
        throw new CorruptDataError('decimal.Decimal string is not a decimal', { format, received: JSON.stringify(text), cause: error });
      }
    },
  });
  return g;
}

function encodeLargeText(text: LargeText, encoding: unknown, format: string): Uint8Array {
  const enc = typeof encoding === 'string' ? encoding.toLowerCase().replace(/_/g, '-') : '';
  if (enc === 'utf-8' || enc === 'utf8') return copyBytes(text.utf8);
  if (['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'l1'].includes(enc)) {
    const bytes = utf8ToLatin1(text.utf8);
    if (bytes === undefined) throw new CorruptDataError('latin-1 text holds a code point above 255', { format });
    return bytes;
  }
  const decoded = decodeUtf8SurrogatePass(text.utf8);
  if (decoded === undefined) throw new CorruptDataError('pickle string is not valid UTF-8', { format });
  return encodeText(decoded, encoding, format);
}

function encodeText(text: string, encoding: unknown, format: string): Uint8Array {
  const enc = typeof encoding === 'string' ? encoding.toLowerCase().replace(/_/g, '-') : '';
  if (['latin1', 'latin-1', 'iso-8859-1', 'iso8859-1', 'l1'].includes(enc)) {
    const bytes = latin1Encode(text);
    if (bytes === undefined) throw new CorruptDataError('latin-1 text holds a code point above 255', { format });
    return bytes;
  }
  if (enc === 'utf-8' || enc === 'utf8') return encodeUtf8SurrogatePass(text);
  if (enc === 'ascii' && /^[\u0000-\u007f]*$/.test(text)) return latin1Encode(text)!;
  throw new CorruptDataError('unsupported text encoding in pickle', { format, expected: 'latin1, utf-8 or ascii', received: String(encoding) });
}

export interface GlobalResolver {
  resolve(module: string, name: string): PyGlobal;
}

/** Resolve `module.name` through, in order: format extras (torch), the built-ins, then the caller's allowlist. */
export function createResolver(builtins: ReadonlyMap<string, GlobalHandler>, extras: ReadonlyMap<string, GlobalHandler>, allowed: readonly string[], format: string): GlobalResolver {
  const allowedSet = new Set(allowed);
  const cache = new Map<string, PyGlobal>();
  return {
    resolve(module, name) {
      const qualname = `${PY2_MODULES[module] ?? module}.${name}`;
      const known = cache.get(qualname);
      if (known !== undefined) return known;
      let handler = extras.get(qualname) ?? builtins.get(qualname);
      if (handler === undefined && allowedSet.has(qualname)) handler = { call: (args) => new PickledObject(qualname, args) };
      if (handler === undefined) {
        const alias = ALIASES[module] === undefined ? '' : ` (${ALIASES[module]}.${name})`;
        throw new UnsafeContentError(`pickle global ${qualname}${alias} is not allowed; nothing was executed`, {
          format,
          expected: 'a global on the numpy/torch allowlist or in policy.allowedPickleGlobals',
          received: qualname,
        });
      }
      const resolved = new PyGlobal(qualname, handler);
      cache.set(qualname, resolved);
      return resolved;
    },
  };
}
