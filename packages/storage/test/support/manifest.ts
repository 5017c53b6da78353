/**
 * Check loaded values against ../shared/fixtures/<set>/manifest.json entries (written by the real Python stack).
 * Returns a list of mismatches (empty = match) so a test can report every difference at once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NDArray, parseIsoDateTime } from '../../src/index.js';

export const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/', import.meta.url));

export interface ManifestEntry {
  kind?: string;
  expect?: 'error' | 'either';
  why?: string;
  value?: unknown;
  [key: string]: unknown;
}

export function readManifest(set: 'python-current' | 'python-legacy'): Record<string, ManifestEntry> {
  return (JSON.parse(readFileSync(`${FIXTURES}${set}/manifest.json`, 'utf8')) as { files: Record<string, ManifestEntry> }).files;
}

function floatFromRepr(repr: string): number {
  if (repr === 'nan') return NaN;
  if (repr === 'inf') return Infinity;
  if (repr === '-inf') return -Infinity;
  return Number(repr);
}

function sha256(arr: NDArray): string {
  return createHash('sha256').update(arr.bytes()).digest('hex');
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  if (value instanceof Map) return Object.fromEntries(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof NDArray)) return value as Record<string, unknown>;
  return undefined;
}

function scalarOf(value: unknown): unknown {
  return value instanceof NDArray && value.shape.length === 0 ? (value.data as ArrayLike<unknown>)[0] : value;
}

export function compareToManifest(value: unknown, entry: ManifestEntry, path = '$'): string[] {
  const problems: string[] = [];
  const bad = (msg: string) => problems.push(`${path}: ${msg}`);
  switch (entry.kind) {
    case 'ndarray': {
      if (!(value instanceof NDArray)) return [`${path}: expected an NDArray, got ${describe(value)}`];
      if (value.dtype !== entry.dtype) bad(`dtype ${value.dtype} ≠ ${String(entry.dtype)}`);
      if (JSON.stringify(value.shape) !== JSON.stringify(entry.shape)) bad(`shape ${JSON.stringify(value.shape)} ≠ ${JSON.stringify(entry.shape)}`);
      if (Array.isArray(entry.values)) {
        if (JSON.stringify(value.data) !== JSON.stringify(entry.values)) bad(`values ${JSON.stringify(value.data)} ≠ ${JSON.stringify(entry.values)}`);
      } else if (value.dtype !== 'str' && sha256(value) !== entry.sha256) bad(`sha256 of data differs`);
      return problems;
    }
    case 'dict':
    case 'group': {
      const rec = asRecord(value);
      if (rec === undefined) return [`${path}: expected a dict, got ${describe(value)}`];
      const expected = { ...(entry.attrs as Record<string, ManifestEntry> | undefined), ...(entry.entries as Record<string, ManifestEntry>) };
      for (const [k, sub] of Object.entries(expected)) {
        if (!(k in rec)) bad(`missing key ${JSON.stringify(k)}`);
        else problems.push(...compareToManifest(rec[k], sub, `${path}.${k}`));
      }
      return problems;
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const items = entry.items as ManifestEntry[];
      const arr = value instanceof Set ? [...value] : value;
      if (!Array.isArray(arr) || arr.length !== items.length) return [`${path}: expected ${entry.kind} of ${items.length}, got ${describe(value)}`];
      if (entry.kind === 'set') {
        // sets are unordered: every expected item must match some element
        for (const [i, sub] of items.entries()) if (!arr.some((x) => compareToManifest(x, sub).length === 0)) bad(`set item ${i} missing`);
      } else items.forEach((sub, i) => problems.push(...compareToManifest(arr[i], sub, `${path}[${i}]`)));
      return problems;
    }
    case 'str':
      if (value !== entry.value) bad(`expected ${JSON.stringify(entry.value)}, got ${describe(value)}`);
      return problems;
    case 'bool':
      if (value !== entry.value) bad(`expected ${String(entry.value)}, got ${describe(value)}`);
      return problems;
    case 'none':
      if (value !== null) bad(`expected null, got ${describe(value)}`);
      return problems;
    case 'int': {
      const v = scalarOf(value);
      if ((typeof v !== 'number' && typeof v !== 'bigint') || BigInt(v) !== BigInt(entry.value as string)) bad(`expected int ${String(entry.value)}, got ${describe(value)}`);
      return problems;
    }
    case 'float':
      if (typeof value !== 'number' || !Object.is(value, floatFromRepr(entry.repr as string))) bad(`expected float ${String(entry.repr)}, got ${describe(value)}`);
      return problems;
    case 'npscalar': {
      const v = scalarOf(value);
      const repr = entry.repr as string;
      const ok = typeof v === 'bigint' ? v === BigInt(repr) : typeof v === 'number' && (/^(True|False)$/.test(repr) ? v === (repr === 'True' ? 1 : 0) : Object.is(v, floatFromRepr(repr)));
      if (!ok && !(typeof v === 'boolean' && String(v) === repr.toLowerCase())) bad(`expected numpy scalar ${String(entry.dtype)} ${repr}, got ${describe(value)}`);
      if (value instanceof NDArray && value.dtype !== entry.dtype) bad(`scalar dtype ${value.dtype} ≠ ${String(entry.dtype)}`);
      return problems;
    }
    case 'bytes': {
      const expected = Buffer.from(entry.b64 as string, 'base64');
      if (!(value instanceof Uint8Array) || Buffer.compare(Buffer.from(value), expected) !== 0) bad(`bytes differ`);
      return problems;
    }
    case 'complex': {
      const c = value as { re?: number; im?: number };
      if (!Object.is(c?.re, floatFromRepr(entry.real as string)) || !Object.is(c?.im, floatFromRepr(entry.imag as string))) bad(`expected complex ${String(entry.real)}+${String(entry.imag)}j, got ${describe(value)}`);
      return problems;
    }
    case 'datetime':
    case 'date': {
      const expected = parseIsoDateTime(entry.iso as string);
      if (!(value instanceof Date) || value.getTime() !== expected.getTime()) bad(`expected ${entry.kind} ${String(entry.iso)}, got ${describe(value)}`);
      return problems;
    }
    default:
      return [`${path}: manifest kind ${String(entry.kind)} not understood by the checker`];
  }
}

function describe(v: unknown): string {
  if (v instanceof NDArray) return `NDArray ${v.dtype} [${v.shape.join(',')}]`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') return String(v);
  return (v as object).constructor?.name ?? 'object';
}
