/**
 * `omega evaluate --subjects N --seed S --workers K --out DIR [--as-of DATE] [--queue redis://…]`
 * (work in evaluate-run.ts, loaded when it runs).
 */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { nonNegativeInt, positiveInt, type CommandInstaller } from '../program.js';
import { isoDate } from './_options.js';
import type { EvaluateOptions } from './evaluate-run.js';

export const installEvaluate: CommandInstaller = (program: Command, io: Io, setExit) => {
  program
    .command('evaluate')
    .description('evaluate the recommendation engine on N seeded subjects: metrics with intervals, report and charts in DIR')
    .requiredOption('--subjects <n>', 'how many subjects', positiveInt('--subjects'))
    .requiredOption('--seed <s>', 'seed (same seed → same files, for any worker count)', nonNegativeInt('--seed'))
    .addOption(new Option('--workers <k>', 'worker threads').default(1).argParser(positiveInt('--workers')))
    .option('--out <dir>', 'output folder (default: evaluation_results_<as-of>)')
    .addOption(new Option('--as-of <date>', "the subjects' today, YYYY-MM-DD (default: today, UTC — read once, here; every date in the outputs comes from it)").argParser(isoDate('--as-of')))
    .option('--months <m>', 'months of recommendations asked of the engine (default: the evaluation\'s)', positiveInt('--months'))
    .option('--paths <n>', 'prediction-mesh paths (default: the evaluation\'s)', positiveInt('--paths'))
    .option('--horizon-years <y>', 'planning horizon in whole years (default: the evaluation\'s)', positiveInt('--horizon-years'))
    .option('--queue <url>', 'distribute subjects over BullMQ on Redis (redis://HOST:PORT); run `omega worker --queue URL` on any machine that sees --out')
    .action(async (given: Omit<EvaluateOptions, 'asOf' | 'out'> & { asOf?: string; out?: string }) => {
      const asOf = given.asOf ?? new Date().toISOString().slice(0, 10);
      const opts: EvaluateOptions = { ...given, asOf, out: given.out ?? `evaluation_results_${asOf}` };
      setExit(await (await import('./evaluate-run.js')).runEvaluate(opts, io));
    });
};
