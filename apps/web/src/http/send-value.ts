/** Encode a value in the negotiated representation and send it with the right Content-Type. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { encode, isStorageError, toJSONSafe } from '@omega/storage';
import { NotAcceptableError } from '../errors.js';
import { CONTENT_TYPES, type Representation } from './media-types.js';
import { negotiate } from './negotiate.js';

/** Typed JSON text of any value (Dates, NDArrays, bigints, NaN… become the storage markers). */
export function typedJsonText(value: unknown): string {
  return JSON.stringify(toJSONSafe(value));
}

export async function encodeAs(value: unknown, rep: Representation): Promise<string | Uint8Array> {
  if (rep === 'json') return typedJsonText(value);
  try {
    return await encode(value, rep);
  } catch (error) {
    // The value does not fit the format (npy holds one array, safetensors a flat record of arrays…).
    if (isStorageError(error) && error.code === 'UNSUPPORTED_VALUE') {
      throw new NotAcceptableError(`this resource cannot be represented as ${rep}: ${error.detail}`, 'json or compressed');
    }
    throw error;
  }
}

export interface SendOptions {
  status?: number;
  allowed?: readonly Representation[];
}

/** Negotiate (Accept or `?format=`), encode and send. */
export async function sendValue(request: FastifyRequest, reply: FastifyReply, value: unknown, options: SendOptions = {}): Promise<FastifyReply> {
  const query = request.query as { format?: string } | undefined;
  const rep = negotiate(request.headers.accept, query?.format, options.allowed);
  const body = await encodeAs(value, rep);
  reply.header('vary', 'Accept');
  return reply
    .code(options.status ?? 200)
    .type(CONTENT_TYPES[rep])
    .send(typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}
