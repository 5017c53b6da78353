/**
 * `omega convert PATH… [--recursive] [--dry-run] [--format F] [--report FILE]`: rewrite legacy files (plain JSON,
 * the seed's typed JSON, compressed text — also under .json) in a DL-friendly format, in place, losing nothing:
 * - the file's first `<file>.backup` is made once and never overwritten (an existing backup means the current
 *   file is the source — never the other way round);
 * - writes are atomic, and the written file is read back and compared with what was read before; on any
 *   difference the original bytes are restored and the file is reported as failed;
 * - a corrupt file is reported and not touched; a second run skips files already in the target format.
 */
import { existsSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite, decode, defaultStorage, detectFormat, encode, toJSONSafe } from '@omega/storage';
import { CliUsageError } from '../errors.js';
import type { Io } from '../io.js';
import { startProgress } from '../progress.js';

export interface ConvertOptions {
  recursive?: boolean;
  dryRun?: boolean;
  format?: string;
  report?: string;
}

export type ConvertStatus = 'converted' | 'would-convert' | 'skipped' | 'failed';

export interface ConvertEntry {
  path: string;
  status: ConvertStatus;
  from?: string;
  to?: string;
  reason?: string;
  backup?: 'created' | 'kept';
}

export interface ConvertReport {
  format: string;
  dryRun: boolean;
  converted: ConvertEntry[];
  skipped: ConvertEntry[];
  failed: ConvertEntry[];
}

const LEGACY_FORMATS = new Set(['json', 'compressed']);
const LEGACY_NAME = /\.(json|compressed)$/i;

async function collect(paths: string[], recursive: boolean): Promise<string[]> {
  const files: string[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat === undefined) {
      if (explicit) files.push(path); // reported as failed with the reason
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && !recursive) return;
      const names = (await fs.readdir(path)).sort();
      for (const name of names) await visit(join(path, name), false);
      return;
    }
    const base = path.split('/').pop() ?? path;
    if (!explicit && (base.endsWith('.backup') || (base.startsWith('.') && base.endsWith('.tmp')))) return;
    files.push(path);
  };
  for (const p of paths) await visit(p, true);
  return files;
}

/** A canonical rendering of a value: equal fingerprints ⇔ the same stored value, bit for bit. */
function fingerprint(value: unknown): string {
  return JSON.stringify(toJSONSafe(value, { listMaxElements: 0 }));
}

function sameBytes(a: Uint8Array | string, b: Uint8Array): boolean {
  const x = typeof a === 'string' ? Buffer.from(a, 'utf8') : Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return x.equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

async function convertOne(path: string, options: Required<Pick<ConvertOptions, 'dryRun' | 'format'>>): Promise<ConvertEntry> {
  let original: Buffer;
  try {
    original = await fs.readFile(path);
  } catch (error) {
    return { path, status: 'failed', reason: `cannot read: ${(error as Error).message}` };
  }
  let from = 'unknown';
  let value: unknown;
  try {
    from = detectFormat(original, path) ?? 'unknown';
    if (!LEGACY_FORMATS.has(from)) {
      if (from === 'unknown' && !LEGACY_NAME.test(path)) return { path, status: 'skipped', reason: 'not a recognised data file' };
      if (from !== 'unknown') return { path, status: 'skipped', from, reason: `already a binary format (${from})` };
    }
    value = await decode(original, from === 'unknown' ? 'auto' : from);
  } catch (error) {
    // A stray text file that merely starts like JSON is not a data file; a .json/.compressed one is corrupt.
    if (!LEGACY_NAME.test(path) && from !== 'compressed') return { path, status: 'skipped', reason: 'not a recognised data file' };
    return { path, status: 'failed', reason: (error as Error).message };
  }
  try {
    const to = options.format === 'auto' ? defaultStorage().formatForSave(value, 'auto').name : options.format;
    const encoded = await encode(value, to);
    if (from === to && sameBytes(encoded, original)) return { path, status: 'skipped', from, to, reason: `already ${to}` };
    if (options.dryRun) return { path, status: 'would-convert', from, to };
    const backupPath = `${path}.backup`;
    let backup: 'created' | 'kept' = 'kept';
    if (!existsSync(backupPath)) {
      await atomicWrite(backupPath, original);
      backup = 'created';
    }
    await atomicWrite(path, encoded);
    const reread = await decode(await fs.readFile(path), to);
    if (fingerprint(reread) !== fingerprint(value)) {
      await atomicWrite(path, original);
      return { path, status: 'failed', from, to, reason: 'verification failed: the converted file did not read back equal; original restored' };
    }
    return { path, status: 'converted', from, to, backup };
  } catch (error) {
    return { path, status: 'failed', from, reason: (error as Error).message };
  }
}

export async function convertPaths(paths: string[], options: ConvertOptions = {}): Promise<ConvertReport> {
  const format = options.format ?? 'auto';
  if (format !== 'auto' && defaultStorage().registry.format(format) === undefined) {
    throw new CliUsageError(`unknown format '${format}'`, `use auto or one of: ${defaultStorage().registry.formats().map((f) => f.name).join(', ')}`);
  }
  const files = await collect(paths, options.recursive === true);
  const report: ConvertReport = { format, dryRun: options.dryRun === true, converted: [], skipped: [], failed: [] };
  const progress = startProgress('convert', files.length);
  for (const file of files) {
    const entry = await convertOne(file, { dryRun: options.dryRun === true, format });
    (entry.status === 'failed' ? report.failed : entry.status === 'skipped' ? report.skipped : report.converted).push(entry);
    progress.tick(file);
  }
  progress.stop();
  return report;
}

export async function runConvert(paths: string[], options: ConvertOptions, io: Io): Promise<number> {
  if (paths.length === 0) throw new CliUsageError('convert needs at least one PATH');
  const report = await convertPaths(paths, options);
  if (options.report) await atomicWrite(options.report, `${JSON.stringify(report, null, 2)}\n`);
  const verb = report.dryRun ? 'would convert' : 'converted';
  io.out(`${verb} ${report.converted.length}, skipped ${report.skipped.length}, failed ${report.failed.length} (format ${report.format})`);
  for (const e of report.converted) io.out(`  ${report.dryRun ? 'would convert' : 'converted'} ${e.path}: ${e.from} → ${e.to}${e.backup === 'created' ? ' (backup made)' : e.backup === 'kept' ? ' (existing backup kept)' : ''}`);
  for (const e of report.skipped) io.out(`  skipped ${e.path}: ${e.reason}`);
  for (const e of report.failed) io.out(`  FAILED ${e.path}: ${e.reason}`);
  if (options.report) io.out(`report: ${options.report}`);
  return report.failed.length > 0 ? 1 : 0;
}
