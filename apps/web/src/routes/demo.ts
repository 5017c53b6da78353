/** GET /demo (the complete demo as data), GET /api/status, and the page at GET /. */
import type { FastifyInstance } from 'fastify';
import { buildDemo, systemStatus } from '../engines/demo.js';
import { InvalidInputError } from '../errors.js';
import { demoQuery, formatQuery } from '../http/schemas.js';
import { sendValue } from '../http/send-value.js';
import { PAGE_HTML } from '../page/page-html.js';
import { BoundedMap } from '../state/bounded-map.js';
import type { AppState } from '../state/app-state.js';

export const DEFAULT_DEMO_SEED = 7;

export function demoRoutes(app: FastifyInstance, state: AppState): void {
  const cache = new BoundedMap<number, Promise<Awaited<ReturnType<typeof buildDemo>>>>(16);

  app.get('/demo', { schema: { querystring: demoQuery } }, async (request, reply) => {
    const q = request.query as { seed?: string };
    const seed = q.seed === undefined ? DEFAULT_DEMO_SEED : Number(q.seed);
    if (!Number.isSafeInteger(seed)) throw new InvalidInputError('querystring.seed', 'a non-negative integer', JSON.stringify(q.seed));
    let pending = cache.get(seed);
    if (!pending) {
      pending = buildDemo(state, seed);
      cache.set(seed, pending);
    }
    let demo: Awaited<typeof pending>;
    try {
      demo = await pending;
    } catch (error) {
      cache.delete(seed);
      throw error;
    }
    // A demo built while recommendations were unavailable is not kept: the package may land while we run.
    if (!(demo.recommendations as { available: boolean }).available) cache.delete(seed);
    return sendValue(request, reply, { ...demo, system: await systemStatus(state) }, { allowed: ['json', 'compressed', 'hdf5'] });
  });

  app.get('/api/status', { schema: { querystring: formatQuery } }, async (request, reply) => sendValue(request, reply, await systemStatus(state), { allowed: ['json', 'compressed'] }));

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(PAGE_HTML));
}
