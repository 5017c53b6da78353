/** Calendar days as `YYYY-MM-DD` strings (ISO 8601). They sort lexicographically in date order. */
import { InvalidDateError } from './errors.js';

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A day as a `YYYY-MM-DD` string or a `Date` (whose UTC calendar day is taken). */
export type DateInput = string | Date;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Validate and normalise a day. Dates are inputs, never the wall clock. */
export function toIsoDate(input: DateInput, field = 'date'): IsoDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new InvalidDateError('invalid Date object', { field, expected: 'a valid Date', received: 'Invalid Date' });
    return input.toISOString().slice(0, 10);
  }
  if (typeof input !== 'string') throw new InvalidDateError('date must be a string or Date', { field, expected: 'YYYY-MM-DD', received: typeof input });
  const m = ISO_DAY.exec(input);
  if (m === null) throw new InvalidDateError('not a calendar day', { field, expected: 'YYYY-MM-DD', received: JSON.stringify(input) });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new InvalidDateError('no such calendar day', { field, expected: 'a real date', received: input });
  }
  return input;
}

/** Days since 1970-01-01 of a validated IsoDate (for date windows). */
export function dayNumber(date: IsoDate): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
}

/** `YYYY-MM` of a validated IsoDate. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}
