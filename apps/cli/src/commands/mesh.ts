/**
 * `omega mesh --subject FILE [--index I] | --demo`: build a planning mesh for a synthetic subject or for the
 * embedded demo household, save it and print what it says (the work is in mesh-run.ts, loaded when it runs).
 */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { nonNegativeInt, positiveInt, type CommandInstaller } from '../program.js';
import { DEMO_AS_OF, DEMO_SEED } from './_demo-plan.js';
import { isoDate, positiveNumber } from './_options.js';
import type { MeshOptions } from './mesh-run.js';

export const DEFAULT_PATHS = 500;

export const installMesh: CommandInstaller = (program: Command, io: Io, setExit) => {
  program
    .command('mesh')
    .description('build a planning mesh for a subject (--subject) or the embedded demo household (--demo) and save it')
    .option('--subject <file>', 'subjects file written by `omega synth`')
    .addOption(new Option('--index <i>', 'which subject in the file (0-based)').default(0).argParser(nonNegativeInt('--index')))
    .option('--demo', 'plan for the embedded demo household (its wedding paid in three parts)')
    .option('--as-of <date>', `plan start YYYY-MM-DD (default: the day after the subject's history; ${DEMO_AS_OF} for --demo)`, isoDate('--as-of'))
    .addOption(new Option('--seed <s>', 'seed of the market paths').default(DEMO_SEED).argParser(nonNegativeInt('--seed')))
    .addOption(new Option('--paths <n>', 'simulated paths (≥ 2)').default(DEFAULT_PATHS).argParser(positiveInt('--paths')))
    .addOption(new Option('--horizon-years <y>', 'years planned').default(30).argParser(positiveNumber('--horizon-years')))
    .requiredOption('--out <file>', 'where to write the mesh')
    .addOption(new Option('--format <format>', 'storage format (auto, compressed, json, hdf5, …)').default('auto'))
    .action(async (opts: MeshOptions) => {
      setExit(await (await import('./mesh-run.js')).runMesh(opts, io));
    });
};
