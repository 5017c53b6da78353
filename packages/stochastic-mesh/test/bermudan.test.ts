import { describe, expect, it } from 'vitest';
import { binomialPrice, blackScholes, buildStochasticMesh, defineBermudan, priceBermudan } from '../src/index.js';

const DATES = Array.from({ length: 10 }, (_, i) => (i + 1) / 10);
const PUT = { sigma: 0.2, rate: 0.06, exerciseTimes: DATES, payoff: 'put' as const, strike: 40 };
// REFERENCES.md §7 (Bermudan put, 10 dates) and the 2-asset max-call (9 dates over 3 years).
const PUT_REF = [[36, 4.4425], [40, 2.293], [44, 1.0985]] as const;
const MAX_CALL_REF = [[90, 8.08], [100, 13.9], [110, 21.34]] as const;
const MAX_CALL = { sigma: [0.2, 0.2], dividend: [0.1, 0.1], rate: 0.05, exerciseTimes: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => k / 3), payoff: 'max-call' as const, strike: 100 };

describe('stochastic mesh', () => {
  it('average-density weights: every column averages exactly 1; each weight is the density ratio', () => {
    const problem = defineBermudan({ ...PUT, s0: 40 });
    const b = 64;
    const mesh = buildStochasticMesh(problem, b, 99);
    for (const j of [1, 5, 9]) {
      const w = mesh.weights(j);
      for (let k = 0; k < b; k++) {
        let s = 0;
        for (let i = 0; i < b; i++) s += w[i * b + k]!;
        expect(s / b).toBeCloseTo(1, 12);
      }
      // Independent check of one column against the lognormal transition density.
      const dt = 0.1;
      const f = (x: number, y: number) => Math.exp(-((Math.log(y / x) - (0.06 - 0.02) * dt) ** 2) / (2 * 0.04 * dt)) / y;
      const k = 7;
      const y = mesh.nodes[j * b + k]!;
      let avg = 0;
      for (let i = 0; i < b; i++) avg += f(mesh.nodes[(j - 1) * b + i]!, y) / b;
      for (const i of [0, 13, 40]) expect(w[i * b + k]!).toBeCloseTo(f(mesh.nodes[(j - 1) * b + i]!, y) / avg, 9);
    }
  });

  it('Bermudan put S0 = 36/40/44: the published value lies in [low − 3 SE, high + 3 SE] (b = 250, 4 meshes)', () => {
    for (const [s0, ref] of PUT_REF) {
      const r = priceBermudan({ ...PUT, s0, method: 'mesh', nodesPerDate: 250, paths: 8_000, replications: 4, seed: s0 });
      expect(r.high!.value + 3 * r.high!.stdErr, `high at ${s0}`).toBeGreaterThanOrEqual(ref);
      expect(r.low.value - 3 * r.low.stdErr, `low at ${s0}`).toBeLessThanOrEqual(ref);
      expect(r.high!.value).toBeGreaterThan(r.low.value - 3 * r.low.stdErr);
    }
  });

  it('one exercise date: mesh high and low equal the European (Black–Scholes) value within error', () => {
    const euro = blackScholes({ s0: 40, strike: 40, rate: 0.06, sigma: 0.2, t: 1, type: 'put' });
    const r = priceBermudan({ ...PUT, s0: 40, exerciseTimes: [1], method: 'mesh', nodesPerDate: 2_000, paths: 40_000, replications: 4, seed: 5 });
    expect(Math.abs(r.high!.value - euro)).toBeLessThanOrEqual(3 * r.high!.stdErr);
    expect(Math.abs(r.low.value - euro)).toBeLessThanOrEqual(3 * r.low.stdErr);
  });

  it('American ≥ Bermudan ≥ European (binomial American, mesh bracket, Black–Scholes)', () => {
    const euro = blackScholes({ s0: 36, strike: 40, rate: 0.06, sigma: 0.2, t: 1, type: 'put' });
    const american = binomialPrice({ s0: 36, strike: 40, rate: 0.06, sigma: 0.2, t: 1, type: 'put', exercise: 'american', steps: 2000 });
    const r = priceBermudan({ ...PUT, s0: 36, method: 'mesh', nodesPerDate: 250, paths: 8_000, replications: 4, seed: 8 });
    expect(r.low.value - 3 * r.low.stdErr).toBeLessThanOrEqual(american);
    expect(r.high!.value + 3 * r.high!.stdErr).toBeGreaterThanOrEqual(euro);
    // The early-exercise premium is resolved: the low estimator clearly beats the European value.
    expect(r.low.value - 3 * r.low.stdErr).toBeGreaterThan(euro);
    expect(american).toBeGreaterThan(euro);
  });

  it('2-asset max-call S0 = 90/100/110: published values bracketed (b = 150, 3 meshes)', () => {
    for (const [s0, ref] of MAX_CALL_REF) {
      const r = priceBermudan({ ...MAX_CALL, s0: [s0, s0], method: 'mesh', nodesPerDate: 150, paths: 6_000, replications: 3, seed: s0 });
      expect(r.high!.value + 3 * r.high!.stdErr, `high at ${s0}`).toBeGreaterThanOrEqual(ref);
      expect(r.low.value - 3 * r.low.stdErr, `low at ${s0}`).toBeLessThanOrEqual(ref);
    }
  });

  it('is deterministic: same seed → identical estimates', () => {
    const a = priceBermudan({ ...PUT, s0: 40, method: 'mesh', nodesPerDate: 50, paths: 500, replications: 2, seed: 42 });
    const b = priceBermudan({ ...PUT, s0: 40, method: 'mesh', nodesPerDate: 50, paths: 500, replications: 2, seed: 42 });
    expect(b).toEqual(a);
  });
});

