/** The work of `omega synth --subjects N --seed S --out FILE [--start DATE]`: seeded synthetic subjects (@omega/synthetic-data). */
import { iterateSubjects, saveSubjects, MAX_HISTORY_MONTHS, type Person, type SubjectsFormat } from '@omega/synthetic-data';
import { CliUsageError } from '../errors.js';
import type { Io } from '../io.js';
import { startProgress } from '../progress.js';

export interface SynthOptions {
  subjects: number;
  seed: number;
  out: string;
  start: string;
  /** Default: the generator's (12). */
  historyMonths?: number;
  format: SubjectsFormat;
}

export async function runSynth(options: SynthOptions, io: Io): Promise<number> {
  if (options.historyMonths !== undefined && options.historyMonths > MAX_HISTORY_MONTHS) throw new CliUsageError(`--history-months must be at most ${MAX_HISTORY_MONTHS}, got ${options.historyMonths}`);
  const progress = startProgress('synth', options.subjects);
  const people: Person[] = [];
  try {
    for (const person of iterateSubjects({ seed: options.seed, count: options.subjects, start: options.start, ...(options.historyMonths === undefined ? {} : { historyMonths: options.historyMonths }) })) {
      people.push(person);
      progress.tick(person.id);
    }
  } finally {
    progress.stop();
  }
  const saved = await saveSubjects(options.out, people, options.format);
  io.out(`wrote ${people.length} subject(s) (seed ${options.seed}, start ${options.start}) to ${saved.path} (${saved.format}, ${saved.bytes} bytes)`);
  return 0;
}
