import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  InsufficientFundsError, PlanningMesh, everyYearOn, isMeshError, loadPlanningRecord, nextWeekday, part, savePlanningMesh, toPlanningRecord, today, whenCondition,
  type PlanningInput,
} from '../src/index.js';

/** A UTC instant (month 0-based like Date.UTC): the planning mesh works in UTC calendar days whatever TZ is. */
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(Date.UTC(y, m, d, h, min, s));
// Wednesday 5 March 2025, 09:00 UTC. The mesh never reads the wall clock.
let clockNow = utc(2025, 2, 5, 9, 0, 0);
const clock = { now: () => clockNow };

function person(overrides: Partial<PlanningInput> = {}): PlanningInput {
  return {
    clock, initialWealth: 50_000, market: { mu: 0.06, sigma: 0.15 }, horizonYears: 10, paths: 400, seed: 17,
    flows: [
      { id: 'salary', kind: 'income', amount: 5_000, every: 'month' },
      { id: 'living', kind: 'expense', amount: 3_600, every: 'month', growth: 0.02 },
    ],
    milestones: [
      { id: 'car', name: 'Car', amount: 20_000, dueDate: utc(2025, 5, 15) },
      { id: 'house', name: 'House deposit', amount: 120_000, dueDate: utc(2030, 0, 15) },
    ],
    ...overrides,
  };
}

function ancestorsOf(mesh: PlanningMesh, nodeId: string) {
  const byId = new Map(mesh.history.map((n) => [n.id, n]));
  const chain = [];
  for (let n = byId.get(nodeId); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) chain.push(n);
  return chain;
}

describe('PlanningMesh: paying a milestone in three parts', () => {
  it('1 % today, 11 % next Tuesday, the rest on 15 June: balances, solidification, advancing time', () => {
    clockNow = utc(2025, 2, 5, 9, 0, 0);
    const mesh = new PlanningMesh(person());
    const tuesday = nextWeekday(clock, 'tuesday');
    expect(tuesday).toEqual(utc(2025, 2, 11));
    const before = mesh.milestoneFunding().find((f) => f.milestoneId === 'car')!;
    const made = mesh.pay('car', [part.fraction(today(clock), 0.01), part.fraction(tuesday, 0.11), part.rest(utc(2025, 5, 15))]);
    expect(made).toEqual([{ milestoneId: 'car', amount: 200, date: clockNow, nodeId: 'h0' }]);
    expect(mesh.balance).toBe(49_800);
    expect(mesh.milestone('car').scheduled).toEqual([{ amount: 2_200, date: tuesday }, { amount: 17_600, date: utc(2025, 5, 15) }]);
    expect(mesh.currentNode.solid).toBe(true);
    // Paying earlier cannot lower the funding probability of the same total.
    expect(mesh.milestoneFunding().find((f) => f.milestoneId === 'car')!.probability).toBeGreaterThanOrEqual(before.probability);

    // Advance to 10 April: the Tuesday part has been paid on the realised path, on its own date.
    clockNow = utc(2025, 3, 10);
    const node = mesh.advanceTo();
    expect(mesh.position).toBe(1);
    expect(node.date).toEqual(utc(2025, 3, 5, 9, 0, 0));
    expect(mesh.payments.map((p) => [p.amount, p.date])).toEqual([[200, utc(2025, 2, 5, 9, 0, 0)], [2_200, tuesday]]);
    expect(mesh.milestone('car').paid).toBe(2_400);
    expect(mesh.milestone('car').scheduled).toEqual([{ amount: 17_600, date: utc(2025, 5, 15) }]);
    // The node where the Tuesday part was paid is solid and so is its ancestor (the node of the first payment).
    expect(ancestorsOf(mesh, node.id).map((n) => [n.id, n.solid])).toEqual([[node.id, true], ['h0', true]]);

    // Advance past 15 June without new payments: the intermediate past is pruned, the rest is paid on 15 June.
    clockNow = utc(2025, 6, 20);
    const later = mesh.advanceTo();
    expect(mesh.position).toBe(4);
    expect(mesh.milestone('car').remaining).toBeCloseTo(0, 9);
    expect(mesh.payments.at(-1)).toMatchObject({ milestoneId: 'car', amount: 17_600, date: utc(2025, 5, 15) });
    expect(mesh.history.every((n) => n.solid || n.id === later.id)).toBe(true);
    const chain = ancestorsOf(mesh, later.id);
    expect(chain.at(-1)!.id).toBe('h0');
    expect(chain.slice(1).every((n) => n.solid)).toBe(true);

    // A payment at the current node solidifies it and every ancestor (the original never reached ancestors).
    mesh.pay('house', [part.amount(today(clock), 1_000), part.rest(utc(2030, 0, 15))]);
    expect(ancestorsOf(mesh, mesh.currentNode.id).every((n) => n.solid)).toBe(true);
    expect(mesh.balance).toBeCloseTo(mesh.history.at(-1)!.wealth, 9);
  });
});

