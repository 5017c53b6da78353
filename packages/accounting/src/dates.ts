/** Calendar days as `YYYY-MM-DD` strings (ISO 8601). They sort lexicographically in date order. */
import { InvalidDateError } from './errors.js';

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A day as a `YYYY-MM-DD` string or a `Date` (whose UTC calendar day is taken). */
export type DateInput = string | Date;

const MS_PER_DAY = 86_400_000;

function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Validate and normalise a day. Dates are inputs, never the wall clock. (Hot path: no regex, no Date object.) */
export function toIsoDate(input: DateInput, field = 'date'): IsoDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new InvalidDateError('invalid Date object', { field, expected: 'a valid Date', received: 'Invalid Date' });
    return input.toISOString().slice(0, 10);
  }
  if (typeof input !== 'string') throw new InvalidDateError('date must be a string or Date', { field, expected: 'YYYY-MM-DD', received: typeof input });
  const y = input.length === 10 && input.charCodeAt(4) === 45 && input.charCodeAt(7) === 45 ? digitsAt(input, 0, 4) : -1;
  const m = y < 0 ? -1 : digitsAt(input, 5, 7);
  const d = m < 0 ? -1 : digitsAt(input, 8, 10);
  if (d < 0) throw new InvalidDateError('not a calendar day', { field, expected: 'YYYY-MM-DD', received: JSON.stringify(input) });
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new InvalidDateError('no such calendar day', { field, expected: 'a real date', received: input });
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
