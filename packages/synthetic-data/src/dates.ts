/**
 * Calendar dates, as local-midnight Date objects; we only ever read their local calendar fields back, so results
 * are the same in every time zone. The public model uses `YYYY-MM-DD` strings. date-fns validates input and builds
 * the history calendar; the per-subject arithmetic uses the small helpers below, which compute the same calendar
 * days (the tests cross-check each against its date-fns counterpart).
 */
import { addMonths as addMonthsGeneric, getDaysInMonth, isValid, startOfMonth, subDays, subMonths } from 'date-fns';
import { describeValue, InvalidOptionError } from './errors.js';
import type { IsoDate } from './model.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `PAD2[n]` is `pad2(n)` for days and months (built once: toIsoDate runs several times per subject). */
const PAD2: readonly string[] = Array.from({ length: 32 }, (_, n) => pad2(n));

export function toIsoDate(date: Date): IsoDate {
  return `${date.getFullYear()}-${PAD2[date.getMonth() + 1]!}-${PAD2[date.getDate()]!}`;
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

// The helpers below sit on the per-subject hot path, where date-fns' generic argument handling cost more
// than the rest of the generator together; for local-midnight dates they compute the same thing directly
// (the tests cross-check them against date-fns' differenceInYears / differenceInCalendarDays / addDays /
// addMonths / addYears).

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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in month `monthIndex` (0–11) of `year` (proleptic Gregorian, as Date uses). */
function daysInMonth(year: number, monthIndex: number): number {
  if (monthIndex === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[monthIndex]!;
}

/** Local midnight of a calendar day; years 0–99 stay themselves (the Date constructor would read 1900–1999). */
function localDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(year, monthIndex, day);
  if (year >= 0 && year < 100) date.setFullYear(year, monthIndex, day);
  return date;
}

/**
 * `date` plus `months` calendar months, the day clamped to the target month's last day: date-fns' addMonths for
 * our local-midnight dates (same calendar day; the tests cross-check), without its three Date allocations.
 */
export function addMonths(date: Date, months: number): Date {
  const total = date.getFullYear() * 12 + date.getMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  return localDate(year, monthIndex, Math.min(date.getDate(), daysInMonth(year, monthIndex)));
}

/** `date` plus `years` years (29 February becomes 28 February in other years), like date-fns' addYears. */
export function addYears(date: Date, years: number): Date {
  return addMonths(date, years * 12);
}

/**
 * A `YYYY-MM-DD` string this package wrote itself (known valid, four-digit year) as a local-midnight Date; input
 * from outside goes through `parseIsoDate`, which validates.
 */
export function ownIsoToDate(iso: IsoDate): Date {
  const year = digitAt(iso, 0) * 1000 + digitAt(iso, 1) * 100 + digitAt(iso, 2) * 10 + digitAt(iso, 3);
  return localDate(year, digitAt(iso, 5) * 10 + digitAt(iso, 6) - 1, digitAt(iso, 8) * 10 + digitAt(iso, 9));
}

function digitAt(text: string, i: number): number {
  return text.charCodeAt(i) - 48;
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
    const month = addMonthsGeneric(first, i);
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
