/** Small evaluation runs: POST starts one in the background (202), GET reports its status and result. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../errors.js';
import { toErrorResponse } from '../http/error-response.js';
import { evaluationBody, evaluationParams, formatQuery } from '../http/schemas.js';
import { sendValue } from '../http/send-value.js';
import { parseIsoDay } from '../engines/iso-date.js';
import type { AppState, EvaluationRecord } from '../state/app-state.js';

/** What a client may see of a failed run: a typed engine error keeps its code and message (no stack), anything else is generic. */
function engineFailure(error: unknown): { code: string; message: string } {
  const mapped = toErrorResponse(error);
  if (!mapped.unexpected) return { code: mapped.body.error.code, message: mapped.body.error.message };
  const e = error as { code?: unknown; message?: unknown };
  if (error instanceof Error && typeof e.code === 'string') return { code: e.code, message: error.message };
  return { code: 'INTERNAL', message: 'the evaluation failed' };
}

export function evaluationRoutes(app: FastifyInstance, state: AppState): void {
  app.post('/api/evaluations', { schema: { body: evaluationBody, querystring: formatQuery } }, async (request, reply) => {
    const body = request.body as { subjects: number; seed: number; workers?: number; asOf?: string };
    const asOf = body.asOf ?? state.config.asOf;
    parseIsoDay(asOf, 'body.asOf');
    const runEvaluation = await state.engines.runEvaluation(); // 503 here, before accepting, if it is missing
    const id = `ev-${state.nextNumber()}`;
    const record: EvaluationRecord = { id, status: 'running', request: { subjects: body.subjects, seed: body.seed, workers: body.workers ?? 1, asOf } };
    state.evaluations.set(id, record);
    void (async () => {
      const out = await mkdtemp(join(tmpdir(), 'omega-web-eval-'));
      try {
        const run = (await runEvaluation({ ...record.request, out })) as { aggregate?: { engine?: unknown } };
        // The output folder is temporary (removed below), so only the in-memory results are kept.
        record.result = { engine: run.aggregate?.engine, aggregate: run.aggregate };
        record.status = 'done';
      } catch (error) {
        request.log.error({ err: error }, `evaluation ${id} failed`);
        record.error = engineFailure(error);
        record.status = 'failed';
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    })();
    reply.header('location', `/api/evaluations/${id}`);
    return sendValue(request, reply, { id, status: record.status, request: record.request }, { status: 202, allowed: ['json', 'compressed'] });
  });

  app.get('/api/evaluations/:id', { schema: { params: evaluationParams, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const record = state.evaluations.get(id);
    if (!record) throw new NotFoundError('evaluation', id, 'params.id');
    return sendValue(request, reply, record, { allowed: ['json', 'compressed', 'hdf5'] });
  });
}
