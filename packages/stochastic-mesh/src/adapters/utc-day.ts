/** `YYYY-MM-DD` or a Date → a Date at 00:00 UTC of that calendar day. */
import { InvalidArgumentError } from '../errors.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function toUtcDay(input: string | Date, field: string): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new InvalidArgumentError(field, 'a valid Date', input);
    return new Date(Date.UTC(input.getUTCFullYear(), input.getUTCMonth(), input.getUTCDate()));
  }
  const m = typeof input === 'string' ? ISO_DAY.exec(input) : null;
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.toISOString().slice(0, 10) === input) return d;
  }
  throw new InvalidArgumentError(field, 'a calendar date YYYY-MM-DD or a Date', input);
}
