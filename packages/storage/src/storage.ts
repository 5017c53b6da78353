/** DLFriendlyStorage: save / load / encode / decode through the registry, with `auto` and atomic files. */
import { promises as fs } from 'node:fs';
import { chooseFormatForLoad, chooseFormatForSave, type AutoRule } from './auto.js';
import { InvalidArgumentError, StorageError, StorageIOError, UnknownFormatError, CorruptDataError } from './errors.js';
import type { DecodeContext, EncodeContext, Format } from './format.js';
import { atomicWrite } from './io/atomic.js';
import { readWholeFile } from './io/read-file.js';
import { checkLimit, resolvePolicy, type LoadPolicy } from './limits.js';
import type { Registry } from './registry.js';
import { DEFAULT_LIST_MAX_ELEMENTS } from './values/typed-json-encode.js';
import { defaultRegistry } from './builtins.js';
import { summarize, type InspectNode } from './inspect.js';

export interface StorageOptions {
  /** zlib/gzip level for compressing formats (default 6, the seed's). */
  compressionLevel?: number;
  /** Array bytes above which `auto` chooses HDF5 (default 100 MiB, the seed's). */
  hdf5ThresholdBytes?: number;
  /** Arrays up to this many elements are nested lists in typed JSON (default 64). */
  listMaxElements?: number;
  /** Override parts of the `auto` rule. */
  auto?: Partial<Omit<AutoRule, 'hdf5ThresholdBytes'>>;
  registry?: Registry;
  policy?: Partial<LoadPolicy>;
}

export interface SaveOptions {
  format?: string;
  compressionLevel?: number;
  /**
   * true (default): fsync the data and the directory before `save` resolves, so the new file survives a power loss.
   * false: skip the fsyncs — still atomic (a crashed or killed process leaves the old file or the new one), but
   * the OS may lose a just-saved file on power loss. For scratch files and caches where write speed matters more.
   */
  durable?: boolean;
  /** Format-specific options (e.g. `pretty` for json). */
  [option: string]: unknown;
}

export interface LoadOptions {
  format?: string;
  policy?: Partial<LoadPolicy>;
  [option: string]: unknown;
}

export interface SaveResult {
  format: string;
  path: string;
  bytes: number;
}

const HEAD_BYTES = 1024;

export class DLFriendlyStorage {
  readonly registry: Registry;
  readonly compressionLevel: number;
  readonly listMaxElements: number;
  readonly autoRule: AutoRule;
  readonly policy: LoadPolicy;

  constructor(options: StorageOptions = {}) {
    const level = options.compressionLevel ?? 6;
    if (!Number.isInteger(level) || level < 0 || level > 9) throw new InvalidArgumentError('compressionLevel must be an integer 0–9', { received: String(level) });
    this.registry = options.registry ?? defaultRegistry;
    this.compressionLevel = level;
    this.listMaxElements = options.listMaxElements ?? DEFAULT_LIST_MAX_ELEMENTS;
    this.autoRule = {
      hdf5ThresholdBytes: options.hdf5ThresholdBytes ?? 100 * 2 ** 20,
      withoutArrays: options.auto?.withoutArrays ?? 'json',
      withArrays: options.auto?.withArrays ?? 'compressed',
      large: options.auto?.large ?? 'hdf5',
    };
    this.policy = resolvePolicy(options.policy);
  }

  /** Save atomically. `format` 'auto' applies the auto rule (README). */
  async save(value: unknown, path: string, format: string | SaveOptions = 'auto'): Promise<SaveResult> {
    const opts: SaveOptions = typeof format === 'string' ? { format } : format;
    const chosen = this.formatForSave(value, opts.format ?? 'auto');
    const ctx = this.encodeContext(opts);
    if (opts.durable !== undefined && typeof opts.durable !== 'boolean') throw new InvalidArgumentError('save option durable must be a boolean', { received: String(opts.durable) });
    const durable = opts.durable ?? true;
    if (chosen.saveFile !== undefined) {
      const bytes = await atomicWrite(path, (temp) => chosen.saveFile!(value, temp, ctx), { durable });
      return { format: chosen.name, path, bytes };
    }
    const encoded = chosen.encodeParts !== undefined ? chosen.encodeParts(value, ctx) : await chosen.encode(value, ctx);
    const bytes = await atomicWrite(path, encoded, { durable });
    return { format: chosen.name, path, bytes };
  }

