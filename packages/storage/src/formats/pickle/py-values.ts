/**
 * The values the unpickler works with before they become storage values: resolved globals, dicts that may turn
 * into objects or Maps, objects still waiting for BUILD, and the public `PickledObject` for globals a caller
 * allowed without us knowing what they build.
 */

/** What an allowlisted global does when a pickle calls it (REDUCE, NEWOBJ, INST, OBJ). */
export interface GlobalHandler {
  /** Omit for globals that are only passed around as values (numpy.ndarray, torch storage types). */
  call?(args: unknown[]): unknown;
}

/** A global resolved through the allowlist. Nothing is imported or executed: it only names a handler. */
export class PyGlobal {
  constructor(
    readonly qualname: string,
    readonly handler: GlobalHandler,
  ) {}
}

/** A Python dict (or OrderedDict) under construction; becomes a plain object (string keys) or a Map. */
export class PyDict {
  readonly entries = new Map<unknown, unknown>();
}

/**
 * A long pickled str kept as its UTF-8 bytes until needed: protocol 2 writes numpy data as a latin-1 str that
 * `_codecs.encode` turns straight back into bytes, so the 100 MB JS string is never built.
 */
export class LargeText {
  constructor(readonly utf8: Uint8Array) {}
}

/** Objects that accept the BUILD opcode (Python's `__setstate__`). */
export interface Buildable {
  build(state: unknown): void;
}

/** Objects that turn into a storage value at the end of unpickling. */
export interface Finalizable {
  finalize(): unknown;
}

export function isBuildable(value: unknown): value is Buildable {
  return typeof (value as Partial<Buildable> | null)?.build === 'function';
}

export function isFinalizable(value: unknown): value is Finalizable {
  return typeof (value as Partial<Finalizable> | null)?.finalize === 'function' && !(value instanceof PickledObject);
}

/**
 * The inert record of a call to a global the caller allowed through `policy.allowedPickleGlobals` but that this
 * library does not know how to build. Nothing of the global is run: `args`, the BUILD `state` and any appended
 * items are kept as data for the caller to interpret. `args` is undefined when the global itself is the value.
 */
export class PickledObject {
  state: unknown = undefined;
  readonly listItems: unknown[] = [];
  readonly dictItems: Array<[unknown, unknown]> = [];

  constructor(
    /** `module.name` of the global. */
    readonly global: string,
    readonly args: unknown[] | undefined,
  ) {}
}
