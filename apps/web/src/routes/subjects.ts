/** Subjects and their planning meshes: create, read, pay, advance, recommendations. */
import type { FastifyInstance } from 'fastify';
import { MeshSession, type AdvanceRequest, type PaymentRequest } from '../engines/mesh-session.js';
import { createSubject, type SubjectRequest } from '../engines/subject-factory.js';
import { formatIsoDay, parseIsoDay } from '../engines/iso-date.js';
import { InvalidInputError } from '../errors.js';
import type { AppState } from '../state/app-state.js';
import { sendValue } from '../http/send-value.js';
import { advanceBody, createMeshBody, createSubjectBody, formatQuery, paymentBody, recommendationsQuery, subjectParams } from '../http/schemas.js';

interface IdParams {
  id: string;
}

interface MeshBody {
  horizonYears?: number;
  paths?: number;
  seed?: number;
  stepMonths?: number;
  market?: { mu: number; sigma: number };
}

export const DEFAULT_MESH = { horizonYears: 10, paths: 500, stepMonths: 1 } as const;

function queryInt(value: string | undefined, fallback: number, field: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidInputError(field, `an integer in [${min}, ${max}]`, JSON.stringify(value));
  return n;
}

export function subjectRoutes(app: FastifyInstance, state: AppState): void {
  app.post('/api/subjects', { schema: { body: createSubjectBody, querystring: formatQuery } }, async (request, reply) => {
    const body = request.body as Omit<SubjectRequest, 'start'> & { start?: string };
    const start = body.start ?? state.config.asOf;
    parseIsoDay(start, 'body.start');
    const variant = body.profile ? state.nextNumber() : 0;
    const subject = createSubject({ ...body, start }, variant);
    const existing = state.subjects.get(subject.id);
    if (existing) return sendValue(request, reply, existing.subject, { allowed: ['json', 'compressed'] });
    state.subjects.set(subject.id, { subject, recommendations: new Map() });
    reply.header('location', `/api/subjects/${subject.id}`);
    return sendValue(request, reply, subject, { status: 201, allowed: ['json', 'compressed'] });
  });

  app.get('/api/subjects/:id', { schema: { params: subjectParams, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    return sendValue(request, reply, state.subject(id).subject, { allowed: ['json', 'compressed'] });
  });

  app.post('/api/subjects/:id/mesh', { schema: { params: subjectParams, body: createMeshBody, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    const body = (request.body ?? {}) as MeshBody;
    const record = state.subject(id);
    const options = {
      horizonYears: body.horizonYears ?? DEFAULT_MESH.horizonYears,
      paths: body.paths ?? DEFAULT_MESH.paths,
      stepMonths: body.stepMonths ?? DEFAULT_MESH.stepMonths,
      seed: body.seed ?? record.subject.source.seed,
      ...(body.market ? { market: body.market } : {}),
    };
    record.mesh = new MeshSession(record.subject.person, parseIsoDay(record.subject.source.start, 'subject.start'), options);
    return sendValue(request, reply, record.mesh.view(id), { status: 201, allowed: ['json', 'compressed', 'hdf5'] });
  });

  app.get('/api/subjects/:id/mesh', { schema: { params: subjectParams, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    return sendValue(request, reply, state.mesh(id).view(id), { allowed: ['json', 'compressed', 'hdf5'] });
  });

  app.get('/api/subjects/:id/mesh/arrays', { schema: { params: subjectParams, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    return sendValue(request, reply, state.mesh(id).arrays(), { allowed: ['json', 'compressed', 'safetensors', 'npz', 'hdf5'] });
  });

  app.get('/api/subjects/:id/mesh/wealth', { schema: { params: subjectParams, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    return sendValue(request, reply, state.mesh(id).wealth(), { allowed: ['json', 'compressed', 'npy', 'hdf5'] });
  });

  app.post('/api/subjects/:id/payments', { schema: { params: subjectParams, body: paymentBody, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    const mesh = state.mesh(id);
    const outcome = mesh.pay(request.body as PaymentRequest);
    return sendValue(request, reply, { ...outcome, mesh: mesh.view(id) }, { status: 201, allowed: ['json', 'compressed'] });
  });

  app.post('/api/subjects/:id/advance', { schema: { params: subjectParams, body: advanceBody, querystring: formatQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    const mesh = state.mesh(id);
    mesh.advance((request.body ?? {}) as AdvanceRequest);
    return sendValue(request, reply, mesh.view(id), { allowed: ['json', 'compressed', 'hdf5'] });
  });

  app.get('/api/subjects/:id/recommendations', { schema: { params: subjectParams, querystring: recommendationsQuery } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    const q = request.query as { months?: string; seed?: string; paths?: string };
    const record = state.subject(id);
    const recommend = await state.engines.recommend();
    const months = queryInt(q.months, 12, 'querystring.months', 1, 120);
    const seed = queryInt(q.seed, record.subject.source.seed, 'querystring.seed', 0, Number.MAX_SAFE_INTEGER);
    const paths = queryInt(q.paths, 200, 'querystring.paths', 2, 2000);
    const asOf = record.mesh ? formatIsoDay(record.mesh.mesh.now) : record.subject.source.start;
    const key = `${months}/${seed}/${paths}/${asOf}`;
    let result = record.recommendations.get(key);
    if (result === undefined) {
      result = await recommend(record.subject.person, { months, seed, asOf, paths });
      record.recommendations.set(key, result);
    }
    return sendValue(request, reply, { subjectId: id, asOf, months, seed, paths, result }, { allowed: ['json', 'compressed'] });
  });
}