describe('Longstaff–Schwartz cross-check (low-biased, out-of-sample)', () => {
  it('Bermudan put: ≤ reference + 3 SE and within 1 % of it', () => {
    for (const [s0, ref] of PUT_REF) {
      const r = priceBermudan({ ...PUT, s0, method: 'lsm', paths: 30_000, seed: s0 });
      expect(r.low.value - 3 * r.low.stdErr).toBeLessThanOrEqual(ref);
      expect(Math.abs(r.low.value - ref)).toBeLessThanOrEqual(0.01 * ref + 3 * r.low.stdErr);
    }
  });

  it('2-asset max-call: ≤ reference + 3 SE and within 1.5 % of it', () => {
    for (const [s0, ref] of MAX_CALL_REF) {
      const r = priceBermudan({ ...MAX_CALL, s0: [s0, s0], method: 'lsm', paths: 30_000, seed: s0 });
      expect(r.low.value - 3 * r.low.stdErr).toBeLessThanOrEqual(ref);
      expect(Math.abs(r.low.value - ref)).toBeLessThanOrEqual(0.015 * ref + 3 * r.low.stdErr);
    }
  });

  it('a user payoff function works in both methods (geometric-mean call equals its named form)', () => {
    const base = { s0: [100, 100], sigma: [0.2, 0.3], correlation: [[1, 0.3], [0.3, 1]], rate: 0.05, exerciseTimes: [0.5, 1], strike: 100, paths: 2_000, seed: 3 };
    const named = priceBermudan({ ...base, payoff: 'geometric-mean-call', method: 'lsm' });
    const fn = priceBermudan({ ...base, payoff: (x) => Math.max(Math.sqrt(x[0]! * x[1]!) - 100, 0), method: 'lsm' });
    expect(fn.low.value).toBeCloseTo(named.low.value, 9);
  });

  it('rejects invalid problems naming the field', () => {
    expect(() => priceBermudan({ ...PUT, s0: [36, 36], sigma: [0.2, 0.2], method: 'mesh', seed: 1 })).toThrow(/payoff/);
    expect(() => priceBermudan({ ...PUT, s0: 36, method: 'mesh', replications: 1, seed: 1 })).toThrow(/replications/);
    expect(() => priceBermudan({ ...PUT, s0: 36, method: 'tree' as 'mesh', seed: 1 })).toThrow(/method/);
    expect(() => priceBermudan({ ...PUT, s0: 36, sigma: 0, method: 'mesh', seed: 1 })).toThrow(/sigma/);
  });
});

describe.runIf(process.env.OMEGA_HEAVY_VALIDATION === '1')('heavy validation (OMEGA_HEAVY_VALIDATION=1)', () => {
  it('Bermudan put at b = 2000: bracket contains the reference and is narrower than 0.1', () => {
    for (const [s0, ref] of PUT_REF) {
      const r = priceBermudan({ ...PUT, s0, method: 'mesh', nodesPerDate: 2000, paths: 40_000, replications: 4, seed: 1000 + s0 });
      console.log(`put S0=${s0}: low ${r.low.value.toFixed(4)} ± ${r.low.stdErr.toFixed(4)}, high ${r.high!.value.toFixed(4)} ± ${r.high!.stdErr.toFixed(4)} (ref ${ref})`);
      expect(r.high!.value + 3 * r.high!.stdErr).toBeGreaterThanOrEqual(ref);
      expect(r.low.value - 3 * r.low.stdErr).toBeLessThanOrEqual(ref);
      expect(r.high!.value - r.low.value).toBeLessThan(0.1);
    }
  }, 900_000);
});
