/** Build the fastify app: config, routes, and the one error → response mapper. */
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultEngines, type Engines } from './engines/capabilities.js';
import { parseIsoDay } from './engines/iso-date.js';
import { toErrorResponse } from './http/error-response.js';
import { convertRoutes } from './routes/convert.js';
import { demoRoutes } from './routes/demo.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { subjectRoutes } from './routes/subjects.js';
import { AppState, type AppConfig } from './state/app-state.js';

export const DEFAULT_CONFIG: Readonly<AppConfig> = Object.freeze({
  asOf: '2025-07-01',
  maxSubjects: 1000,
  maxEvaluations: 50,
  bodyLimit: 64 * 1024,
  convertBodyLimit: 16 * 1024 * 1024,
  convertMaxDecompressedBytes: 64 * 1024 * 1024,
});

export interface ServerOptions extends Partial<AppConfig> {
  /** Replace the run-time engines (the defaults import @omega/recommendations and @omega/evaluation). */
  engines?: Engines;
  /** fastify logger (default off; `start` turns it on). */
  logger?: boolean;
}

export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const { engines, logger, ...overrides } = options;
  const config: AppConfig = { ...DEFAULT_CONFIG, ...overrides };
  parseIsoDay(config.asOf, 'asOf');
  const state = new AppState(config, engines ?? defaultEngines());
  const app = Fastify({
    logger: logger ?? false,
    bodyLimit: config.bodyLimit,
    // Strict bodies: no type coercion, no silently dropped fields (they are reported as 400s instead).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });

  app.setErrorHandler((error, request, reply) => {
    const mapped = toErrorResponse(error);
    if (mapped.unexpected) request.log.error({ err: error }, 'unexpected error');
    return reply.code(mapped.status).type('application/json; charset=utf-8').send(JSON.stringify(mapped.body));
  });
  app.setNotFoundHandler((request, reply) => {
    const body = { error: { status: 404, code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` } };
    return reply.code(404).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });

  subjectRoutes(app, state);
  evaluationRoutes(app, state);
  convertRoutes(app, state);
  demoRoutes(app, state);
  return app;
}
