import { InvalidRunOptionError } from './errors.js';

export function positiveInteger(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new InvalidRunOptionError(`${field}: expected a positive integer, received ${JSON.stringify(value)}`, {
      field, expected: 'a positive integer', received: value,
    });
  }
  return value as number;
}

export function integer(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidRunOptionError(`${field}: expected an integer, received ${JSON.stringify(value)}`, {
      field, expected: 'a safe integer', received: value,
    });
  }
  return value as number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export function isoDate(value: unknown, field: string): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return value as string;
  }
  throw new InvalidRunOptionError(`${field}: expected a calendar date YYYY-MM-DD, received ${JSON.stringify(value)}`, {
    field, expected: 'YYYY-MM-DD', received: value,
  });
}
