/**
 * Engines loaded at run time. @omega/recommendations and @omega/evaluation are built by other work in the
 * workspace; when a package is missing or does not export the function we call, the route answers 503 naming it
 * instead of failing at start-up or inventing data.
 */
import type { Person } from '@omega/synthetic-data';
import { CapabilityUnavailableError } from '../errors.js';

export interface RecommendOptions {
  months: number;
  seed: number;
  asOf: string;
  paths?: number;
}
export type RecommendFn = (person: Person, options: RecommendOptions) => unknown;

export interface EvaluationOptions {
  subjects: number;
  seed: number;
  workers: number;
  out: string;
  asOf: string;
}
export type RunEvaluationFn = (options: EvaluationOptions) => unknown;

type Loader = (specifier: string) => Promise<Record<string, unknown>>;

const importModule: Loader = (specifier) => import(specifier) as Promise<Record<string, unknown>>;

/** Resolve `exportName` from `specifier` as a function, or throw CapabilityUnavailableError. Successes are memoised. */
export function capability<F>(specifier: string, exportName: string, load: Loader = importModule): () => Promise<F> {
  let resolved: F | undefined;
  return async () => {
    if (resolved !== undefined) return resolved;
    let mod: Record<string, unknown>;
    try {
      mod = await load(specifier);
    } catch {
      throw new CapabilityUnavailableError(`${specifier} ${exportName}()`, `package ${specifier} could not be loaded (is it built?)`);
    }
    const fn = mod[exportName];
    if (typeof fn !== 'function') {
      throw new CapabilityUnavailableError(`${specifier} ${exportName}()`, `package ${specifier} does not export ${exportName} yet`);
    }
    resolved = fn as F;
    return resolved;
  };
}

export interface Engines {
  recommend: () => Promise<RecommendFn>;
  runEvaluation: () => Promise<RunEvaluationFn>;
}

export function defaultEngines(): Engines {
  return {
    recommend: capability<RecommendFn>('@omega/recommendations', 'recommend'),
    runEvaluation: capability<RunEvaluationFn>('@omega/evaluation', 'runEvaluation'),
  };
}
