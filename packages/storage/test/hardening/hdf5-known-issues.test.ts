/**
 * HDF5 inputs the fuzzer found that still misbehave. src/formats/hdf5 belongs to the HDF5 work in progress, so
 * these are recorded, not fixed here: each runs in a child process (a hang cannot be interrupted in-process) and
 * must be refused with a StorageError within a second. Marked `it.fails` until the HDF5 reader is fixed — when
 * one starts passing, vitest reports it and the marker should be removed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertDistBuilt } from './_child.js';

const DIR = fileURLToPath(new URL('../fixtures/regressions/', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as { files: Record<string, { format: string; expect: string; knownIssue?: string }> };
const known = Object.entries(manifest.files).filter(([, e]) => e.knownIssue !== undefined);

/** Load in a fresh process; returns the StorageError code, or a description of what went wrong instead. */
function loadInChild(file: string, format: string, timeoutMs: number): string {
  const script = `import(${JSON.stringify(DIST)}).then((m) => m.load(${JSON.stringify(file)}, ${JSON.stringify(format)})).then(() => console.log('decoded'), (e) => console.log(m_code(e)));
function m_code(e) { return e && e.code ? 'code:' + e.code : 'raw:' + (e && e.name); }`;
  const r = spawnSync(process.execPath, ['-e', script], { timeout: timeoutMs, encoding: 'utf8' });
  if (r.error !== undefined || r.signal !== null) return `no answer within ${timeoutMs} ms`;
  return r.stdout.trim();
}

describe('HDF5 known issues (found by the fuzzer; fix belongs in src/formats/hdf5)', () => {
  it('has the package built for the child processes', () => {
    assertDistBuilt();
    expect(known.length).toBeGreaterThan(0);
  });

  for (const [name, entry] of known) {
    // Node start-up and h5wasm initialisation take ~1 s here; the input itself gets the issue's one second on top.
    it.fails(`${name} is refused with ${entry.expect} in time (${entry.knownIssue})`, () => {
      expect(loadInChild(`${DIR}${name}`, entry.format, 5000)).toBe(`code:${entry.expect}`);
    }, 20_000);
  }
});
