/**
 * Dates with Python's microsecond precision. A JS Date holds milliseconds; Python datetimes hold microseconds.
 * Loading a datetime whose microseconds are not a whole number of milliseconds gives a `PreciseDate` (a Date
 * subclass carrying the extra 0–999 µs), so saving it again writes the same digits.
 */
import { CorruptDataError } from '../errors.js';

export class PreciseDate extends Date {
  /** Microseconds beyond the millisecond, 0–999. */
  readonly microsecond: number;

  constructor(epochMs: number, microsecond: number) {
    super(epochMs);
    if (!Number.isInteger(microsecond) || microsecond < 0 || microsecond > 999) {
      throw new RangeError(`microsecond must be an integer in 0..999, got ${microsecond}`);
    }
    this.microsecond = microsecond;
  }
}

const ISO = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/** The common shape `YYYY-MM-DDTHH:MM:SS[.ffffff][+00:00|Z]` without a regex (hot on large record sets). */
function parseUtcFast(iso: string): Date | undefined {
  const n = iso.length;
  if (n < 19 || iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':' || iso[16] !== ':') return undefined;
  let end = n;
  if (iso.endsWith('+00:00')) end = n - 6;
  else if (iso.endsWith('Z')) end = n - 1;
  else if (n > 19 && iso[n - 3] === ':' && (iso[n - 6] === '+' || iso[n - 6] === '-')) return undefined;
  let micros = 0;
  if (end > 19) {
    if (iso[19] !== '.' || end - 20 < 1 || end - 20 > 6) return undefined;
    for (let i = 20; i < 26; i++) {
      const d = i < end ? digit(iso, i) : 0;
      if (d < 0 || d > 9) return undefined;
      micros = micros * 10 + d;
    }
  } else if (end !== 19) return undefined;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]) {
    const d = digit(iso, i);
    if (d < 0 || d > 9) return undefined;
  }
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + two(iso, 2);
  if (year < 100) return undefined;
  const epoch = Date.UTC(year, two(iso, 5) - 1, two(iso, 8), two(iso, 11), two(iso, 14), two(iso, 17), Math.floor(micros / 1000));
  if (Number.isNaN(epoch)) return undefined;
  const micro = micros % 1000;
  return micro === 0 ? new Date(epoch) : new PreciseDate(epoch, micro);
}

/** Parse an ISO 8601 date-time as Python writes it. A naive time (no offset) is read as UTC. */
export function parseIsoDateTime(iso: string, where: { path?: string } = {}): Date {
  const fast = parseUtcFast(iso);
  if (fast !== undefined) return fast;
  const m = ISO.exec(iso);
  if (m === null) throw new CorruptDataError('malformed ISO date-time', { ...where, expected: 'YYYY-MM-DDTHH:MM:SS[.ffffff][±HH:MM]', received: JSON.stringify(iso) });
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const digits = (frac + '000000').slice(0, 6);
  const ms = Number(digits.slice(0, 3));
  const micro = Number(digits.slice(3, 6));
  const year = Number(y);
  let epoch = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (year >= 0 && year < 100) {
    // Date.UTC maps years 0–99 to 1900–1999.
    const base = new Date(epoch);
    base.setUTCFullYear(year);
    epoch = base.getTime();
  }
  if (tz !== undefined && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const body = tz.slice(1).replace(':', '');
    const offsetMin = Number(body.slice(0, 2)) * 60 + Number(body.slice(2, 4) || '0');
    epoch -= sign * offsetMin * 60_000;
  }
  if (Number.isNaN(epoch)) throw new CorruptDataError('date-time out of range', { ...where, received: JSON.stringify(iso) });
  return micro === 0 ? new Date(epoch) : new PreciseDate(epoch, micro);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Python-style `isoformat()` of an aware UTC datetime: `2025-07-17T01:06:14.618679+00:00`, fraction omitted when 0.
 * Years outside 1..9999 (which Python cannot hold) use the extended ±YYYYYY form.
 */
export function formatIsoDateTime(date: Date): string {
  const y = date.getUTCFullYear();
  if (y >= 1 && y <= 9999) {
    // toISOString is 'YYYY-MM-DDTHH:MM:SS.mmmZ' for these years.
    const iso = date.toISOString();
    const micro = date instanceof PreciseDate ? date.microsecond : 0;
    const ms = date.getUTCMilliseconds();
    return ms === 0 && micro === 0 ? `${iso.slice(0, 19)}+00:00` : `${iso.slice(0, 23)}${pad(micro, 3)}+00:00`;
  }
  const year = y >= 1 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  const micro = date.getUTCMilliseconds() * 1000 + (date instanceof PreciseDate ? date.microsecond : 0);
  const frac = micro === 0 ? '' : `.${pad(micro, 6)}`;
  return `${year}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}${frac}+00:00`;
}
