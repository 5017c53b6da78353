/**
 * `omega demo [--out DIR]`: the README's main job — an end-to-end run on an embedded default that writes its
 * results under DIR and prints where they are (the work is in demo-run.ts, loaded when it runs).
 */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { nonNegativeInt, positiveInt, type CommandInstaller } from '../program.js';
import { DEMO_AS_OF, DEMO_SEED } from './_demo-plan.js';
import { isoDate, positiveNumber } from './_options.js';
import type { DemoOptions } from './demo-run.js';
import { DEFAULT_PATHS } from './mesh.js';

export const DEFAULT_DEMO_DIR = 'omega-demo-output';

export const installDemo: CommandInstaller = (program: Command, io: Io, setExit) => {
  program
    .command('demo')
    .description('end-to-end run on an embedded default: subject → ledger → planning mesh with a three-part payment; prints where the results are')
    .addOption(new Option('--out <dir>', 'folder for the results').default(DEFAULT_DEMO_DIR))
    .addOption(new Option('--seed <s>', 'seed of the subject and the market paths').default(DEMO_SEED).argParser(nonNegativeInt('--seed')))
    .addOption(new Option('--as-of <date>', "the demo's today, YYYY-MM-DD").default(DEMO_AS_OF).argParser(isoDate('--as-of')))
    .addOption(new Option('--paths <n>', 'simulated market paths (≥ 2)').default(DEFAULT_PATHS).argParser(positiveInt('--paths')))
    .addOption(new Option('--horizon-years <y>', 'years planned').default(30).argParser(positiveNumber('--horizon-years')))
    .action(async (opts: DemoOptions) => {
      setExit(await (await import('./demo-run.js')).runDemo(opts, io));
    });
};
