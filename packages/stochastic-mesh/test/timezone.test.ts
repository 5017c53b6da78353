import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextDateOn, nextWeekday, today } from '../src/index.js';

// The child processes import the compiled package (pnpm build first), like the worker-thread suite.
const built = existsSync(new URL('../dist/index.js', import.meta.url));
const scenario = fileURLToPath(new URL('./fixtures/planning-scenario.mjs', import.meta.url));

function runUnder(tz: string): { offset: number; result: unknown } {
  const out = execFileSync(process.execPath, [scenario], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  return JSON.parse(out) as { offset: number; result: unknown };
}

describe.runIf(built)('planning mesh is time-zone independent (child processes, built dist)', () => {
  it('the same scenario under UTC, America/New_York and Asia/Kolkata gives identical dates, payments and numbers', () => {
    const runs = ['UTC', 'America/New_York', 'Asia/Kolkata'].map(runUnder);
    // The zones really were in effect: local offsets differ (minutes west of UTC).
    expect(runs.map((r) => r.offset)).toEqual([0, 300, -330]);
    expect(runs[1]!.result).toEqual(runs[0]!.result);
    expect(runs[2]!.result).toEqual(runs[0]!.result);
  });
});

describe('schedule helpers use UTC calendar days', () => {
  // 23:30 UTC on Friday 31 January 2025 (already Saturday in Kolkata, still Friday in New York).
  const clock = { now: () => new Date(Date.UTC(2025, 0, 31, 23, 30)) };
  it('today, next Tuesday and 15 June are UTC midnights of the UTC day', () => {
    expect(today(clock)).toEqual(new Date(Date.UTC(2025, 0, 31)));
    expect(nextWeekday(clock, 'friday')).toEqual(new Date(Date.UTC(2025, 1, 7)));
    expect(nextWeekday(clock, 'tuesday')).toEqual(new Date(Date.UTC(2025, 1, 4)));
    expect(nextDateOn(clock, 6, 15)).toEqual(new Date(Date.UTC(2025, 5, 15)));
    expect(nextDateOn(clock, 1, 30)).toEqual(new Date(Date.UTC(2026, 0, 30)));
  });
});
