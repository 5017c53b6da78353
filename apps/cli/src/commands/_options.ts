/** Option parsers shared by the engine commands: bad values become commander usage errors (exit 2). */
import { InvalidArgumentError } from 'commander';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export function isoDate(name: string) {
  return (value: string): string => {
    const m = ISO_DAY.exec(value);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!d || d.toISOString().slice(0, 10) !== value) throw new InvalidArgumentError(`${name} must be a calendar date YYYY-MM-DD, got '${value}'`);
    return value;
  };
}

/** A positive number (years, fractions). */
export function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number, got '${value}'`);
    return n;
  };
}

const DOLLARS = /^-?\d+(\.\d+)?$/;

/**
 * Dollars as text (`1234.56`, `-10`), checked here and turned into exact cents by @omega/accounting's
 * `dollarsToCents` where it is used (so `--help` does not load the accounting engine).
 */
export function dollars(name: string, { positive = false } = {}) {
  return (value: string): string => {
    const text = value.trim();
    if (!DOLLARS.test(text)) throw new InvalidArgumentError(`${name} must be an amount in dollars like 1234.56, got '${value}'`);
    if (positive && !/[1-9]/.test(text.replace(/^-.*/, ''))) throw new InvalidArgumentError(`${name} must be a positive amount, got '${value}'`);
    return text;
  };
}
