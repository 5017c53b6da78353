/**
 * Calendar dates. date-fns does the arithmetic on local-midnight Date objects; we only ever read their local
 * calendar fields back, so results are the same in every time zone. The public model uses `YYYY-MM-DD` strings.
 */
import { addMonths, addYears, getDaysInMonth, isValid, startOfMonth, subDays, subMonths } from 'date-fns';
import { describeValue, InvalidOptionError } from './errors.js';
import type { IsoDate } from './model.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function toIsoDate(date: Date): IsoDate {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** Parse `YYYY-MM-DD` into a local-midnight Date, or `undefined` if it is not a real calendar date. */
export function parseIsoDate(text: string): Date | undefined {
  const m = ISO_DATE.exec(text);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  date.setFullYear(y); // years 0–99 would otherwise map to 1900–1999
  return isValid(date) && date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : undefined;
}

/** The start date option: `YYYY-MM-DD`, or a Date whose UTC calendar day is taken. Years 1900–2200. */
export function parseStart(value: unknown, field = 'options.start'): Date {
  let date: Date | undefined;
  if (typeof value === 'string') date = parseIsoDate(value);
  else if (value instanceof Date && isValid(value)) date = new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  if (date === undefined || date.getFullYear() < 1900 || date.getFullYear() > 2200) {
    throw new InvalidOptionError('not a usable start date', {
      field, expected: "a calendar date 'YYYY-MM-DD' (or a valid Date, UTC day taken) between 1900 and 2200", received: describeValue(value),
    });
  }
  return date;
}

// The three helpers below sit on the per-subject hot path, where date-fns' generic argument handling cost more
// than the rest of the generator together; for local-midnight dates they compute the same thing directly
// (the tests cross-check them against date-fns' differenceInYears / differenceInCalendarDays / addDays).

/** Whole years from `from` to `to` (age at `to` for a birth date `from`). */
export function yearsBetween(from: Date, to: Date): number {
  const years = to.getFullYear() - from.getFullYear();
  const beforeAnniversary = to.getMonth() < from.getMonth() || (to.getMonth() === from.getMonth() && to.getDate() < from.getDate());
  return beforeAnniversary ? years - 1 : years;
}

/** Calendar days from `from` to `to` (rounding absorbs a DST hour). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}

/** `date` plus `days` calendar days, at local midnight. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** One month of the history window: its `YYYY-MM-` prefix and length, computed once per `generate` call. */
export interface WindowMonth {
  days: number;
  /** `dates[d - 1]` is day d as `YYYY-MM-DD` (shared strings: the history holds hundreds per person). */
  dates: readonly IsoDate[];
}

/** The `months` whole calendar months before the month of `start`, oldest first. */
export function historyWindow(start: Date, months: number): { from: Date; to: Date; months: WindowMonth[] } {
  const first = startOfMonth(subMonths(start, months));
  const list: WindowMonth[] = [];
  for (let i = 0; i < months; i++) {
    const month = addMonths(first, i);
    const prefix = `${month.getFullYear()}-${pad2(month.getMonth() + 1)}-`;
    const days = getDaysInMonth(month);
    list.push({ days, dates: Array.from({ length: days }, (_, d) => prefix + pad2(d + 1)) });
  }
  return { from: first, to: subDays(startOfMonth(start), 1), months: list };
}

/** Day `day` of the month, clamped to its last day. */
export function dayOfMonth(month: WindowMonth, day: number): IsoDate {
  return month.dates[Math.min(day, month.days) - 1]!;
}

export { addMonths, addYears };

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `March 5, 2031` for narratives (the inverse is `parseLongDate`). */
export function formatLongDate(iso: IsoDate): string {
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return `${MONTH_NAMES[m - 1] ?? '?'} ${d}, ${y}`;
}

export function parseLongDate(text: string): IsoDate | undefined {
  const m = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(text);
  if (m === null) return undefined;
  const month = MONTH_NAMES.indexOf(m[1] as (typeof MONTH_NAMES)[number]);
  if (month < 0) return undefined;
  const iso = `${m[3]}-${pad2(month + 1)}-${pad2(Number(m[2]))}`;
  return parseIsoDate(iso) === undefined ? undefined : iso;
}
