import { describe, expect, it } from 'vitest';
import { NDArray, UnsafeContentError, isStorageError, load } from '../src/index.js';
import { FIXTURES, compareToManifest, readManifest, type ManifestEntry } from './support/manifest.js';

const sets = ['python-current', 'python-legacy'] as const;
const cases: Array<[string, string, ManifestEntry]> = sets.flatMap((set) =>
  Object.entries(readManifest(set))
    .filter(([name]) => name.startsWith('torch/'))
    .map(([name, entry]): [string, string, ManifestEntry] => [`${set}/${name}`, `${FIXTURES}${set}/${name}`, entry]),
);

describe('torch checkpoints written by torch.save (both manifests)', () => {
  it('covers every torch fixture', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)('%s', async (label, file, entry) => {
    if (entry.expect === 'error') {
      const error = await load(file).then(() => undefined, (e: unknown) => e);
      expect(isStorageError(error), `${label}: ${String(error)}`).toBe(true);
      return;
    }
    // 'either' entries: we read them (legacy non-zip torch.save is supported), so check the value.
    const value = await load(file);
    const expected = entry.expect === 'either' ? (entry.value as ManifestEntry) : entry;
    expect(compareToManifest(value, expected)).toEqual([]);
  });

  it('refuses evil.pt by naming the global, with nothing executed', async () => {
    const error = await load(`${FIXTURES}python-current/torch/evil.pt`).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeContentError);
    expect((error as Error).message).toMatch(/posix\.system \(os\.system\)/);
  });

  it('materialises views of one storage (transpose, slice with offset) as C-order tensors', async () => {
    const value = (await load(`${FIXTURES}python-current/torch/checkpoint.pt`)) as Record<string, NDArray>;
    const base = value.base!.data as Float32Array;
    expect(value.base!.tensor).toBe(true);
    // view_T = base.T: element [i][j] = base[j][i]
    const t = value.view_T!;
    expect(t.shape).toEqual([6, 4]);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 4; j++) expect((t.data as Float32Array)[i * 4 + j]).toBe(base[j * 6 + i]);
    // view_slice = base[1:3, 2:5]
    expect([...(value.view_slice!.data as Float32Array)]).toEqual([8, 9, 10, 14, 15, 16]);
    expect((value.view_slice!.data as Float32Array).buffer).not.toBe((value.base!.data as Float32Array).buffer);
  });
});
