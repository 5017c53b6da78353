import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnsafeContentError, CorruptDataError, isStorageError, load } from '../src/index.js';
import { FIXTURES, compareToManifest, readManifest, type ManifestEntry } from './support/manifest.js';

const sets = ['python-current', 'python-legacy'] as const;
const cases: Array<[string, string, ManifestEntry]> = sets.flatMap((set) =>
  Object.entries(readManifest(set))
    .filter(([name]) => name.startsWith('pickle/'))
    .map(([name, entry]): [string, string, ManifestEntry] => [`${set}/${name}`, `${FIXTURES}${set}/${name}`, entry]),
);

describe('pickle fixtures written by Python (both manifests)', () => {
  it('covers every pickle fixture of both sets', () => {
    expect(cases.length).toBe(18);
  });

  it.each(cases)('%s', async (label, file, entry) => {
    if (entry.expect === 'error') {
      const error = await load(file).then(() => undefined, (e: unknown) => e);
      expect(isStorageError(error), `${label}: ${String(error)}`).toBe(true);
      if (label.includes('evil_') || label.includes('pandas')) expect(error).toBeInstanceOf(UnsafeContentError);
      if (label.includes('truncated')) expect(error).toBeInstanceOf(CorruptDataError);
      if (label.includes('pandas')) expect((error as Error).message).toContain('pandas');
      return;
    }
    const value = await load(file);
    const expected = entry.expect === 'either' ? (entry.value as ManifestEntry) : entry;
    expect(compareToManifest(value, expected)).toEqual([]);
  });

  it('names the refused global, e.g. posix.system as os.system and builtins.eval', async () => {
    const names: Record<string, RegExp> = {
      evil_os_system: /posix\.system \(os\.system\)/,
      evil_builtins_eval: /builtins\.eval/,
      evil_subprocess: /subprocess\.getoutput/,
      pandas_frame: /pandas\.DataFrame/,
    };
    for (const [stem, pattern] of Object.entries(names)) {
      const error = await load(`${FIXTURES}python-current/pickle/${stem}.pkl`).then(() => undefined, (e: unknown) => e);
      expect((error as Error).message).toMatch(pattern);
    }
  });

  it('reads numpy scalars as 0-d NDArrays that keep their dtype, and maps Python types as documented', async () => {
    const value = (await load(`${FIXTURES}python-legacy/pickle/sample_p2.pkl`)) as Record<string, unknown>;
    const f32 = value.f32 as { dtype: string; shape: number[] };
    expect([f32.dtype, f32.shape]).toEqual(['float32', []]);
    expect(value.big).toBe(1180591620717411303424n);
    expect(value.neg).toBe(-1099511627776);
    expect(value.tags).toEqual(new Set(['a', 'b']));
    expect(value.pair).toEqual([1, 'x']);
    expect(Object.keys(value.odict as object)).toEqual(['b', 'a']);
  });

  it('auto-detects protocol 2–5 pickles by their PROTO byte', async () => {
    for (const p of [2, 3, 4, 5]) {
      const head = readFileSync(`${FIXTURES}python-current/pickle/sample_p${p}.pkl`).subarray(0, 2);
      expect([...head]).toEqual([0x80, p]);
    }
  });
});

describe('public API of the pickle and torch formats', async () => {
  const api = await import('../src/index.js');
  it('exports exactly these names from the barrel', () => {
    const mine = ['PickledObject', 'pickle', 'pickleFormat', 'torchFormat', 'unpickle'];
    expect(Object.keys(api).filter((k) => mine.includes(k)).sort()).toEqual(mine);
    expect(api.builtinFormats.map((f) => f.name)).toEqual(expect.arrayContaining(['pickle', 'torch']));
  });
});
