/** `omega recommend --subject FILE --months M --out FILE` (the work is in recommend-run.ts, loaded when it runs). */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { nonNegativeInt, positiveInt, type CommandInstaller } from '../program.js';
import { DEMO_SEED } from './_demo-plan.js';
import { isoDate, positiveNumber } from './_options.js';
import type { RecommendOptions } from './recommend-run.js';

export const installRecommend: CommandInstaller = (program: Command, io: Io, setExit) => {
  program
    .command('recommend')
    .description('month-by-month recommendations for one subject, each checked against its ledger, scored on the mesh')
    .requiredOption('--subject <file>', 'subjects file written by `omega synth`')
    .addOption(new Option('--index <i>', 'which subject in the file (0-based)').default(0).argParser(nonNegativeInt('--index')))
    .requiredOption('--months <m>', 'months to plan (1–120)', positiveInt('--months'))
    .requiredOption('--out <file>', 'where to write the plan')
    .addOption(new Option('--seed <s>', 'seed of the scoring mesh').default(DEMO_SEED).argParser(nonNegativeInt('--seed')))
    .option('--as-of <date>', "first day of the plan, YYYY-MM-DD (default: the day after the subject's history)", isoDate('--as-of'))
    .option('--paths <n>', 'mesh paths per scoring run (default: the engine\'s)', positiveInt('--paths'))
    .option('--horizon-years <y>', 'years simulated after each month (default: the engine\'s)', positiveNumber('--horizon-years'))
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'compressed']).default('json'))
    .action(async (opts: RecommendOptions) => {
      setExit(await (await import('./recommend-run.js')).runRecommend(opts, io));
    });
};
