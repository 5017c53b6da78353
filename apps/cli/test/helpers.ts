/** Shared set-up for the engine command tests: a temp folder and one small subjects file made by the real CLI. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { BIN, omega, type CliResult } from './run-cli.js';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `omega-${prefix}-`));
}

/** `omega synth --subjects 6 --seed 7` into `dir/subjects.json` (start 2025-07-01, 12 months of history). */
export function makeSubjects(dir: string): string {
  const file = join(dir, 'subjects.json');
  const r = omega(['synth', '--subjects', '6', '--seed', '7', '--start', '2025-07-01', '--out', file]);
  if (r.code !== 0) throw new Error(`synth failed: ${r.stderr}`);
  return file;
}

/** Run several CLI invocations concurrently (for the many small bad-argument cases). */
export function omegaAll(cases: readonly string[][]): Promise<CliResult[]> {
  return Promise.all(cases.map((args) => new Promise<CliResult>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  })));
}
