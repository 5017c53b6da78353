import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Worker threads run the compiled worker script, so this suite uses the built package (pnpm build first).
const built = existsSync(new URL('../dist/gbm/gbm-worker.js', import.meta.url));

describe.runIf(built)('simulateGbmParallel (built dist)', () => {
  it('gives bit-identical numbers for 1, 2 and 3 workers and equals the in-process run', async () => {
    const { simulateGbm, simulateGbmParallel } = await import('../dist/index.js');
    const spec = { s0: [100, 80], drift: 0.05, sigma: [0.2, 0.3], correlation: [[1, 0.4], [0.4, 1]], horizon: 2, steps: 24, paths: 1001, seed: 99, antithetic: true, record: 'terminal-min' as const };
    const local = simulateGbm(spec);
    for (const workers of [1, 2, 3]) {
      const par = await simulateGbmParallel(spec, { workers });
      expect(Buffer.from(par.values.buffer).equals(Buffer.from(local.values.buffer))).toBe(true);
      expect(Buffer.from(par.minima!.buffer).equals(Buffer.from(local.minima!.buffer))).toBe(true);
    }
  });
});

describe.runIf(!built)('simulateGbmParallel (not built)', () => {
  it('reports a typed error naming the missing worker script', async () => {
    const { simulateGbmParallel, isMeshError } = await import('../src/index.js');
    await expect(simulateGbmParallel({ s0: 1, drift: 0, sigma: 0.1, horizon: 1, steps: 1, paths: 2, seed: 1 }, { workers: 2 })).rejects.toSatisfy(isMeshError);
  });
});
