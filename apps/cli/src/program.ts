/** The `omega` command tree (commander). Each command lives in src/commands/; this file only wires them. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runConvert } from './commands/convert.js';
import { runInspect } from './commands/inspect.js';
import { CliUsageError, EXIT_OK, EXIT_USAGE, handleError } from './errors.js';
import type { Io } from './io.js';

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive integer, got '${value}'`);
    return n;
  };
}

export function nonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer, got '${value}'`);
    return n;
  };
}

/** Registers further commands (engine commands live in their own modules). */
export type CommandInstaller = (program: Command, io: Io, setExit: (code: number) => void) => void;

export function buildProgram(io: Io, setExit: (code: number) => void, installers: readonly CommandInstaller[] = []): Command {
  const program = new Command('omega')
    .description('Omega: exact storage for arrays and results, and the engines that produce them')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.error(s.trimEnd()) })
    .exitOverride();

  program
    .command('convert')
    .description('convert legacy files (plain/typed JSON, compressed text) to a DL-friendly format, in place, with backups')
    .argument('<paths...>', 'files or directories')
    .option('-r, --recursive', 'descend into directories')
    .option('-n, --dry-run', 'report what would change, write nothing')
    .addOption(new Option('-f, --format <format>', 'target format (auto, json, compressed, hdf5, …)').default('auto'))
    .option('--report <file>', 'write the JSON report here')
    .action(async (paths: string[], opts: { recursive?: boolean; dryRun?: boolean; format: string; report?: string }) => {
      setExit(await runConvert(paths, opts, io));
    });

  program
    .command('inspect')
    .description('show the sniffed format and a tree of the value (types, dtypes, shapes, sizes)')
    .argument('<file>', 'any file omega reads')
    .option('--json', 'print the tree as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      setExit(await runInspect(file, opts, io));
    });

  for (const install of installers) install(program, io, setExit);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.error(s.trimEnd()) }).showHelpAfterError('(run with --help for usage)');
  return program;
}

/** Run the CLI on argv (without node and script); returns the exit code. The one error boundary. */
export async function main(argv: readonly string[], io: Io, installers: readonly CommandInstaller[] = []): Promise<number> {
  let exit = EXIT_OK;
  const program = buildProgram(io, (code) => (exit = code), installers);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE; // commander already printed the message and the hint
    }
    return handleError(error, io, () => 'run `omega --help` for usage');
  }
}

export { CliUsageError };
