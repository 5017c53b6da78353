/**
 * h5wasm, imported lazily once (it is ESM-only and loads a 2 GiB-heap wasm module), with the HDF5 C library's
 * throwing error handler switched on so that C errors become JS exceptions instead of stderr prints.
 */
import { CorruptDataError, FormatUnavailableError, StorageError, type StorageErrorContext } from '../../errors.js';

type H5wasmNamespace = typeof import('h5wasm/node');
export type H5 = H5wasmNamespace['default'];
export type H5Module = H5wasmNamespace['Module'];

export interface H5Runtime {
  h5: H5;
  module: H5Module;
}

let runtime: Promise<H5Runtime> | undefined;
/** Set once the wasm module has aborted: its memory is then unusable until the process restarts. */
let aborted: string | undefined;

function abortedError(): FormatUnavailableError {
  return new FormatUnavailableError(`the HDF5 wasm module aborted earlier (${aborted}) and cannot be used again in this process`, { format: 'hdf5', expected: 'a restarted process' });
}

/** Has the wasm module aborted in this thread (a decode worker then retires)? */
export function h5wasmAborted(): boolean {
  return aborted !== undefined;
}

export async function h5wasm(): Promise<H5Runtime> {
  if (aborted !== undefined) throw abortedError();
  runtime ??= (async () => {
    let ns: H5wasmNamespace;
    try {
      ns = await import('h5wasm/node');
    } catch (cause) {
      runtime = undefined;
      throw new FormatUnavailableError('the hdf5 format needs the h5wasm package', { format: 'hdf5', expected: 'h5wasm 0.10.x installed', cause });
    }
    const module = await ns.default.ready;
    module.activate_throwing_error_handler();
    return { h5: ns.default, module };
  })();
  return await runtime;
}

/** The innermost HDF5 error line ("H5Fopen(): unable to open file") of a C error stack, for short messages. */
export function summarizeH5Error(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const frames = [...text.matchAll(/#\d+: .*? in (\S+\(\)): (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`);
  return frames.length > 0 ? frames.slice(-2).join(' ← ') : text.split('\n')[0] ?? text;
}

/** Run a call into h5wasm; a non-storage exception becomes a CorruptDataError naming what was being done. */
export function h5call<T>(what: string, ctx: StorageErrorContext, fn: () => T): T {
  try {
    return fn();
  } catch (cause) {
    if (cause instanceof StorageError) throw cause;
    if (aborted !== undefined) throw abortedError();
    if (cause instanceof Error && (cause.name === 'RuntimeError' || cause.message.startsWith('Aborted('))) {
      // The input that made the C library abort is corrupt; only later calls find the library unusable.
      aborted = cause.message;
      throw new CorruptDataError(`${what} made the HDF5 library abort (${cause.message.split('\n')[0]})`, { format: 'hdf5', ...ctx, cause });
    }
    throw new CorruptDataError(`${what} failed: ${summarizeH5Error(cause)}`, { format: 'hdf5', ...ctx, cause });
  }
}

/** Size of one wasm call's buffer: HDF5 handles about 1 GiB per read/write call; stay well below. */
export const DEFAULT_SLICE_BYTES = 256 * 2 ** 20;
