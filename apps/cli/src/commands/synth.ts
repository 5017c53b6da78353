/** `omega synth --subjects N --seed S --out FILE [--start DATE]`: seeded synthetic subjects (@omega/synthetic-data). */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { nonNegativeInt, positiveInt, type CommandInstaller } from '../program.js';
import { DEMO_AS_OF } from './_demo-plan.js';
import { isoDate } from './_options.js';
import type { SynthOptions } from './synth-run.js';

export const installSynth: CommandInstaller = (program: Command, io: Io, setExit) => {
  program
    .command('synth')
    .description('generate seeded synthetic subjects (people with balance sheets, milestones and a checking history)')
    .requiredOption('--subjects <n>', 'how many subjects', positiveInt('--subjects'))
    .requiredOption('--seed <s>', 'seed (same seed → same bytes)', nonNegativeInt('--seed'))
    .requiredOption('--out <file>', 'where to write the subjects file')
    .addOption(new Option('--start <date>', "the data set's today, YYYY-MM-DD").default(DEMO_AS_OF).argParser(isoDate('--start')))
    .option('--history-months <m>', 'months of checking history, 0–36 (default 12)', nonNegativeInt('--history-months'))
    .addOption(new Option('--format <format>', 'file format').choices(['json', 'compressed', 'auto']).default('json'))
    .action(async (opts: SynthOptions) => {
      setExit(await (await import('./synth-run.js')).runSynth(opts, io));
    });
};
