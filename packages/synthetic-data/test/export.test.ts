import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeSubjects, decodeSubjects, generate, loadSubjects, saveSubjects } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'synthetic-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export through @omega/storage', () => {
  it.each(['json', 'compressed'] as const)('same seed → byte-identical %s file, and loading gives equal records', async (format) => {
    const a = join(dir, `a.${format}`);
    const b = join(dir, `b.${format}`);
    const first = generate({ seed: 77, count: 50, start: '2025-07-01' });
    await saveSubjects(a, first, format);
    await saveSubjects(b, generate({ seed: 77, count: 50, start: '2025-07-01' }), format);
    const bytesA = readFileSync(a);
    expect(bytesA.length).toBeGreaterThan(1000);
    expect(bytesA.equals(readFileSync(b))).toBe(true);
    expect(await loadSubjects(a)).toEqual(first);
  });

  it('a different seed gives different bytes; encode/decode round-trips in memory', async () => {
    const one = await encodeSubjects(generate({ seed: 1, count: 5, start: '2025-07-01' }));
    const two = await encodeSubjects(generate({ seed: 2, count: 5, start: '2025-07-01' }));
    expect(one).not.toEqual(two);
    expect(await decodeSubjects(one)).toEqual(generate({ seed: 1, count: 5, start: '2025-07-01' }));
  });
});
