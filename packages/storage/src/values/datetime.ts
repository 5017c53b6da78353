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

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Proleptic Gregorian year, month 1–12, day → days since 1970-01-01 (integer arithmetic, no Date calls). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Python's datetime ranges (no 24:00, no leap second, no 30 February); Date.UTC would silently roll them over. */
function fieldsInRange(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}

/** Two ASCII digits at i..i+1 as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The `n` characters of `text` at `at`, if they have the common shape `YYYY-MM-DDTHH:MM:SS[.ffffff][+00:00|Z]` without a regex (hot on large record sets). */
function parseUtcFast(text: string, at: number, n: number): Date | undefined {
  const code = (i: number) => text.charCodeAt(at + i);
  // '-' 45, 'T' 84, ':' 58, '.' 46, '+' 43, 'Z' 90, '0' 48
  if (n < 19 || code(4) !== 45 || code(7) !== 45 || code(10) !== 84 || code(13) !== 58 || code(16) !== 58) return undefined;
  let end = n;
  if (code(n - 6) === 43 && code(n - 5) === 48 && code(n - 4) === 48 && code(n - 3) === 58 && code(n - 2) === 48 && code(n - 1) === 48) end = n - 6;
  else if (code(n - 1) === 90) end = n - 1;
  else if (n > 19 && code(n - 3) === 58 && (code(n - 6) === 43 || code(n - 6) === 45)) return undefined;
  let micros = 0;
  if (end > 19) {
    if (code(19) !== 46 || end - 20 < 1 || end - 20 > 6) return undefined;
    for (let i = 20; i < 26; i++) {
      const d = i < end ? code(i) - 48 : 0;
      if (!(d >= 0 && d <= 9)) return undefined;
      micros = micros * 10 + d;
    }
  } else if (end !== 19) return undefined;
  const c1 = twoDigits(text, at + 0);
  const c2 = twoDigits(text, at + 2);
  const month = twoDigits(text, at + 5);
  const day = twoDigits(text, at + 8);
  const hour = twoDigits(text, at + 11);
  const minute = twoDigits(text, at + 14);
  const second = twoDigits(text, at + 17);
  if ((c1 | c2 | month | day | hour | minute | second) < 0) return undefined;
  const year = c1 * 100 + c2;
  if (year < 100) return undefined;
  const ms = (micros / 1000) | 0;
  // Integer arithmetic, not Date.UTC: Date.UTC was a tenth of decoding a large record set.
  // Out-of-range fields are left to the strict parser below, which refuses them.
  if (!fieldsInRange(year, month, day, hour, minute, second)) return undefined;
  const epoch = daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
  const micro = micros - ms * 1000;
  return micro === 0 ? new Date(epoch) : new PreciseDate(epoch, micro);
}

/** parseIsoDateTime of `text.slice(start, end)`, reading the common shape in place (no substring). */
export function parseIsoDateTimeIn(text: string, start: number, end: number): Date {
  return parseUtcFast(text, start, end - start) ?? parseIsoDateTime(text.slice(start, end));
}

/** Parse an ISO 8601 date-time as Python writes it. A naive time (no offset) is read as UTC. */
export function parseIsoDateTime(iso: string, where: { path?: string } = {}): Date {
  const fast = parseUtcFast(iso, 0, iso.length);
  if (fast !== undefined) return fast;
  const m = ISO.exec(iso);
  if (m === null) throw new CorruptDataError('malformed ISO date-time', { ...where, expected: 'YYYY-MM-DDTHH:MM:SS[.ffffff][±HH:MM]', received: JSON.stringify(iso) });
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const digits = (frac + '000000').slice(0, 6);
  const ms = Number(digits.slice(0, 3));
  const micro = Number(digits.slice(3, 6));
  const year = Number(y);
  if (!fieldsInRange(year, Number(mo), Number(d), Number(h), Number(mi), Number(s))) {
    throw new CorruptDataError('date-time field out of range', { ...where, expected: 'a real calendar date and a time within 00:00:00–23:59:59', received: JSON.stringify(iso) });
  }
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

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * Python-style `isoformat()` of an aware UTC datetime: `2025-07-17T01:06:14.618679+00:00`, fraction omitted when 0.
 * Years outside 1..9999 (which Python cannot hold) use the extended ±YYYYYY form.
 * Computed with integer arithmetic (proleptic Gregorian days → civil date): Date's own formatting dominated encode
 * time on record sets.
 */
export function formatIsoDateTime(date: Date): string {
  const t = date.getTime();
  const days = Math.floor(t / 86_400_000);
  let rest = t - days * 86_400_000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const sec = Math.floor(rest / 1000);
  const ms = rest - sec * 1000;
  const micro = date instanceof PreciseDate ? date.microsecond : 0;
  const year = y >= 1 && y <= 9999 ? (y >= 1000 ? String(y) : pad(y, 4)) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  const frac = ms === 0 && micro === 0 ? '' : `.${THREE[ms]}${THREE[micro]}`;
  return `${year}-${TWO[mo]}-${TWO[d]}T${TWO[h]}:${TWO[mi]}:${TWO[sec]}${frac}+00:00`;
}
