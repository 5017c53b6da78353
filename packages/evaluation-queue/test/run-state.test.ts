import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { save } from '@omega/storage';
import { subjectRanges } from '../src/chunks.js';
import { InvalidJobDataError, InvalidRunOptionError, SubjectsFailedError, runQueuedEvaluation } from '../src/index.js';
import { parseJobData } from '../src/job-data.js';
import { jobIdOf, runIdOf } from '../src/run-id.js';
import { isAtomicTempName, sweepAtomicTemps } from '../src/temp-sweep.js';
import type { RunSpec } from '../src/task.js';
import { isoDate } from '../src/validate.js';

const spec: RunSpec = { task: 't', subjects: 10, seed: 1, asOf: '2025-01-01', out: '/shared/run', options: { a: 1, b: [2] } };

describe('run identity and job payloads', () => {
  it('splits subjects into consecutive ranges covering every index once', () => {
    expect(subjectRanges(10, 4)).toEqual([{ start: 0, end: 4 }, { start: 4, end: 8 }, { start: 8, end: 10 }]);
    expect(subjectRanges(3, 10)).toEqual([{ start: 0, end: 3 }]);
  });

  it('derives the same run id from the same spec whatever the key order, and a new one for any change', () => {
    const reordered: RunSpec = { options: { b: [2], a: 1 }, out: '/shared/run', asOf: '2025-01-01', seed: 1, subjects: 10, task: 't' };
    expect(runIdOf(reordered, 5)).toBe(runIdOf(spec, 5));
    expect(runIdOf(spec, 5)).toMatch(/^[0-9a-f]{16}$/);
    expect(runIdOf({ ...spec, seed: 2 }, 5)).not.toBe(runIdOf(spec, 5));
    expect(runIdOf({ ...spec, asOf: '2025-01-02' }, 5)).not.toBe(runIdOf(spec, 5));
    expect(runIdOf(spec, 6)).not.toBe(runIdOf(spec, 5));
    expect(jobIdOf('abc', 40)).toBe('abc-40');
  });

  it('accepts a well-formed job and names the field of a malformed one', () => {
    expect(parseJobData({ runId: 'r', spec, start: 4, end: 8 })).toEqual({ runId: 'r', spec, start: 4, end: 8 });
    expect(() => parseJobData({ runId: 'r', spec, start: 4, end: 11 })).toThrow(/job\.data\.end: expected an integer in \(start, 10\]/);
    expect(() => parseJobData({ runId: 'r', spec: { ...spec, seed: 1.5 }, start: 0, end: 1 })).toThrow(InvalidJobDataError);
    expect(() => parseJobData('nope')).toThrow(/expected an object/);
  });

  it('lists every failed subject in the job error', () => {
    const error = new SubjectsFailedError([{ index: 3, message: 'RangeError: x' }, { index: 9, message: 'Error: y' }]);
    expect(error.code).toBe('SUBJECTS_FAILED');
    expect(error.message).toBe('2 subject(s) failed: #3: RangeError: x; #9: Error: y');
  });
});

describe('coordinator option checks (before any connection)', () => {
  const ok = { queue: 'redis://127.0.0.1:1', subjects: 3, seed: 1, asOf: '2025-01-31', out: '/tmp/x' };
  it.each([
    [{ subjects: 0 }, /options\.subjects: expected a positive integer, received 0/],
    [{ seed: 0.5 }, /options\.seed: expected an integer/],
    [{ asOf: '2025-02-30' }, /options\.asOf: expected a calendar date YYYY-MM-DD, received "2025-02-30"/],
    [{ chunkSize: -1 }, /options\.chunkSize/],
  ])('rejects %j', async (patch, message) => {
    const run = runQueuedEvaluation({ ...ok, ...patch });
    await expect(run).rejects.toBeInstanceOf(InvalidRunOptionError);
    await expect(run).rejects.toThrow(message);
  });

  it('accepts real calendar dates only', () => {
    expect(isoDate('2024-02-29', 'asOf')).toBe('2024-02-29');
    expect(() => isoDate('2023-02-29', 'asOf')).toThrow(InvalidRunOptionError);
    expect(() => isoDate(new Date(0), 'asOf')).toThrow(/asOf: expected a calendar date/);
  });
});

describe('orphaned atomic-write temp files', () => {
  it('matches the temp names @omega/storage really uses, and only those', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'omega-eq-temp-'));
    try {
      // Observe the real temp name by listing the folder while a save of a large value is in flight.
      const seen = new Set<string>();
      const watcher = setInterval(() => { void readdir(dir).then((names) => names.forEach((n) => seen.add(n))); }, 0);
      await save({ rows: Array.from({ length: 200_000 }, (_, i) => i) }, join(dir, 'big.json'), 'json');
      clearInterval(watcher);
      const temps = [...seen].filter((name) => name !== 'big.json');
      expect(temps.length).toBeGreaterThan(0);
      for (const name of temps) expect(isAtomicTempName(name)).toBe(true);
      expect(isAtomicTempName('.subject-000001.json.4242.0a1b2c3d4e5f.tmp')).toBe(true);
      expect(isAtomicTempName('subject-000001.json')).toBe(false);
      expect(isAtomicTempName('.hidden.tmp')).toBe(false);

      await mkdir(join(dir, 'subjects'));
      await writeFile(join(dir, 'subjects', '.subject-000001.json.4242.0a1b2c3d4e5f.tmp'), 'partial');
      await writeFile(join(dir, 'subjects', 'subject-000001.json'), '{}');
      const removed = await sweepAtomicTemps(dir);
      expect(removed).toEqual([join(dir, 'subjects', '.subject-000001.json.4242.0a1b2c3d4e5f.tmp')]);
      expect((await readdir(join(dir, 'subjects')))).toEqual(['subject-000001.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