  async load(path: string, format: string | LoadOptions = 'auto'): Promise<unknown> {
    const opts: LoadOptions = typeof format === 'string' ? { format } : format;
    const policy = resolvePolicy(this.policy, opts.policy);
    const ctx = this.decodeContext(opts, policy, path);
    let chosen: Format;
    try {
      if (opts.format === undefined || opts.format === 'auto') chosen = chooseFormatForLoad(await readHead(path), path, this.registry);
      else chosen = this.formatByName(opts.format);
      if (chosen.loadFile !== undefined) return await chosen.loadFile(path, ctx);
      const bytes = await readWholeFile(path, policy.maxInputBytes, chosen.name);
      return await chosen.decode(bytes, ctx);
    } catch (error) {
      throw locate(error, { file: path });
    }
  }

  /** The format `load(…, 'auto')` would use for these bytes (content first, then the file name); undefined if none. */
  detectFormat(bytes: Uint8Array, fileName?: string): string | undefined {
    try {
      return chooseFormatForLoad(bytes.subarray(0, HEAD_BYTES), fileName, this.registry).name;
    } catch (error) {
      if (error instanceof UnknownFormatError) return undefined;
      throw error;
    }
  }

  /** The sniffed format of a file and a tree of its value (types, dtypes, shapes, sizes). */
  async inspect(path: string, options: LoadOptions = {}): Promise<{ format: string; tree: InspectNode }> {
    const policy = resolvePolicy(this.policy, options.policy);
    const ctx = this.decodeContext(options, policy, path);
    try {
      const chosen = options.format === undefined || options.format === 'auto' ? chooseFormatForLoad(await readHead(path), path, this.registry) : this.formatByName(options.format);
      const tree = chosen.inspect !== undefined ? await chosen.inspect(path, ctx) : summarize(await this.load(path, { ...options, format: chosen.name }));
      return { format: chosen.name, tree };
    } catch (error) {
      throw locate(error, { file: path });
    }
  }

  async encode(value: unknown, format: string | SaveOptions = 'auto'): Promise<Uint8Array | string> {
    const opts: SaveOptions = typeof format === 'string' ? { format } : format;
    const chosen = this.formatForSave(value, opts.format ?? 'auto');
    return chosen.encode(value, this.encodeContext(opts));
  }

  async decode(input: Uint8Array | string, format: string | LoadOptions = 'auto'): Promise<unknown> {
    const opts: LoadOptions = typeof format === 'string' ? { format } : format;
    const policy = resolvePolicy(this.policy, opts.policy);
    const chosen = opts.format === undefined || opts.format === 'auto'
      ? chooseFormatForLoad(typeof input === 'string' ? Buffer.from(input.slice(0, HEAD_BYTES), 'utf8') : input.subarray(0, HEAD_BYTES), undefined, this.registry)
      : this.formatByName(opts.format);
    checkLimit('input size', typeof input === 'string' ? input.length : input.byteLength, policy.maxInputBytes, 'maxInputBytes', { format: chosen.name });
    try {
      return await chosen.decode(input, this.decodeContext(opts, policy));
    } catch (error) {
      throw locate(error, { format: chosen.name });
    }
  }

  /** The format `auto` would choose for this value. */
  formatForSave(value: unknown, name: string): Format {
    return name === 'auto' ? chooseFormatForSave(value, this.autoRule, this.registry) : this.formatByName(name);
  }

  private formatByName(name: string): Format {
    const format = this.registry.format(name);
    if (format === undefined) {
      throw new UnknownFormatError(`unknown format '${name}'`, { expected: ['auto', ...this.registry.formats().map((f) => f.name)].join(', ') });
    }
    return format;
  }

  private encodeContext(opts: SaveOptions): EncodeContext {
    const level = opts.compressionLevel ?? this.compressionLevel;
    return { registry: this.registry, compressionLevel: level, listMaxElements: (opts.listMaxElements as number | undefined) ?? this.listMaxElements, options: opts };
  }

  private decodeContext(opts: LoadOptions, policy: LoadPolicy, file?: string): DecodeContext {
    return { registry: this.registry, policy, options: opts, ...(file === undefined ? {} : { file }) };
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } catch (error) {
    throw new StorageIOError(`cannot read ${path}: ${(error as Error).message}`, { file: path, cause: error });
  } finally {
    await handle?.close();
  }
}

/** Add location facts to a StorageError; wrap anything else (a decoder bug) so no raw exception escapes. */
function locate(error: unknown, extra: { file?: string; format?: string }): StorageError {
  if (error instanceof StorageError) return error.locate(extra);
  if (error instanceof RangeError) return new CorruptDataError(`input too large or too deeply nested: ${error.message}`, { ...extra, cause: error });
  return new CorruptDataError(`unreadable input: ${(error as Error)?.message ?? String(error)}`, { ...extra, cause: error });
}
