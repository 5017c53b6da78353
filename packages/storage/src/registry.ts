/** Registries map format names, extensions and magic bytes to formats, and hold custom value codecs. */
import { InvalidArgumentError } from './errors.js';
import type { Format } from './format.js';

/** A codec for a user class: stored in typed JSON as `{"__type__":"custom","name":…,"value":…}`. */
export interface CustomCodec<T = unknown> {
  readonly name: string;
  isApplicable(value: unknown): value is T;
  /** Returns any value storage can store (it is encoded recursively). */
  serialize(value: T): unknown;
  deserialize(stored: unknown): T;
}

export interface Registry {
  registerFormat(format: Format): Registry;
  registerCodec<T>(codec: CustomCodec<T>): Registry;
  format(name: string): Format | undefined;
  formatForExtension(ext: string): Format | undefined;
  /** Formats in sniffing order: binary magics first, later registrations first within a kind. */
  formats(): readonly Format[];
  codecs(): readonly CustomCodec[];
  codec(name: string): CustomCodec | undefined;
}

class FormatRegistry implements Registry {
  readonly #formats: Format[] = [];
  readonly #codecs: CustomCodec[] = [];

  registerFormat(format: Format): Registry {
    const existing = this.#formats.findIndex((f) => f.name === format.name);
    if (existing >= 0) this.#formats.splice(existing, 1);
    this.#formats.unshift(format); // later registrations (the user's) win
    return this;
  }

  registerCodec<T>(codec: CustomCodec<T>): Registry {
    if (typeof codec.name !== 'string' || codec.name.length === 0) throw new InvalidArgumentError('a custom codec needs a non-empty name');
    const existing = this.#codecs.findIndex((c) => c.name === codec.name);
    if (existing >= 0) this.#codecs.splice(existing, 1);
    this.#codecs.unshift(codec as CustomCodec);
    return this;
  }

  format(name: string): Format | undefined {
    return this.#formats.find((f) => f.name === name);
  }

  formatForExtension(ext: string): Format | undefined {
    const e = ext.replace(/^\./, '').toLowerCase();
    return this.#formats.find((f) => f.extensions.includes(e));
  }

  formats(): readonly Format[] {
    return [...this.#formats.filter((f) => f.binary), ...this.#formats.filter((f) => !f.binary)];
  }

  codecs(): readonly CustomCodec[] {
    return this.#codecs;
  }

  codec(name: string): CustomCodec | undefined {
    return this.#codecs.find((c) => c.name === name);
  }
}

/** A new registry; pass `builtins` (the default registry's formats) to start from them. */
export function createRegistry(options: { formats?: readonly Format[]; codecs?: readonly CustomCodec[] } = {}): Registry {
  const registry = new FormatRegistry();
  for (const f of [...(options.formats ?? [])].reverse()) registry.registerFormat(f);
  for (const c of [...(options.codecs ?? [])].reverse()) registry.registerCodec(c);
  return registry;
}