describe('PlanningMesh: probabilities and planner statistics', () => {
  clockNow = utc(2025, 2, 5, 9, 0, 0);
  const mesh = new PlanningMesh(person());

  it('funding probabilities, ruin and their standard errors stay in range', () => {
    for (const f of mesh.milestoneFunding()) {
      expect(f.probability).toBeGreaterThanOrEqual(0);
      expect(f.probability).toBeLessThanOrEqual(1);
      expect(f.stdErr).toBeCloseTo(Math.sqrt((f.probability * (1 - f.probability)) / 400), 12);
      expect(f.expectedShortfall).toBeGreaterThanOrEqual(0);
    }
    // The car (20k in 3 months from 50k) is always funded; the house deposit is uncertain.
    expect(mesh.milestoneFunding()[0]!.probability).toBe(1);
    const house = mesh.milestoneFunding()[1]!;
    expect(house.probability).toBeGreaterThan(0);
    expect(house.probability).toBeLessThan(1);
    const ruin = mesh.ruinProbability();
    expect(ruin.value).toBeGreaterThanOrEqual(0);
    expect(ruin.value).toBeLessThanOrEqual(1);
    expect(ruin.value).toBeCloseTo(1 - house.probability, 12); // the only way to go negative here is the deposit
  });

  it('transition probabilities sum to one and lie in [0, 1]', () => {
    for (const [step, path] of [[0, 0], [5, 3], [60, 399], [118, 100]] as const) {
      const p = mesh.transitionProbabilities(step, path);
      let s = 0;
      for (const v of p) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        s += v;
      }
      expect(s).toBeCloseTo(1, 12);
    }
  });

  it('percentile bands are ordered; visibility fades with the horizon; expected shortfall is the lower tail', () => {
    const bands = mesh.wealthBands();
    expect(bands).toHaveLength(121);
    for (const b of bands) {
      const v = [5, 25, 50, 75, 95].map((q) => b.percentiles[q]!);
      expect(v).toEqual([...v].sort((x, y) => x - y));
    }
    expect(bands[0]!.percentiles[50]).toBe(50_000);
    const visible = mesh.wealthBands([50], { visibleOnly: true });
    expect(visible.length).toBeLessThan(bands.length);
    expect(visible.map((b) => b.visibility)).toEqual([...visible.map((b) => b.visibility)].sort((a, b) => b - a));
    expect(mesh.visibility(0)).toBe(1);
    expect(mesh.visibility(120)).toBe(0);
    expect(mesh.expectedShortfall(0.05)).toBeLessThan(bands.at(-1)!.percentiles[5]!);
  });

  it('is deterministic for a seed and different for another', () => {
    clockNow = utc(2025, 2, 5, 9, 0, 0);
    const again = new PlanningMesh(person());
    const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(again.wealth).equals(bytes(mesh.wealth))).toBe(true);
    expect(bytes(new PlanningMesh(person({ seed: 18 })).wealth).equals(bytes(mesh.wealth))).toBe(false);
  });
});

