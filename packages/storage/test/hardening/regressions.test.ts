/**
 * Every input kept in test/fixtures/regressions (listed in its manifest.json) is refused with its typed error, both
 * by the format itself and through the public `load`. A file dropped there without a manifest entry fails the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load, type LoadPolicy, type StorageErrorCode } from '../../src/index.js';
import { decodeWith, expectRefused } from './_hostile.js';

const DIR = fileURLToPath(new URL('../fixtures/regressions/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as { files: Record<string, { format: string; expect: StorageErrorCode; was: string; policy?: Partial<LoadPolicy> }> };
const entries = Object.entries(manifest.files);

describe('regression fixtures', () => {
  it('lists every file in the folder', () => {
    expect(readdirSync(DIR).filter((n) => n !== 'manifest.json').sort()).toEqual(Object.keys(manifest.files).sort());
  });

  // An entry's `policy` (e.g. a short HDF5 decode deadline) keeps slow refusals fast; everything else is the default.
  it.each(entries)('%s is refused with its typed error', async (name, entry) => {
    const bytes = new Uint8Array(readFileSync(`${DIR}${name}`));
    await expectRefused(entry.expect, () => decodeWith(entry.format, bytes, entry.policy));
    const viaLoad = await expectRefused(entry.expect, () => load(`${DIR}${name}`, { format: entry.format, policy: entry.policy ?? {} }));
    expect(viaLoad.file).toBe(`${DIR}${name}`);
  });
});
