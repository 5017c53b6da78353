/** Calendar dates at the HTTP boundary: `YYYY-MM-DD` strings ↔ UTC-midnight Dates. */
import { InvalidInputError } from '../errors.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDay(text: string, field: string): Date {
  const m = ISO_DAY.exec(text);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== text) throw new InvalidInputError(field, 'a calendar date YYYY-MM-DD', JSON.stringify(text));
  return d;
}

export function formatIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `months` calendar months after `date` (day clamped to the month's end), in UTC. */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)));
}
