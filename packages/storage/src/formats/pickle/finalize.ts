/**
 * Turn the unpickler's working values into storage values: dicts → plain objects (all keys str) or Maps,
 * tuples/lists → arrays, sets → Sets, builders → their NDArray. Shared references stay shared; cycles stay cycles.
 */
import { CorruptDataError, LimitExceededError } from '../../errors.js';
import { copyBytes } from '../../ndarray.js';
import { LargeText, PickledObject, PyDict, PyGlobal, isFinalizable } from './py-values.js';
import { decodeUtf8SurrogatePass } from './text.js';

export interface FinalizeOptions {
  format: string;
  maxDepth: number;
}

export function finalizeValue(root: unknown, options: FinalizeOptions): unknown {
  const done = new Map<object, unknown>();

  const visit = (value: unknown, depth: number): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof LargeText) {
      const text = decodeUtf8SurrogatePass(value.utf8);
      if (text === undefined) throw new CorruptDataError('pickle string is not valid UTF-8', { format: options.format });
      return text;
    }
    const seen = done.get(value);
    if (seen !== undefined || done.has(value)) return seen;
    if (depth > options.maxDepth) {
      throw new LimitExceededError("pickle value nesting exceeds the load policy's maxDepth", { format: options.format, expected: `at most ${options.maxDepth}` });
    }
    if (Array.isArray(value)) {
      const out: unknown[] = new Array<unknown>(value.length);
      done.set(value, out);
      for (let i = 0; i < value.length; i++) out[i] = visit(value[i], depth + 1);
      return out;
    }
    if (value instanceof PyDict) {
      const allStrings = [...value.entries.keys()].every((k) => typeof k === 'string' || k instanceof LargeText);
      if (allStrings) {
        const out: Record<string, unknown> = {};
        done.set(value, out);
        for (const [k, v] of value.entries) {
          Object.defineProperty(out, visit(k, depth + 1) as string, { value: visit(v, depth + 1), enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      const out = new Map<unknown, unknown>();
      done.set(value, out);
      for (const [k, v] of value.entries) out.set(visit(k, depth + 1), visit(v, depth + 1));
      return out;
    }
    if (value instanceof Set) {
      const out = new Set<unknown>();
      done.set(value, out);
      for (const v of value) out.add(visit(v, depth + 1));
      return out;
    }
    if (value instanceof PyGlobal) {
      const out = new PickledObject(value.qualname, undefined);
      done.set(value, out);
      return out;
    }
    if (value instanceof PickledObject) {
      const out = new PickledObject(value.global, value.args === undefined ? undefined : (visit(value.args, depth + 1) as unknown[]));
      done.set(value, out);
      out.state = visit(value.state, depth + 1);
      for (const x of value.listItems) out.listItems.push(visit(x, depth + 1));
      for (const [k, v] of value.dictItems) out.dictItems.push([visit(k, depth + 1), visit(v, depth + 1)]);
      return out;
    }
    if (value instanceof Uint8Array) {
      const out = copyBytes(value); // may be a view of the input bytes: the result never aliases the input
      done.set(value, out);
      return out;
    }
    if (isFinalizable(value)) {
      const out = value.finalize();
      done.set(value, out);
      return out;
    }
    return value; // Uint8Array, NDArray, Date, Complex, Decimal: already final
  };

  return visit(root, 0);
}
