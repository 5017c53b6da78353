/** Calendar days as Dates at 00:00 UTC (the convention of @omega/stochastic-mesh's person adapters). */
import { InvalidOptionError } from '../errors.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(iso: string, field: string): Date {
  const m = ISO_DAY.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || formatDay(d) !== iso) throw new InvalidOptionError('not a calendar date', { field, expected: 'YYYY-MM-DD', received: JSON.stringify(iso) });
  return d;
}

export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The same day `months` months later (clamped to that month's last day). */
export function addMonthsToDay(iso: string, months: number): string {
  const d = parseDay(iso, 'date');
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatDay(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

export function addDays(iso: string, days: number): string {
  return formatDay(new Date(parseDay(iso, 'date').getTime() + days * 86_400_000));
}

export function isValidDay(iso: unknown): iso is string {
  if (typeof iso !== 'string') return false;
  try {
    parseDay(iso, 'date');
    return true;
  } catch {
    return false;
  }
}
