/**
 * POST /api/convert: upload a file in any format @omega/storage reads (raw bytes as the body), get the value back
 * as typed JSON (or any representation it fits, by Accept). Decoding runs under a strict load policy.
 */
import type { FastifyInstance } from 'fastify';
import { decode, detectFormat } from '@omega/storage';
import { InvalidInputError } from '../errors.js';
import { convertQuery } from '../http/schemas.js';
import { sendValue } from '../http/send-value.js';
import type { AppState } from '../state/app-state.js';

export function convertRoutes(app: FastifyInstance, state: AppState): void {
  // Encapsulated: only this plugin takes every content type as raw bytes.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: state.config.convertBodyLimit }, (_request, body, done) => done(null, body));
    scope.post('/api/convert', { schema: { querystring: convertQuery } }, async (request, reply) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.byteLength === 0) throw new InvalidInputError('body', 'the file as a non-empty request body');
      const from = (request.query as { from?: string }).from ?? 'auto';
      const detected = from === 'auto' ? detectFormat(bytes) : from;
      if (detected === undefined) throw new InvalidInputError('body', 'a file in a format @omega/storage recognises (json, compressed, npy, npz, safetensors, hdf5, pickle, torch)');
      const value = await decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        format: detected,
        policy: {
          maxInputBytes: state.config.convertBodyLimit,
          maxDecompressedBytes: state.config.convertMaxDecompressedBytes,
          maxElements: state.config.convertMaxDecompressedBytes / 4,
          maxDepth: 200,
        },
      });
      reply.header('x-omega-source-format', detected);
      return sendValue(request, reply, value);
    });
  });
}
