/** Where a command writes: stdout lines, stderr lines. Tests pass their own. */
export interface Io {
  out(line: string): void;
  error(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};
