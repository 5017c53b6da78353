import { describe, expect, it } from 'vitest';
import { isStorageError, load } from '../src/index.js';
import { FIXTURES, compareToManifest, readManifest } from './support/manifest.js';

const manifest = readManifest('python-legacy');
const seedFiles = Object.entries(manifest).filter(([name]) => name.startsWith('seed/'));

describe('the seed’s own files load with format auto', () => {
  it('covers every seed fixture', () => {
    expect(seedFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(seedFiles)('%s', async (name, entry) => {
    const file = `${FIXTURES}python-legacy/${name}`;
    if (entry.expect === 'error') {
      const error = await load(file).then(() => undefined, (e: unknown) => e);
      expect(isStorageError(error)).toBe(true);
      expect((error as Error).message).toContain(name.split('/')[1]);
      return;
    }
    const value = await load(file);
    const expected = entry.expect === 'either' ? (entry.value as typeof entry) : entry;
    expect(compareToManifest(value, expected)).toEqual([]);
  });
});
