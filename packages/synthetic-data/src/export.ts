/**
 * Saving and loading subjects through @omega/storage. The file holds an envelope
 * `{ kind: 'omega.synthetic-subjects', version: 1, subjects }` so a loader can tell it from other data. The
 * records are plain JSON values (strings, integers, fractions, null), so the same subjects always encode to the
 * same bytes.
 */
import { decode, encode, load, save, type SaveResult } from '@omega/storage';
import { describeValue, InvalidOptionError, InvalidSubjectFileError } from './errors.js';
import type { Person } from './model.js';

export const SUBJECTS_FILE_KIND = 'omega.synthetic-subjects';
export const SUBJECTS_FILE_VERSION = 1;

/** Storage formats that keep these records exactly (`auto` resolves to `json` for them). */
export type SubjectsFormat = 'json' | 'compressed' | 'auto';

interface Envelope {
  kind: typeof SUBJECTS_FILE_KIND;
  version: typeof SUBJECTS_FILE_VERSION;
  subjects: Person[];
}

function envelope(subjects: readonly Person[]): Envelope {
  if (!Array.isArray(subjects)) throw new InvalidOptionError('not an array of subjects', { field: 'subjects', expected: 'Person[]', received: describeValue(subjects) });
  return { kind: SUBJECTS_FILE_KIND, version: SUBJECTS_FILE_VERSION, subjects: [...subjects] };
}

/** Write subjects atomically; same subjects → same bytes. */
export function saveSubjects(path: string, subjects: readonly Person[], format: SubjectsFormat = 'json'): Promise<SaveResult> {
  return save(envelope(subjects), path, format);
}

/** The bytes (or text, for `json`) `saveSubjects` would write. */
export function encodeSubjects(subjects: readonly Person[], format: SubjectsFormat = 'json'): Promise<Uint8Array | string> {
  return encode(envelope(subjects), format);
}

export async function loadSubjects(path: string): Promise<Person[]> {
  return unwrap(await load(path));
}

export async function decodeSubjects(input: Uint8Array | string): Promise<Person[]> {
  return unwrap(await decode(input));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural check of the envelope and of each record's identity fields (not a full schema validation). */
function unwrap(value: unknown): Person[] {
  if (!isRecord(value) || value.kind !== SUBJECTS_FILE_KIND) {
    throw new InvalidSubjectFileError('not a subjects file', { field: '$.kind', expected: `'${SUBJECTS_FILE_KIND}'`, received: describeValue(isRecord(value) ? value.kind : value) });
  }
  if (value.version !== SUBJECTS_FILE_VERSION) {
    throw new InvalidSubjectFileError('unsupported version', { field: '$.version', expected: String(SUBJECTS_FILE_VERSION), received: describeValue(value.version) });
  }
  const subjects = value.subjects;
  if (!Array.isArray(subjects)) throw new InvalidSubjectFileError('no subject list', { field: '$.subjects', expected: 'an array', received: describeValue(subjects) });
  subjects.forEach((s: unknown, i) => {
    if (!isRecord(s) || typeof s.id !== 'string' || !Number.isInteger(s.index) || !Number.isInteger(s.netWorthCents) || typeof s.narrative !== 'string') {
      throw new InvalidSubjectFileError('not a subject record', { field: `$.subjects[${i}]`, expected: 'an object with id, index, netWorthCents and narrative', received: describeValue(s) });
    }
  });
  return subjects as Person[];
}
