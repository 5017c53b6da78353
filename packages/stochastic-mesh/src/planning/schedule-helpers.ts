/**
 * Helpers that build payment dates and parts from an injected clock ("today", "next Tuesday", yearly, conditional).
 * Days are UTC calendar days (00:00 UTC), independent of the process time zone.
 */
import { addUtcDays, addUtcYears, isAfter, setUtcMonthDay, startOfUtcDay, utcWeekday } from './utc-calendar.js';
import { InvalidArgumentError } from '../errors.js';
import type { Clock, ConditionState, PaymentPart, PaymentWhen } from './planning-types.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function today(clock: Clock): Date {
  return startOfUtcDay(clock.now());
}

/** The next given weekday strictly after today (next Tuesday seen on a Tuesday is 7 days later). */
export function nextWeekday(clock: Clock, weekday: Weekday): Date {
  const target = WEEKDAYS.indexOf(weekday);
  if (target < 0) throw new InvalidArgumentError('weekday', WEEKDAYS.join(' | '), weekday);
  const base = today(clock);
  const delta = ((target - utcWeekday(base) + 7) % 7) || 7;
  return addUtcDays(base, delta);
}

/** The next occurrence of month/day (1-based month) on or after today. */
export function nextDateOn(clock: Clock, month: number, day: number): Date {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new InvalidArgumentError('month', 'an integer 1..12', month);
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new InvalidArgumentError('day', 'an integer 1..31', day);
  const base = today(clock);
  const candidate = setUtcMonthDay(base, month, day);
  return candidate < base ? setUtcMonthDay(addUtcYears(base, 1), month, day) : candidate;
}

/** Every year on month/day from today (inclusive) until `until` (inclusive). */
export function everyYearOn(clock: Clock, month: number, day: number, until: Date): Date[] {
  const out: Date[] = [];
  for (let d = nextDateOn(clock, month, day); !isAfter(d, until); d = setUtcMonthDay(addUtcYears(d, 1), month, day)) out.push(d);
  return out;
}

/** A per-path trigger: the payment happens on the first mesh date at which `holds` is true. */
export function whenCondition(condition: string, holds: (state: ConditionState) => boolean, window: { notBefore?: Date; notAfter?: Date } = {}): PaymentWhen {
  return { condition, holds, ...window };
}

export const part = {
  fraction: (when: PaymentWhen, fraction: number): PaymentPart => ({ when, fraction }),
  amount: (when: PaymentWhen, amount: number): PaymentPart => ({ when, amount }),
  rest: (when: PaymentWhen): PaymentPart => ({ when, rest: true }),
};
