// GBM hot loop (single thread and worker threads) against a numpy process doing the same vectorised simulation,
// and a b = 2000 × 10-date stochastic mesh. Run after `pnpm build`: `pnpm bench`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measure, report } from '@omega/bench';
import { simulateGbm, simulateGbmParallel, priceBermudan, buildStochasticMesh, defineBermudan } from '../dist/index.js';

const PATHS = 100_000;
const STEPS = 120;
const spec = { s0: 100, drift: 0.07, sigma: 0.2, horizon: 10, steps: STEPS, paths: PATHS, seed: 1, record: 'terminal' };
const verifyMean = (res) => Math.abs(res.values.reduce((s, x) => s + x, 0) / PATHS / 201.375 - 1) < 0.02;

const single = await measure('gbm single thread', () => simulateGbm(spec), { verify: verifyMean, repeats: 5 });
const workers = await measure('gbm 2 workers', () => simulateGbmParallel(spec, { workers: 2 }), { verify: verifyMean, repeats: 5 });

const python = process.env.OMEGA_PYTHON ?? '/usr/bin/python3';
const script = fileURLToPath(new URL('./gbm-numpy-baseline.py', import.meta.url));
const numpy = JSON.parse(execFileSync(python, [script, String(PATHS), String(STEPS), '5'], { encoding: 'utf8' }));

const steps = PATHS * STEPS;
const rate = (ms) => `${((steps / ms) * 1000 / 1e6).toFixed(1)} M steps/s`;
const dates = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);
const problem = defineBermudan({ s0: 36, sigma: 0.2, rate: 0.06, exerciseTimes: dates, payoff: 'put', strike: 40 });
const mesh2000 = await measure('mesh b=2000', () => buildStochasticMesh(problem, 2000, 7), { verify: (m) => m.highEstimate > 4.3 && m.highEstimate < 4.6, repeats: 3 });
const mesh500 = await measure('mesh b=500', () => buildStochasticMesh(problem, 500, 7), { repeats: 3 });

report('stochastic-mesh', [
  { case: `GBM ${PATHS}×${STEPS} terminal, single thread (${rate(single.ms)})`, ours: 'simulateGbm', baseline: `numpy ${numpy.numpy} (${rate(numpy.ms)})`, oursMs: single.ms, baselineMs: numpy.ms, target: 0.5 },
  { case: `GBM ${PATHS}×${STEPS} terminal, 2 workers (${rate(workers.ms)})`, ours: 'simulateGbmParallel', baseline: `numpy ${numpy.numpy}`, oursMs: workers.ms, baselineMs: numpy.ms, target: 0.5 },
  { case: 'stochastic mesh b=2000 × 10 dates (build + high estimate)', ours: 'b=2000', baseline: 'b=500 (1/16 of the weight work)', oursMs: mesh2000.ms, baselineMs: mesh500.ms },
]);

if (process.env.OMEGA_BENCH_BRACKET === '1') {
  for (const s0 of [36, 40, 44]) {
    const r = priceBermudan({ s0, sigma: 0.2, rate: 0.06, exerciseTimes: dates, payoff: 'put', strike: 40, method: 'mesh', nodesPerDate: 2000, paths: 40_000, replications: 4, seed: 1000 + s0 });
    console.log(`Bermudan put S0=${s0}, b=2000: low ${r.low.value.toFixed(4)} ± ${r.low.stdErr.toFixed(4)}, high ${r.high.value.toFixed(4)} ± ${r.high.stdErr.toFixed(4)}`);
  }
}
