/** Reading one subject from a subjects file (written by `omega synth`), and the date a subject is "as of". */
import { loadSubjects, type Person } from '@omega/synthetic-data';
import { CliUsageError } from '../errors.js';
import { addDays } from './_dates.js';

/** The subject at position `index` (default 0) of a subjects file. */
export async function loadSubject(file: string, index = 0): Promise<Person> {
  const subjects = await loadSubjects(file);
  const person = subjects[index];
  if (person === undefined) {
    throw new CliUsageError(`--index ${index} is out of range: ${file} holds ${subjects.length} subject(s)`, `use an index from 0 to ${Math.max(0, subjects.length - 1)}`);
  }
  return person;
}

/**
 * The day a subject's balance sheet refers to: `--as-of` when given, else the day after the subject's history
 * window (the first day of the generator's start month). A subjects file does not record its start date.
 */
export function subjectAsOf(person: Person, asOf: string | undefined): string {
  if (asOf !== undefined) return asOf;
  if (person.history !== null) return addDays(person.history.to, 1);
  throw new CliUsageError(`--as-of is required: subject ${person.id} has no transaction history to date it`);
}
