/** Spawning the save-loop child (the built package) and reading back what it left on disk. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { load, NDArray } from '../../src/index.js';

export const SAVE_LOOP = fileURLToPath(new URL('./_save-loop.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

export function assertDistBuilt(): void {
  if (!existsSync(DIST)) throw new Error(`the crash/concurrency children import ${DIST}: run \`pnpm build\` in packages/storage first`);
}

export function runChild(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SAVE_LOOP, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`child ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

/**
 * Start a child and resolve once it printed 'ready [ms]' (imports done); `saves` counts completed saves and
 * `saveMs` is the duration of its warm-up save (0 when it printed none).
 */
export function startChild(args: string[]): Promise<{ child: ChildProcess; saves: () => number; saveMs: number; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SAVE_LOOP, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let ready = false;
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready ? null : /ready(?: (\d+))?\n/.exec(out);
      if (m !== null) {
        ready = true;
        const after = m.index + m[0].length;
        resolve({ child, saves: () => out.length - after, saveMs: Number(m[1] ?? 0), exited });
      }
    });
    child.on('exit', (code) => {
      if (!ready) reject(new Error(`child ${args.join(' ')} exited ${code} before ready: ${stderr}`));
    });
  });
}

/**
 * A fingerprint of a saved file: its bytes' sha256 for formats that write deterministic bytes; for HDF5 (whose
 * files carry timestamps) the sha256 of the loaded array plus the other fields.
 */
export async function fingerprint(format: string, path: string): Promise<string> {
  if (format !== 'hdf5') return createHash('sha256').update(readFileSync(path)).digest('hex');
  const value = (await load(path, 'hdf5')) as { w: NDArray; step: unknown; label: unknown };
  if (!(value.w instanceof NDArray)) throw new Error(`hdf5 file ${path} lacks its array`);
  return `${createHash('sha256').update(value.w.bytes()).digest('hex')}/${String(value.step)}/${String(value.label)}`;
}
