/**
 * date-fns calendar arithmetic evaluated in UTC (the `in: utc` context of @date-fns/utc), so the planning mesh gives
 * the same dates and numbers whatever the process time zone (TZ) is. Results are plain Dates.
 */
import { utc } from '@date-fns/utc';
import { addDays, addMonths, addYears, getDay, isAfter as isAfterFns, setDate, setMonth, startOfDay } from 'date-fns';

const plain = (d: Date): Date => new Date(d.getTime());

/** 00:00 UTC of the same UTC calendar day. */
export function startOfUtcDay(date: Date): Date {
  return plain(startOfDay(date, { in: utc }));
}

export function addUtcDays(date: Date, days: number): Date {
  return plain(addDays(date, days, { in: utc }));
}

/** Add calendar months; a day past the end of the target month is clamped to its last day (31 Jan + 1 → 28/29 Feb). */
export function addUtcMonths(date: Date, months: number): Date {
  return plain(addMonths(date, months, { in: utc }));
}

export function addUtcYears(date: Date, years: number): Date {
  return plain(addYears(date, years, { in: utc }));
}

/** Day of the week in UTC, 0 = Sunday. */
export function utcWeekday(date: Date): number {
  return getDay(date, { in: utc });
}

/** The same time of day on month/day (1-based month) of the date's UTC year; the day is clamped to the month's end. */
export function setUtcMonthDay(date: Date, month: number, day: number): Date {
  const inMonth = setMonth(setDate(date, 1, { in: utc }), month - 1, { in: utc });
  const last = addDays(addMonths(inMonth, 1, { in: utc }), -1, { in: utc }).getUTCDate();
  return plain(setDate(inMonth, Math.min(day, last), { in: utc }));
}

export function isAfter(a: Date, b: Date): boolean {
  return isAfterFns(a, b);
}
