import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { load, save } from '@omega/storage';
import { EvaluationExportMissingError, InvalidRunOptionError, type SubjectFailure } from './errors.js';
import type { RunSpec, SubjectTask } from './task.js';

export const EVALUATION_TASK_NAME = 'omega-evaluation';

/**
 * Where workers put each subject's result (through @omega/storage) until the coordinator assembles the folder
 * `runEvaluation` writes (one subjects document, the aggregate, report and charts). Removed after a successful run.
 */
export const STAGING_DIR = '.omega-queue-subjects';

/** Settings of one evaluation subject (mirrors @omega/evaluation's RunSettings minus `subjects`). */
interface EvaluationSettings {
  seed: number; asOf: string; months: number; horizonYears: number; paths: number; outcomeDraws: number;
  recommenderPaths: number; bootstrapResamples: number;
}

/** The @omega/evaluation exports the queue builds on (worker side, then coordinator side). */
export interface EvaluationStepExports {
  evaluateSubject(index: number, settings: Omit<EvaluationSettings, 'bootstrapResamples'>, recommender: unknown): unknown;
  OMEGA_RECOMMENDER: { name: string };
  EVALUATION_DEFAULTS: { months: number; horizonYears: number; paths: number; outcomeDraws: number; recommenderPaths: number };
  DEFAULT_RESAMPLES: number;
  aggregate(results: readonly unknown[], settings: EvaluationSettings & { subjects: number }, engine: string): unknown;
  /** Not exported by @omega/evaluation yet (internal `run/write-outputs.ts`): needed for byte-identical folders. */
  writeOutputs(dir: string, results: readonly unknown[], aggregate: unknown): Promise<unknown>;
}

const WORKER_EXPORTS = ['evaluateSubject', 'OMEGA_RECOMMENDER', 'EVALUATION_DEFAULTS', 'DEFAULT_RESAMPLES'] as const;
const COORDINATOR_EXPORTS = [...WORKER_EXPORTS, 'aggregate', 'writeOutputs'] as const;
const SETTING_NAMES = ['months', 'horizonYears', 'paths', 'outcomeDraws', 'recommenderPaths', 'bootstrapResamples'] as const;

export type EvaluationRole = 'worker' | 'coordinator';

async function loadEvaluation(role: EvaluationRole): Promise<EvaluationStepExports> {
  const module = (await import('@omega/evaluation')) as Record<string, unknown>;
  const needed = role === 'worker' ? WORKER_EXPORTS : COORDINATOR_EXPORTS;
  const missing = needed.filter((name) => module[name] === undefined);
  if (missing.length > 0) {
    throw new EvaluationExportMissingError(
      `@omega/evaluation does not export ${missing.join(', ')}, which the queue's ${role} needs (see the @omega/evaluation-queue README)`,
      { field: missing.join(', '), expected: `exports of @omega/evaluation: ${needed.join(', ')}`, received: Object.keys(module).sort() },
    );
  }
  return module as unknown as EvaluationStepExports;
}

export function subjectStagingPath(out: string, index: number): string {
  return join(out, STAGING_DIR, `subject-${String(index).padStart(7, '0')}.json`);
}

function settingsOf(spec: RunSpec, evaluation: EvaluationStepExports): EvaluationSettings {
  const o = spec.options;
  const unknown = Object.keys(o).filter((key) => !(SETTING_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new InvalidRunOptionError(`options.taskOptions: unknown evaluation setting(s) ${unknown.join(', ')}; expected some of ${SETTING_NAMES.join(', ')}`, {
      field: 'options.taskOptions', expected: SETTING_NAMES.join(' | '), received: unknown,
    });
  }
  const d = evaluation.EVALUATION_DEFAULTS;
  const pick = (name: (typeof SETTING_NAMES)[number], fallback: number) => (o[name] === undefined ? fallback : (o[name] as number));
  return {
    seed: spec.seed, asOf: spec.asOf,
    months: pick('months', d.months), horizonYears: pick('horizonYears', d.horizonYears), paths: pick('paths', d.paths),
    outcomeDraws: pick('outcomeDraws', d.outcomeDraws), recommenderPaths: pick('recommenderPaths', d.recommenderPaths),
    bootstrapResamples: pick('bootstrapResamples', evaluation.DEFAULT_RESAMPLES),
  };
}

/**
 * The subject task of a real evaluation, backed by @omega/evaluation (imported lazily). Workers compute
 * `evaluateSubject(i)` and stage it; the coordinator loads the staged results in index order, aggregates and writes
 * the same folder as `runEvaluation`, then removes the staging folder. Settings (months, paths, …) come from
 * `taskOptions` and default to @omega/evaluation's defaults. `role` decides which exports must exist.
 */
export async function createEvaluationTask(role: EvaluationRole = 'coordinator'): Promise<SubjectTask> {
  const evaluation = await loadEvaluation(role);
  return {
    name: EVALUATION_TASK_NAME,
    async runSubject(spec, index) {
      const { bootstrapResamples: _unused, ...subjectSettings } = settingsOf(spec, evaluation);
      const result = evaluation.evaluateSubject(index, subjectSettings, evaluation.OMEGA_RECOMMENDER);
      await mkdir(join(spec.out, STAGING_DIR), { recursive: true });
      await save(result, subjectStagingPath(spec.out, index), 'json');
    },
    async aggregate(spec, failed: readonly SubjectFailure[]) {
      if (typeof evaluation.writeOutputs !== 'function') await loadEvaluation('coordinator');
      const settings = settingsOf(spec, evaluation);
      const failedSet = new Set(failed.map((f) => f.index));
      const results: unknown[] = [];
      for (let index = 0; index < spec.subjects; index++) {
        if (!failedSet.has(index)) results.push(await load(subjectStagingPath(spec.out, index), 'json'));
      }
      // Same key order as runEvaluation's settings: the aggregate embeds them, and key order is part of the bytes.
      const agg = evaluation.aggregate(results, { subjects: spec.subjects, ...settings }, evaluation.OMEGA_RECOMMENDER.name);
      await evaluation.writeOutputs(spec.out, results, agg);
      await rm(join(spec.out, STAGING_DIR), { recursive: true, force: true });
    },
  };
}

