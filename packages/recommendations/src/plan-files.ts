/** Export of a plan through @omega/storage; loading gives an object equal to the one saved. */
import { decode, encode, load, save, type SaveResult } from '@omega/storage';
import { InvalidPlanFileError } from './errors.js';
import type { RecommendationPlan } from './types.js';

export type PlanFormat = 'json' | 'compressed';

export function savePlan(plan: RecommendationPlan, path: string, format: PlanFormat = 'json'): Promise<SaveResult> {
  return save(plan, path, { format });
}

export async function encodePlan(plan: RecommendationPlan, format: PlanFormat = 'json'): Promise<Uint8Array> {
  const out = await encode(plan, { format });
  return typeof out === 'string' ? new TextEncoder().encode(out) : out;
}

function checkPlan(value: unknown): RecommendationPlan {
  if (value === null || typeof value !== 'object') throw new InvalidPlanFileError('$', 'an object', value);
  const v = value as Partial<RecommendationPlan>;
  if (v.kind !== 'omega-recommendation-plan') throw new InvalidPlanFileError('$.kind', '"omega-recommendation-plan"', v.kind);
  if (v.version !== 1) throw new InvalidPlanFileError('$.version', '1', v.version);
  for (const key of ['recommendations', 'dropped'] as const) if (!Array.isArray(v[key])) throw new InvalidPlanFileError(`$.${key}`, 'an array', v[key]);
  if (v.analysis === null || typeof v.analysis !== 'object') throw new InvalidPlanFileError('$.analysis', 'an object', v.analysis);
  if (v.matrix === null || typeof v.matrix !== 'object' || !Array.isArray(v.matrix.scenarios)) throw new InvalidPlanFileError('$.matrix.scenarios', 'an array', v.matrix);
  return v as RecommendationPlan;
}

export async function loadPlan(path: string, format: PlanFormat | 'auto' = 'auto'): Promise<RecommendationPlan> {
  return checkPlan(await load(path, { format }));
}

export async function decodePlan(bytes: Uint8Array, format: PlanFormat | 'auto' = 'auto'): Promise<RecommendationPlan> {
  return checkPlan(await decode(bytes, { format }));
}
