/**
 * `pnpm eval` (package script): a small workspace-wide evaluation. Settings from the environment:
 * OMEGA_EVAL_SUBJECTS (default 24), OMEGA_EVAL_SEED (7), OMEGA_EVAL_WORKERS (2), OMEGA_EVAL_AS_OF (required
 * for a reproducible date; default 2025-07-01, a fixed date rather than the clock), OMEGA_EVAL_OUT
 * (default evaluation_results_<asOf>).
 */
import { runEvaluation } from './run/run-evaluation.js';
import { isEvaluationError } from './errors.js';

const env = process.env;
const num = (v: string | undefined, d: number) => (v === undefined || v === '' ? d : Number(v));

try {
  const run = await runEvaluation({
    subjects: num(env.OMEGA_EVAL_SUBJECTS, 24),
    seed: num(env.OMEGA_EVAL_SEED, 7),
    workers: num(env.OMEGA_EVAL_WORKERS, 2),
    asOf: env.OMEGA_EVAL_AS_OF ?? '2025-07-01',
    ...(env.OMEGA_EVAL_OUT ? { out: env.OMEGA_EVAL_OUT } : {}),
    onProgress: ({ done, total }) => process.stderr.write(`\revaluated ${done}/${total}`),
  });
  process.stderr.write('\n');
  console.log(`engine: ${run.aggregate.engine}; overall grade: ${run.aggregate.overallGrade ?? 'not graded'}`);
  console.log(`report: ${run.out}/${run.files.report}`);
} catch (error) {
  process.stderr.write('\n');
  console.error(isEvaluationError(error) ? `${error.name} [${error.code}]: ${error.message}` : error);
  process.exitCode = 1;
}
