/**
 * Worker thread that decodes untrusted HDF5 files (see worker-client.ts). h5wasm runs here, so a file that makes
 * the C library loop forever can be stopped by terminating this thread, and a wasm abort poisons only this
 * thread's module. Replies carry packed values (transfer.ts) with their array buffers transferred.
 */
import { parentPort } from 'node:worker_threads';
import { StorageError } from '../../errors.js';
import type { LoadPolicy } from '../../limits.js';
import { h5wasm, h5wasmAborted } from './_h5wasm.js';
import type { InspectNode } from '../../inspect.js';
import { createRegistry } from '../../registry.js';
import { inspectHDF5 } from './inspect.js';
import { readHDF5File } from './read-file.js';
import { DeferredJSON, pack, type Packed } from './transfer.js';

export interface DecodeRequest {
  id: number;
  /** 'load': the whole file as a packed value; 'inspect': the header tree (`omega inspect`), no payload read. */
  kind: 'load' | 'inspect';
  file: string;
  policy: LoadPolicy;
  sliceBytes: number;
}

export interface WorkerErrorInfo {
  code: string;
  detail: string;
  context: Record<string, string | number | undefined>;
  /** Set for errors that are not StorageErrors (a bug in the reader): name and message. */
  raw?: string;
}

/** Sent once, after h5wasm has been initialised. */
export interface WorkerReady {
  ready: true;
}

export type DecodeReply =
  | { id: number; ok: true; value: Packed | InspectNode; retire: boolean }
  | { id: number; ok: false; error: WorkerErrorInfo; retire: boolean };

function describeError(error: unknown): WorkerErrorInfo {
  if (error instanceof StorageError) {
    const { file, format, path, offset, expected, received } = error.context;
    return { code: error.code, detail: error.detail, context: { file, format, path, offset, expected, received } };
  }
  const e = error as Error | undefined;
  return { code: 'CORRUPT_DATA', detail: `unreadable HDF5 input: ${e?.message ?? String(error)}`, context: { format: 'hdf5' }, raw: `${e?.name}: ${e?.message}` };
}

const port = parentPort;
if (port === null) throw new Error('decode-worker.ts must run as a worker thread');

// Initialise h5wasm before saying ready, so the client's deadline measures decoding, not start-up. A failure
// here is reported per request (as FormatUnavailableError) by readHDF5File.
await h5wasm().catch(() => undefined);
port.postMessage({ ready: true } satisfies WorkerReady);

port.on('message', (request: DecodeRequest) => {
  void (async () => {
    let reply: DecodeReply;
    let transfer: ArrayBuffer[] = [];
    try {
      if (request.kind === 'inspect') {
        // Custom codecs cannot cross into the worker: typed-JSON attributes are summarized without them.
        const tree = await inspectHDF5(request.file, { policy: request.policy, registry: createRegistry(), options: {} });
        reply = { id: request.id, ok: true, value: tree, retire: h5wasmAborted() };
      } else {
        const value = await readHDF5File(request.file, {
          policy: request.policy, codecs: [], sliceBytes: request.sliceBytes,
          deferJSON: (text, path) => new DeferredJSON(text, path),
        });
        const buffers = new Set<ArrayBuffer>();
        const packed = pack(value, buffers);
        transfer = [...buffers];
        reply = { id: request.id, ok: true, value: packed, retire: h5wasmAborted() };
      }
    } catch (error) {
      reply = { id: request.id, ok: false, error: describeError(error), retire: h5wasmAborted() };
    }
    port.postMessage(reply, transfer);
  })();
});
