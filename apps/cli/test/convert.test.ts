import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NDArray, load } from '@omega/storage';
import { FIXTURES, omega } from './run-cli.js';

const SEED = join(FIXTURES, 'python-legacy/seed');

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'omega-convert-'));
  mkdirSync(join(root, 'nested'));
  copyFileSync(join(SEED, 'results.json'), join(root, 'results.json'));
  copyFileSync(join(SEED, 'arrays_saved_as.json'), join(root, 'nested', 'arrays_saved_as.json'));
  copyFileSync(join(SEED, 'plain_legacy.json'), join(root, 'plain_legacy.json'));
  copyFileSync(join(SEED, 'results.compressed'), join(root, 'nested', 'results.compressed'));
  copyFileSync(join(SEED, 'truncated_mesh.json'), join(root, 'truncated_mesh.json'));
  // A stale backup: older data than the current file. It must not be used as the source, nor overwritten.
  writeFileSync(join(root, 'plain_legacy.json.backup'), '{"generated_at": "stale"}');
  writeFileSync(join(root, 'notes.txt'), 'not data');
  return root;
}

describe('omega convert', () => {
  it('converts a tree, keeps corrupt files untouched, respects a stale backup, and is idempotent', async () => {
    const root = tree();
    const corrupt = join(root, 'truncated_mesh.json');
    utimesSync(corrupt, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const corruptBytes = readFileSync(corrupt);
    const corruptMtime = statSync(corrupt).mtimeMs;
    const before = await load(join(root, 'nested', 'arrays_saved_as.json')) as Record<string, unknown>;

    const reportFile = join(mkdtempSync(join(tmpdir(), 'omega-report-')), 'report.json');
    const first = omega(['convert', root, '--recursive', '--report', reportFile]);
    expect(first.code, first.stderr).toBe(1); // one corrupt file
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { converted: Array<{ path: string; backup: string; to: string }>; skipped: Array<{ path: string }>; failed: Array<{ path: string; reason: string }> };
    expect(report.failed.map((e) => e.path)).toEqual([corrupt]);
    expect(report.failed[0]!.reason).toMatch(/invalid JSON: Unexpected end of JSON input/i);
    expect(report.converted.map((e) => e.path).sort()).toEqual([
      join(root, 'nested', 'arrays_saved_as.json'), join(root, 'nested', 'results.compressed'), join(root, 'plain_legacy.json'), join(root, 'results.json'),
    ].sort());
    expect(first.stdout).toMatch(/converted 4, skipped \d+, failed 1/);

    // corrupt file: same bytes, same mtime; no backup made for it
    expect(readFileSync(corrupt).equals(corruptBytes)).toBe(true);
    expect(statSync(corrupt).mtimeMs).toBe(corruptMtime);
    expect(existsSync(`${corrupt}.backup`)).toBe(false);

    // stale backup kept as it was; the current file (not the backup) was the source
    expect(readFileSync(join(root, 'plain_legacy.json.backup'), 'utf8')).toBe('{"generated_at": "stale"}');
    expect(((await load(join(root, 'plain_legacy.json'))) as { generated_at: string }).generated_at).toBe('2025-07-16');
    expect(report.converted.find((e) => e.path.endsWith('plain_legacy.json'))!.backup).toBe('kept');

    // the compressed text saved as .json: backup holds the original bytes; the value is unchanged, arrays bit for bit
    const converted = join(root, 'nested', 'arrays_saved_as.json');
    expect(readFileSync(`${converted}.backup`).equals(readFileSync(join(SEED, 'arrays_saved_as.json')))).toBe(true);
    const after = (await load(converted)) as Record<string, unknown>;
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const paths = after.paths as NDArray;
    expect(Buffer.from(paths.bytes()).equals(Buffer.from((before.paths as NDArray).bytes()))).toBe(true);
    expect((after.empty as NDArray).shape).toEqual([0, 3]);

    // second run: nothing left to convert, backups untouched
    const backupBytes = readFileSync(`${converted}.backup`);
    const second = omega(['convert', root, '--recursive']);
    expect(second.stdout).toMatch(/converted 0, skipped \d+, failed 1/);
    expect(readFileSync(`${converted}.backup`).equals(backupBytes)).toBe(true);
  });

  it('writes nothing on --dry-run', () => {
    const root = tree();
    const original = readFileSync(join(root, 'results.json'));
    const r = omega(['convert', join(root, 'results.json'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would convert 1/);
    expect(readFileSync(join(root, 'results.json')).equals(original)).toBe(true);
    expect(existsSync(join(root, 'results.json.backup'))).toBe(false);
  });

  it('converts to an explicit format', async () => {
    const root = tree();
    const r = omega(['convert', join(root, 'plain_legacy.json'), '--format', 'compressed']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(readFileSync(join(root, 'plain_legacy.json'), 'utf8')).toMatch(/^eJ/);
    expect(((await load(join(root, 'plain_legacy.json'))) as { generated_at: string }).generated_at).toBe('2025-07-16');
  });

  it('refuses an unknown format with usage exit 2', () => {
    const r = omega(['convert', tree(), '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format 'xml'/);
  });
});
