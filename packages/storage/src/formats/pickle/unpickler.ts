/**
 * A safe pickle virtual machine for protocols 0–5. It never imports or calls anything: GLOBAL/STACK_GLOBAL go
 * through the allowlist (allowlist.ts), REDUCE/NEWOBJ/INST/OBJ call only allowlisted data constructors, BUILD
 * only fills objects that expect a state. Every malformed input is a typed StorageError with the byte offset.
 */
import { CorruptDataError, LimitExceededError, StorageError, UnsafeContentError } from '../../errors.js';
import { DEFAULT_POLICY } from '../../limits.js';
import { builtinGlobals, createResolver } from './allowlist.js';
import { finalizeValue } from './finalize.js';
import { describeKind, type NumpyLimits } from './numpy.js';
import { OP } from './opcodes.js';
import { ByteCursor } from './cursor.js';
import { LargeText, PickledObject, PyDict, PyGlobal, isBuildable, type GlobalHandler } from './py-values.js';
import { decodeUtf8SurrogatePass, latin1Decode } from './text.js';
import {
  decodeLong, parseDecimalIndex, parseFloatLine, parseIntLine, parseNameLine, parseRawUnicodeEscape, parseStringLiteral, pyInt,
} from './text-opcodes.js';

/** Strs longer than this stay UTF-8 bytes until finalized (see LargeText). */
const LARGE_TEXT_BYTES = 1 << 16;

export interface UnpickleOptions {
  /** Format name used in errors (default 'pickle'). */
  format?: string;
  /** Extra `module.name` globals allowed; each becomes an inert `PickledObject`. */
  allowedGlobals?: readonly string[];
  /** Globals a container format adds (torch tensors and storages). */
  extraGlobals?: ReadonlyMap<string, GlobalHandler>;
  /** Called for PERSID/BINPERSID; without it persistent ids are refused. */
  persistentLoad?: (pid: unknown) => unknown;
  maxDepth?: number;
  maxElements?: number;
  /** Return the working value unfinalized (torch fills storages first, then calls finalizeValue). */
  raw?: boolean;
  /**
   * The caller hands `bytes` over (they were just read from a file and nobody else holds them): one large, 8-byte
   * aligned numpy payload may then become the array's memory instead of being copied. Never set for caller data.
   */
  ownsInput?: boolean;
}

/** Payloads below this are copied even when they could be adopted (nothing to gain). */
export const ADOPT_MIN_BYTES = 1 << 16;

/**
 * At most one array adopts memory of the input: each ArrayBuffer then belongs to one array, so transferring an
 * array's buffer to a worker can never detach another value.
 */
function adoptOnce(input: Uint8Array): (raw: Uint8Array) => boolean {
  let adopted = false;
  return (raw) => {
    if (adopted || raw.buffer !== input.buffer || raw.byteOffset % 8 !== 0 || raw.byteLength < ADOPT_MIN_BYTES) return false;
    adopted = true;
    return true;
  };
}

/** Unpickle one complete pickle; bytes after STOP are ignored (as Python does). */
export function unpickle(bytes: Uint8Array, options: UnpickleOptions = {}): unknown {
  return unpickleAt(bytes, 0, options).value;
}