describe('PlanningMesh: conditions, capacity and errors', () => {
  it('a conditional part pays on the first date its condition holds on each path', () => {
    clockNow = utc(2025, 2, 5, 9, 0, 0);
    const mesh = new PlanningMesh(person());
    mesh.pay('house', [part.rest(whenCondition('wealth ≥ 200k', (s) => s.wealth >= 200_000))]);
    const n = mesh.steps;
    let triggered = 0;
    for (let p = 0; p < mesh.paths; p++) {
      for (let j = 1; j <= n; j++) {
        // Just before the deposit the wealth crossed 200k, just after it dropped by 120k.
        if (mesh.wealth[p * (n + 1) + j - 1]! < 200_000 && mesh.wealth[p * (n + 1) + j]! < 100_000 && mesh.wealth[p * (n + 1) + j - 1]! > 150_000) { triggered++; break; }
      }
    }
    const funding = mesh.milestoneFunding()[1]!;
    expect(triggered).toBeGreaterThan(0);
    expect(funding.probability).toBeGreaterThan(0);
    expect(Math.abs(funding.probability * mesh.paths - triggered)).toBeLessThanOrEqual(mesh.paths * 0.05);
  });

  it('a conditional part whose window has not opened is not paid now, even if its condition holds', () => {
    clockNow = utc(2025, 2, 5, 9, 0, 0);
    const mesh = new PlanningMesh(person());
    const made = mesh.pay('car', [part.rest(whenCondition('always', () => true, { notBefore: utc(2025, 4, 1) }))]);
    expect(made).toEqual([]);
    const opened = new PlanningMesh(person());
    expect(opened.pay('car', [part.rest(whenCondition('always', () => true, { notBefore: utc(2025, 2, 1) }))]).map((r) => r.amount)).toEqual([20_000]);
  });

  it('yearly schedules use the clock', () => {
    clockNow = utc(2025, 2, 5);
    expect(everyYearOn(clock, 6, 15, utc(2027, 11, 31))).toEqual([utc(2025, 5, 15), utc(2026, 5, 15), utc(2027, 5, 15)]);
  });

  it('refuses payments beyond the balance or the attached capacity with typed errors', () => {
    clockNow = utc(2025, 2, 5);
    const mesh = new PlanningMesh(person());
    expect(() => mesh.pay('house', [part.amount(today(clock), 60_000)])).toThrow(InsufficientFundsError);
    const limited = new PlanningMesh(person({ paymentCapacity: { canPay: ({ amount }) => ({ ok: amount <= 1_000, available: 1_000, reason: 'ledger liquidity' }) } }));
    try {
      limited.pay('car', [part.amount(today(clock), 5_000)]);
      expect.unreachable();
    } catch (e) {
      expect(isMeshError(e) && e.code).toBe('INSUFFICIENT_FUNDS');
      expect(String(e)).toMatch(/ledger liquidity/);
    }
    expect(() => mesh.pay('boat', [part.rest(today(clock))])).toThrow(/milestoneId/);
    expect(() => mesh.pay('car', [part.fraction(today(clock), 0.6), part.fraction(today(clock), 0.6)])).toThrow(/remaining/);
    expect(() => mesh.advanceTo(utc(2020, 0, 1))).toThrow(/date/);
  });
});

describe('PlanningMesh export through @omega/storage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'omega-mesh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('saves with auto and loads an equal record (arrays, nodes, milestones, payments, dates)', async () => {
    clockNow = utc(2025, 2, 5, 9, 0, 0);
    const mesh = new PlanningMesh(person({ paths: 50 }));
    mesh.pay('car', [part.fraction(today(clock), 0.01), part.rest(utc(2025, 5, 15))]);
    mesh.advanceTo(utc(2025, 4, 1));
    const record = toPlanningRecord(mesh);
    for (const format of ['auto', 'json']) {
      const file = join(dir, `mesh-${format}.omega`);
      await savePlanningMesh(mesh, file, format);
      const loaded = await loadPlanningRecord(file, format);
      expect(loaded).toEqual(record);
      expect(loaded.wealth.data).toBeInstanceOf(Float64Array);
      expect(loaded.dates[3]).toBeInstanceOf(Date);
    }
  });
});
