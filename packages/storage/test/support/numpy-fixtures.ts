/** Shared check: every fixture under one folder of both Python manifests loads as its entry says (additive helper). */
import { expect, it } from 'vitest';
import { isStorageError, load, type StorageError } from '../../src/index.js';
import { FIXTURES, compareToManifest, readManifest, type ManifestEntry } from './manifest.js';

export function fixtureEntries(folder: string): Array<[string, string, ManifestEntry]> {
  const out: Array<[string, string, ManifestEntry]> = [];
  for (const set of ['python-current', 'python-legacy'] as const) {
    for (const [name, entry] of Object.entries(readManifest(set))) if (name.startsWith(`${folder}/`)) out.push([`${set}/${name}`, `${FIXTURES}${set}/${name}`, entry]);
  }
  return out;
}

/**
 * One test per fixture: 'error' entries must be refused with a StorageError naming the file; 'either' entries must
 * load to `value` or be refused with a StorageError whose message contains `eitherReason`; others must match.
 */
export function itLoadsEveryFixture(folder: string, options: { eitherReason?: RegExp; extra?: (value: unknown, entry: ManifestEntry) => void } = {}): void {
  const entries = fixtureEntries(folder);
  it(`finds ${folder} fixtures`, () => {
    expect(entries.length).toBeGreaterThan(0);
  });
  it.each(entries)('%s', async (label, file, entry) => {
    const outcome = await load(file).then((value) => ({ value }), (error: unknown) => ({ error }));
    if (entry.expect === 'error' || (entry.expect === 'either' && 'error' in outcome)) {
      if (!('error' in outcome)) throw new Error(`${label}: expected a refusal, but it loaded`);
      if (!isStorageError(outcome.error)) throw new Error(`${label}: expected a StorageError, got ${String(outcome.error)}`);
      const err = outcome.error as StorageError;
      expect(err.message).toContain(label.split('/').pop()!);
      if (entry.expect === 'either' && options.eitherReason !== undefined) expect(err.message).toMatch(options.eitherReason);
      return;
    }
    if ('error' in outcome) throw outcome.error;
    const expected = entry.expect === 'either' ? (entry.value as ManifestEntry) : entry;
    expect(compareToManifest(outcome.value, expected)).toEqual([]);
    options.extra?.(outcome.value, entry);
  });
}
