/** The interface every format implements (one object per format, registered in a Registry). */
import type { InspectNode } from './inspect.js';
import type { LoadPolicy } from './limits.js';
import type { Registry } from './registry.js';

export type FormatName = 'json' | 'compressed' | 'hdf5' | 'pickle' | 'npy' | 'npz' | 'safetensors' | 'torch';

export interface EncodeContext {
  registry: Registry;
  /** zlib/gzip level 0–9 for formats that compress. */
  compressionLevel: number;
  /** Arrays with at most this many elements are written as nested lists in typed JSON; larger ones as base64. */
  listMaxElements: number;
  /** Format-specific options passed through from `save`/`encode`. */
  options: Readonly<Record<string, unknown>>;
}

export interface DecodeContext {
  registry: Registry;
  policy: LoadPolicy;
  /** The file being read, for error messages. */
  file?: string;
  options: Readonly<Record<string, unknown>>;
}

export interface Format {
  readonly name: string;
  /** File extensions without the dot, lower case. */
  readonly extensions: readonly string[];
  /** Produces bytes (true) or text (false). */
  readonly binary: boolean;
  /** What the format stores losslessly, for documentation and `auto`. */
  readonly lossless: string;
  /** Does this head of a file (first 1 KiB at most) look like this format? */
  sniff(head: Uint8Array): boolean;
  encode(value: unknown, ctx: EncodeContext): Uint8Array | string | Promise<Uint8Array | string>;
  decode(input: Uint8Array | string, ctx: DecodeContext): unknown;
  /**
   * Formats whose bytes are a few large chunks (a header, then array data shared with the caller's arrays) give them
   * unjoined: `save` writes them back to back, never building a concatenated copy. `encode` still returns one buffer.
   */
  encodeParts?(value: unknown, ctx: EncodeContext): readonly Uint8Array[];
  /** Formats whose library writes files itself (HDF5) implement this; `save` still makes it atomic. */
  saveFile?(value: unknown, path: string, ctx: EncodeContext): Promise<void>;
  /** Formats that read from a path (HDF5, lazy readers) implement this instead of reading all bytes. */
  loadFile?(path: string, ctx: DecodeContext): Promise<unknown>;
  /** Describe a file without reading large payloads (lazy formats); others are loaded and summarized. */
  inspect?(path: string, ctx: DecodeContext): Promise<InspectNode>;
}
