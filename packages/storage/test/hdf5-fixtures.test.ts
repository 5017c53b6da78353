import { describe, expect, it } from 'vitest';
import { isStorageError, load, openHDF5 } from '../src/index.js';
import { FIXTURES, compareToManifest, readManifest, type ManifestEntry } from './support/manifest.js';

/**
 * compareToManifest, plus numpy `S` (fixed-length bytes) datasets, which have no NDArray dtype: they load as
 * Uint8Array items (nested by shape), the way h5py returns numpy bytes.
 */
function compare(value: unknown, entry: ManifestEntry, path = '$'): string[] {
  if (entry.kind === 'ndarray' && entry.dtype === 'bytes') {
    const expected = (entry.values as string[]).map((s) => Buffer.from(s, 'latin1').toString('hex'));
    const actual = Array.isArray(value) && value.every((b) => b instanceof Uint8Array) ? value.map((b: Uint8Array) => Buffer.from(b).toString('hex')) : undefined;
    return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [`${path}: expected bytes items ${JSON.stringify(entry.values)}`];
  }
  if (entry.kind === 'group' && value !== null && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    const expected = { ...(entry.attrs as Record<string, ManifestEntry>), ...(entry.entries as Record<string, ManifestEntry>) };
    const problems: string[] = [];
    for (const [k, sub] of Object.entries(expected)) {
      if (!(k in rec)) problems.push(`${path}: missing key ${k}`);
      else problems.push(...compare(rec[k], sub, `${path}.${k}`));
    }
    return problems;
  }
  return compareToManifest(value, entry, path);
}

const REASONS: Record<string, RegExp> = { 'lzf.h5': /lzf/, 'compound.h5': /compound/ };

for (const set of ['python-current', 'python-legacy'] as const) {
  const entries = Object.entries(readManifest(set)).filter(([name]) => name.startsWith('hdf5/'));

  describe(`hdf5 fixtures: ${set}`, () => {
    it('has the hdf5 fixtures', () => {
      expect(entries.map(([n]) => n).sort()).toEqual(['hdf5/compound.h5', 'hdf5/lzf.h5', 'hdf5/mesh_export.h5', 'hdf5/truncated.h5']);
    });

    it.each(entries)('%s', async (name, entry) => {
      const file = `${FIXTURES}${set}/${name}`;
      const base = name.split('/')[1]!;
      if (entry.expect === 'error' || entry.expect === 'either') {
        const outcome = await load(file).then((value) => ({ value }), (error: unknown) => ({ error }));
        if ('error' in outcome) {
          expect(isStorageError(outcome.error), String(outcome.error)).toBe(true);
          const message = (outcome.error as Error).message;
          expect(message).toContain(base);
          if (entry.expect === 'either') expect(message).toMatch(REASONS[base] ?? /./);
        } else {
          expect(entry.expect).toBe('either');
          if (entry.value !== undefined) expect(compare(outcome.value, entry.value as ManifestEntry)).toEqual([]);
        }
        return;
      }
      expect(compare(await load(file), entry)).toEqual([]);
      expect(compare(await load(file, 'hdf5'), entry)).toEqual([]);
    });

    it('reads the gzip+shuffle dataset lazily, one hyperslab at a time', async () => {
      const f = await openHDF5(`${FIXTURES}${set}/hdf5/mesh_export.h5`);
      try {
        const paths = f.get('mesh/paths');
        expect(paths.kind).toBe('dataset');
        if (paths.kind !== 'dataset') return;
        expect([paths.dtype, ...paths.shape]).toEqual(['float32', 64, 33]);
        const whole = paths.read() as { data: Float32Array };
        const rows = paths.slice([[10, 12], [5, 8]]) as { shape: number[]; data: Float32Array };
        expect(rows.shape).toEqual([2, 3]);
        expect([...rows.data]).toEqual([10, 11].flatMap((r) => [5, 6, 7].map((c) => whole.data[r * 33 + c])));
        expect(f.get('/mesh').attrs()).toMatchObject({ n_steps: 120, drift: 0.07 });
      } finally {
        f.close();
      }
    });
  });
}