/** Unpickle the pickle starting at `start`; `end` is the offset just past its STOP (legacy torch files chain pickles). */
export function unpickleAt(bytes: Uint8Array, start: number, options: UnpickleOptions = {}): { value: unknown; end: number } {
  const format = options.format ?? 'pickle';
  const maxDepth = options.maxDepth ?? DEFAULT_POLICY.maxDepth;
  const limits: NumpyLimits = {
    format,
    maxElements: options.maxElements ?? DEFAULT_POLICY.maxElements,
    ...(options.ownsInput === true ? { adopt: adoptOnce(bytes) } : {}),
  };
  const resolver = createResolver(builtinGlobals(limits), options.extraGlobals ?? new Map(), options.allowedGlobals ?? [], format);
  const cur = new ByteCursor(bytes, start, format);
  let stack: unknown[] = [];
  const metastack: unknown[][] = [];
  const memo = new Map<number, unknown>();
  let opAt = start;

  const corrupt = (message: string, extra: { expected?: string; received?: string } = {}) => new CorruptDataError(message, { format, offset: opAt, ...extra });
  const pop = (): unknown => {
    if (stack.length === 0) throw corrupt('pickle stack underflow', { expected: 'a value on the stack' });
    return stack.pop();
  };
  const top = (): unknown => {
    if (stack.length === 0) throw corrupt('pickle stack underflow', { expected: 'a value on the stack' });
    return stack[stack.length - 1];
  };
  const popMark = (): unknown[] => {
    const items = stack;
    const outer = metastack.pop();
    if (outer === undefined) throw corrupt('pickle opcode needs a MARK that was never pushed');
    stack = outer;
    return items;
  };
  const memoGet = (index: number): unknown => {
    if (!memo.has(index)) throw corrupt('pickle refers to a memo slot that was never stored', { received: `slot ${index}` });
    return memo.get(index);
  };
  const memoPut = (index: number) => {
    memo.set(index, top());
  };
  const text = (b: Uint8Array): string => {
    const s = decodeUtf8SurrogatePass(b);
    if (s === undefined) throw corrupt('pickle string is not valid UTF-8');
    return s;
  };
  const longText = (b: Uint8Array): string | LargeText => (b.length > LARGE_TEXT_BYTES ? new LargeText(b) : text(b));
  const call = (callable: unknown, args: unknown, opName: string): unknown => {
    if (!(callable instanceof PyGlobal)) throw new UnsafeContentError(`pickle ${opName} calls something that is not an allowlisted global`, { format, offset: opAt, received: describeKind(callable) });
    if (!Array.isArray(args)) throw corrupt(`pickle ${opName} arguments must be a tuple`, { received: describeKind(args) });
    if (callable.handler.call === undefined) throw new UnsafeContentError(`pickle global ${callable.qualname} may be referenced but not called`, { format, offset: opAt, received: callable.qualname });
    return callable.handler.call(args);
  };
  const setItems = (target: unknown, items: unknown[]) => {
    if (items.length % 2 !== 0) throw corrupt('pickle SETITEMS needs key/value pairs', { received: `${items.length} items` });
    if (target instanceof PyDict) for (let i = 0; i < items.length; i += 2) target.entries.set(items[i], items[i + 1]);
    else if (target instanceof PickledObject) for (let i = 0; i < items.length; i += 2) target.dictItems.push([items[i], items[i + 1]]);
    else throw corrupt('pickle SETITEM(S) target is not a dict', { received: describeKind(target) });
  };
  const appendItems = (target: unknown, items: unknown[]) => {
    if (Array.isArray(target)) for (const x of items) target.push(x);
    else if (target instanceof PickledObject) target.listItems.push(...items);
    else throw corrupt('pickle APPEND(S) target is not a list', { received: describeKind(target) });
  };

  try {
    for (;;) {
      opAt = cur.pos;
      const op = cur.u8('an opcode');
      switch (op) {
        case OP.PROTO: {
          const v = cur.u8('PROTO');
          if (v > 5) throw corrupt('unsupported pickle protocol', { expected: '0–5', received: String(v) });
          break;
        }
        case OP.FRAME: {
          const n = cur.u64Length('FRAME');
          if (n > cur.remaining) throw corrupt('pickle frame runs past the end of the input', { expected: `${n} bytes`, received: `${cur.remaining}` });
          break;
        }
        case OP.STOP: {
          const value = pop();
          return { value: options.raw === true ? value : finalizeValue(value, { format, maxDepth }), end: cur.pos };
        }
        case OP.MARK:
          if (metastack.length >= maxDepth) throw new LimitExceededError("pickle nesting exceeds the load policy's maxDepth", { format, offset: opAt, expected: `at most ${maxDepth}` });
          metastack.push(stack);
          stack = [];
          break;
        case OP.POP:
          if (stack.length === 0 && metastack.length > 0) popMark();
          else pop();
          break;
        case OP.POP_MARK:
          popMark();
          break;
        case OP.DUP:
          stack.push(top());
          break;
        // --- constants and numbers
        case OP.NONE: stack.push(null); break;
        case OP.NEWTRUE: stack.push(true); break;
        case OP.NEWFALSE: stack.push(false); break;
        case OP.INT: stack.push(parseIntLine(cur.line('INT'), format, opAt)); break;
        case OP.LONG: stack.push(parseIntLine(cur.line('LONG'), format, opAt)); break;
        case OP.BININT: stack.push(cur.i32('BININT')); break;
        case OP.BININT1: stack.push(cur.u8('BININT1')); break;
        case OP.BININT2: stack.push(cur.u16('BININT2')); break;
        case OP.LONG1: stack.push(pyInt(decodeLong(cur.take(cur.u8('LONG1'), 'LONG1')))); break;
        case OP.LONG4: {
          const n = cur.i32('LONG4');
          if (n < 0) throw corrupt('LONG4 has a negative length');
          stack.push(pyInt(decodeLong(cur.take(n, 'LONG4'))));
          break;
        }
        case OP.FLOAT: stack.push(parseFloatLine(cur.line('FLOAT'), format, opAt)); break;
        case OP.BINFLOAT: stack.push(cur.f64BigEndian('BINFLOAT')); break;
        // --- strings and bytes
        case OP.STRING: stack.push(parseStringLiteral(cur.line('STRING'), format, opAt)); break;
        case OP.BINSTRING: {
          const n = cur.i32('BINSTRING');
          if (n < 0) throw corrupt('BINSTRING has a negative length');
          stack.push(latin1Decode(cur.take(n, 'BINSTRING')));
          break;
        }
        case OP.SHORT_BINSTRING: stack.push(latin1Decode(cur.take(cur.u8('SHORT_BINSTRING'), 'SHORT_BINSTRING'))); break;
        case OP.UNICODE: stack.push(parseRawUnicodeEscape(cur.line('UNICODE'), format, opAt)); break;
        case OP.SHORT_BINUNICODE: stack.push(text(cur.take(cur.u8('SHORT_BINUNICODE'), 'SHORT_BINUNICODE'))); break;
        case OP.BINUNICODE: stack.push(longText(cur.take(cur.u32('BINUNICODE'), 'BINUNICODE'))); break;
        case OP.BINUNICODE8: stack.push(longText(cur.take(cur.u64Length('BINUNICODE8'), 'BINUNICODE8'))); break;
        // Bytes stay views of the input here; arrays copy what they keep and finalize copies bytes values.
        case OP.SHORT_BINBYTES: stack.push(cur.take(cur.u8('SHORT_BINBYTES'), 'SHORT_BINBYTES')); break;
        case OP.BINBYTES: stack.push(cur.take(cur.u32('BINBYTES'), 'BINBYTES')); break;
        case OP.BINBYTES8: stack.push(cur.take(cur.u64Length('BINBYTES8'), 'BINBYTES8')); break;
        case OP.BYTEARRAY8: stack.push(cur.take(cur.u64Length('BYTEARRAY8'), 'BYTEARRAY8')); break;
        case OP.NEXT_BUFFER: throw corrupt('pickle NEXT_BUFFER needs out-of-band buffers, which a stored pickle does not carry');
        case OP.READONLY_BUFFER: top(); break;
        // --- containers
        case OP.EMPTY_LIST: stack.push([]); break;
        case OP.EMPTY_TUPLE: stack.push([]); break;
        case OP.EMPTY_DICT: stack.push(new PyDict()); break;
        case OP.EMPTY_SET: stack.push(new Set()); break;
        case OP.LIST: { const items = popMark(); stack.push(items); break; }
        case OP.TUPLE: { const items = popMark(); stack.push(items); break; }
        case OP.TUPLE1: stack.push([pop()]); break;
        case OP.TUPLE2: { const b = pop(); const a = pop(); stack.push([a, b]); break; }
        case OP.TUPLE3: { const c = pop(); const b = pop(); const a = pop(); stack.push([a, b, c]); break; }
        case OP.DICT: { const items = popMark(); const d = new PyDict(); stack.push(d); setItems(d, items); break; }
        case OP.FROZENSET: { const items = popMark(); stack.push(new Set(items)); break; }
        case OP.APPEND: { const v = pop(); appendItems(top(), [v]); break; }
        case OP.APPENDS: { const items = popMark(); appendItems(top(), items); break; }
        case OP.SETITEM: { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; }
        case OP.SETITEMS: { const items = popMark(); setItems(top(), items); break; }
        case OP.ADDITEMS: {
          const items = popMark();
          const target = top();
          if (!(target instanceof Set)) throw corrupt('pickle ADDITEMS target is not a set', { received: describeKind(target) });
          for (const x of items) target.add(x);
          break;
        }
        // --- memo
        case OP.GET: stack.push(memoGet(parseDecimalIndex(cur.line('GET'), format, opAt))); break;
        case OP.BINGET: stack.push(memoGet(cur.u8('BINGET'))); break;
        case OP.LONG_BINGET: stack.push(memoGet(cur.u32('LONG_BINGET'))); break;
        case OP.PUT: memoPut(parseDecimalIndex(cur.line('PUT'), format, opAt)); break;
        case OP.BINPUT: memoPut(cur.u8('BINPUT')); break;
        case OP.LONG_BINPUT: memoPut(cur.u32('LONG_BINPUT')); break;
        case OP.MEMOIZE: memoPut(memo.size); break;
        // --- globals and calls (allowlist only)
        case OP.GLOBAL: {
          const module = parseNameLine(cur.line('GLOBAL module'), format, opAt);
          const name = parseNameLine(cur.line('GLOBAL name'), format, opAt);
          stack.push(resolver.resolve(module, name));
          break;
        }
        case OP.STACK_GLOBAL: {
          const name = pop();
          const module = pop();
          if (typeof module !== 'string' || typeof name !== 'string') throw corrupt('STACK_GLOBAL needs two strings', { received: `${describeKind(module)}, ${describeKind(name)}` });
          stack.push(resolver.resolve(module, name));
          break;
        }
        case OP.REDUCE: { const args = pop(); const fn = pop(); stack.push(call(fn, args, 'REDUCE')); break; }
        case OP.NEWOBJ: { const args = pop(); const cls = pop(); stack.push(call(cls, args, 'NEWOBJ')); break; }
        case OP.NEWOBJ_EX: {
          const kwargs = pop();
          const args = pop();
          const cls = pop();
          if (!(kwargs instanceof PyDict) || kwargs.entries.size > 0) throw new UnsafeContentError('pickle NEWOBJ_EX with keyword arguments is not supported', { format, offset: opAt, received: describeKind(kwargs) });
          stack.push(call(cls, args, 'NEWOBJ_EX'));
          break;
        }
        case OP.INST: {
          const module = parseNameLine(cur.line('INST module'), format, opAt);
          const name = parseNameLine(cur.line('INST name'), format, opAt);
          const cls = resolver.resolve(module, name);
          const args = popMark(); // popMark swaps `stack`: read it before pushing
          stack.push(call(cls, args, 'INST'));
          break;
        }
        case OP.OBJ: {
          const items = popMark();
          if (items.length === 0) throw corrupt('pickle OBJ needs a class');
          stack.push(call(items[0], items.slice(1), 'OBJ'));
          break;
        }
        case OP.BUILD: {
          const state = pop();
          const target = top();
          if (isBuildable(target)) target.build(state);
          else if (target instanceof PickledObject) target.state = state;
          else if (target instanceof PyDict) {
            // OrderedDict instance attributes (torch's state_dict `_metadata`) are not items: they are dropped.
          } else if (state !== null && !(state instanceof PyDict && state.entries.size === 0)) {
            throw new UnsafeContentError('pickle BUILD (setstate) on a value that takes no state', { format, offset: opAt, received: describeKind(target) });
          }
          break;
        }
        case OP.PERSID:
        case OP.BINPERSID: {
          const pid = op === OP.PERSID ? latin1Decode(cur.line('PERSID')) : pop();
          if (options.persistentLoad === undefined) throw new UnsafeContentError('pickle holds a persistent id, which only a container format (torch) can resolve', { format, offset: opAt, received: describeKind(pid) });
          stack.push(options.persistentLoad(pid));
          break;
        }
        case OP.EXT1:
        case OP.EXT2:
        case OP.EXT4:
          throw new UnsafeContentError('pickle copyreg extension codes (EXT1/2/4) are not supported', { format, offset: opAt });
        default:
          throw corrupt('unknown pickle opcode', { received: `0x${op.toString(16).padStart(2, '0')}` });
      }
    }
  } catch (error) {
    if (error instanceof StorageError) throw error.offset === undefined ? error.locate({ offset: opAt }) : error;
    if (error instanceof RangeError) throw new LimitExceededError(`pickle too large to hold: ${error.message}`, { format, offset: opAt, cause: error });
    throw error;
  }
}
