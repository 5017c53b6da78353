/** Run Debian's python3 (with numpy/h5py from apt) on a script; fails loudly if it or a module is missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const PYTHON = '/usr/bin/python3';

export function runPython(script: string, args: string[] = []): string {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found: install Debian's python3 with python3-numpy and python3-h5py (.ci/run does)`);
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
