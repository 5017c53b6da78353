export { main, buildProgram } from './program.js';
export type { CommandInstaller } from './program.js';
export { convertPaths } from './commands/convert.js';
export type { ConvertOptions, ConvertReport, ConvertEntry, ConvertStatus } from './commands/convert.js';
export { renderTree } from './commands/inspect.js';
export { CliUsageError, CliFailure, handleError, EXIT_OK, EXIT_FAILURE, EXIT_USAGE } from './errors.js';
export type { Io } from './io.js';
