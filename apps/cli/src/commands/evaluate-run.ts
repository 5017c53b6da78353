/** The work of `omega evaluate`: a seeded evaluation run over N subjects (@omega/evaluation), with progress. */
import { isAbsolute, join } from 'node:path';
import { runEvaluation } from '@omega/evaluation';
import type { Io } from '../io.js';
import { startProgress } from '../progress.js';

export interface EvaluateOptions {
  subjects: number;
  seed: number;
  workers: number;
  out: string;
  asOf: string;
  months?: number;
  paths?: number;
  horizonYears?: number;
  queue?: string;
}

const show = (x: number | null, digits = 3): string => (x === null ? 'n/a' : x.toFixed(digits));

export async function runEvaluate(options: EvaluateOptions, io: Io): Promise<number> {
  if (options.queue !== undefined) return runQueued(options, io);
  const progress = startProgress('evaluate', options.subjects);
  let seen = 0;
  let run;
  try {
    run = await runEvaluation({
      subjects: options.subjects, seed: options.seed, workers: options.workers, out: options.out, asOf: options.asOf,
      ...(options.months === undefined ? {} : { months: options.months }),
      ...(options.paths === undefined ? {} : { paths: options.paths }),
      ...(options.horizonYears === undefined ? {} : { horizonYears: options.horizonYears }),
      onProgress: ({ done }) => {
        for (; seen < done; seen++) progress.tick();
      },
    });
  } finally {
    progress.stop();
  }
  const a = run.aggregate;
  io.out(`evaluated ${options.subjects} subject(s) (seed ${options.seed}, as of ${options.asOf}, engine ${a.engine}); overall grade ${a.overallGrade ?? 'n/a'}`);
  for (const m of a.metrics) io.out(`  ${m.label}: ${show(m.estimate)} [${show(m.ci95[0])}, ${show(m.ci95[1])}] (n = ${m.n}, grade ${m.grade ?? 'n/a'})`);
  io.out(`results are in ${run.out}:`);
  const { charts, ...files } = run.files;
  for (const [what, path] of Object.entries({ ...files, ...charts })) io.out(`  ${what.padEnd(12)} ${isAbsolute(path) ? path : join(run.out, path)}`);
  return 0;
}

/** `--queue`: the coordinator enqueues subject ranges; `omega worker` processes compute them; we aggregate. */
async function runQueued(options: EvaluateOptions, io: Io): Promise<number> {
  const { runQueuedEvaluation } = await import('@omega/evaluation-queue');
  const taskOptions = {
    ...(options.months === undefined ? {} : { months: options.months }),
    ...(options.paths === undefined ? {} : { paths: options.paths }),
    ...(options.horizonYears === undefined ? {} : { horizonYears: options.horizonYears }),
  };
  const result = await runQueuedEvaluation({
    queue: options.queue!, subjects: options.subjects, seed: options.seed, asOf: options.asOf, out: options.out,
    progress: 'auto', taskOptions,
  });
  io.out(`evaluated ${result.completed} of ${result.subjects} subject(s) over ${options.queue} (run ${result.runId}${result.resumedFrom > 0 ? `, resumed with ${result.resumedFrom} already done` : ''})`);
  for (const f of result.failed) io.out(`  FAILED subject ${f.index}: ${f.message}`);
  io.out(`results are in ${result.out}`);
  return result.failed.length > 0 ? 1 : 0;
}
