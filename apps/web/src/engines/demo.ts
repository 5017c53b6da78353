/**
 * The complete demo behind GET /demo: a generated subject, a mesh, a three-part flexible payment on the first
 * milestone inside the horizon (part now, part on a date, the rest when wealth allows), system status and
 * recommendations. Everything follows from (seed, asOf), so results are cached per seed.
 */
import { generateSubject, type Person } from '@omega/synthetic-data';
import { toErrorResponse } from '../http/error-response.js';
import type { AppState } from '../state/app-state.js';
import { addMonthsUtc, parseIsoDay } from './iso-date.js';
import { MeshSession, type PaymentRequest } from './mesh-session.js';

const DEMO_MESH = { horizonYears: 10, paths: 400, stepMonths: 1 } as const;
const SEARCH_LIMIT = 64;

/** The first subject index (from 0) whose person has a payable milestone inside the demo horizon. */
function pickPerson(seed: number, asOf: string): { person: Person; session: MeshSession; milestoneIndex: number } {
  const start = parseIsoDay(asOf, 'asOf');
  for (let index = 0; index < SEARCH_LIMIT; index++) {
    const person = generateSubject({ seed, index, start: asOf, historyMonths: 0 });
    const session = new MeshSession(person, start, { ...DEMO_MESH, seed });
    const first = session.mesh.milestoneRecords()[0];
    if (first) return { person, session, milestoneIndex: person.milestones.findIndex((m) => m.id === first.id) };
  }
  throw new Error(`no subject with a milestone inside ${DEMO_MESH.horizonYears} years among the first ${SEARCH_LIMIT} of seed ${seed}`);
}

export function threePartPayment(session: MeshSession, milestoneId: string): PaymentRequest {
  const m = session.mesh.milestone(milestoneId);
  const due = m.input.dueDate;
  const start = session.mesh.now;
  const monthsToDue = Math.max(1, Math.round((due.getTime() - start.getTime()) / (30.44 * 86_400_000)));
  const now = Math.floor(Math.min(0.2 * m.remaining, 0.5 * Math.max(0, session.mesh.balance)));
  const parts: PaymentRequest['parts'] = [];
  if (now > 0) parts.push({ when: 'now', amount: now });
  parts.push({ when: addMonthsUtc(start, Math.ceil(monthsToDue / 2)).toISOString().slice(0, 10), fraction: 0.3 });
  parts.push({ when: { wealthAtLeast: Math.ceil(m.remaining), notBefore: due.toISOString().slice(0, 10) }, rest: true });
  return { milestoneId, parts };
}

export async function systemStatus(state: AppState) {
  const probe = async (get: () => Promise<unknown>) => {
    try {
      await get();
      return { available: true };
    } catch (error) {
      return { available: false, reason: toErrorResponse(error).body.error.message };
    }
  };
  return {
    service: '@omega/web',
    node: process.version,
    asOf: state.config.asOf,
    subjectsHeld: state.subjects.size,
    subjectCapacity: state.config.maxSubjects,
    evaluationsHeld: state.evaluations.size,
    capabilities: {
      recommendations: await probe(state.engines.recommend),
      evaluation: await probe(state.engines.runEvaluation),
    },
  };
}

/** The deterministic part of the demo (system status is added per request). */
export async function buildDemo(state: AppState, seed: number) {
  const asOf = state.config.asOf;
  const { person, session, milestoneIndex } = pickPerson(seed, asOf);
  const before = session.mesh.milestoneFunding();
  const payment = threePartPayment(session, person.milestones[milestoneIndex]!.id);
  const outcome = session.pay(payment);
  let recommendations: unknown;
  try {
    const recommend = await state.engines.recommend();
    recommendations = { available: true, result: await recommend(person, { months: 12, seed, asOf, paths: 200 }) };
  } catch (error) {
    recommendations = { available: false, error: toErrorResponse(error).body.error };
  }
  return {
    seed,
    asOf,
    subject: person,
    mesh: session.view(person.id),
    payment: { request: payment, madeNow: outcome.made, fundingBefore: before },
    recommendations,
  };
}
