import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('src never reads the clock or an unseeded random source', async () => {
  const dir = join(import.meta.dirname, '..', 'src');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(10);
  for (const f of files) {
    const text = await readFile(join(dir, f), 'utf8');
    expect(text, f).not.toMatch(/Math\.random|Date\.now|new Date\(\)|performance\.now|hrtime/);
  }
});
