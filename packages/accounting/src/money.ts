/**
 * Exact money: integer cents as `bigint`. Binary floats never enter a balance; they are converted once, at the
 * boundary, by `dollarsToCents`, with one rounding rule (ROUNDING_RULE, below).
 */
import { InvalidAmountError } from './errors.js';

/** An exact amount of money in integer cents. */
export type Cents = bigint;

/**
 * The one rounding rule: digits beyond the cent are rounded half to even ("banker's rounding", the IEEE 754
 * decimal default): 0.125 → 0.12, 0.135 → 0.14, 0.1251 → 0.13, -0.125 → -0.12. A JS number is first written as its
 * shortest round-trip decimal (`String(x)`), so 0.1 + 0.2 (0.30000000000000004) → 30¢ and 1.005 → 100¢.
 */
export const ROUNDING_RULE = 'half-even' as const;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

function roundDecimalToCents(text: string, field: string): Cents {
  const m = DECIMAL.exec(text);
  const intPart = m?.[2] ?? '';
  const fracPart = m?.[3] ?? '';
  if (m === null || intPart.length + fracPart.length === 0) {
    throw new InvalidAmountError('not a decimal amount', { field, expected: 'digits with an optional sign, point and exponent, e.g. "-12.34"', received: JSON.stringify(text) });
  }
  const negative = m[1] === '-';
  const digits = intPart + fracPart;
  // Position of the decimal point inside `digits`, shifted by the exponent; we keep two digits after it.
  const cut = intPart.length + Number(m[4] ?? '0') + 2;
  let kept: bigint;
  let rest: string;
  if (cut <= 0) {
    kept = 0n;
    rest = '0'.repeat(-cut) + digits;
  } else if (cut >= digits.length) {
    kept = BigInt(digits + '0'.repeat(cut - digits.length));
    rest = '';
  } else {
    kept = BigInt(digits.slice(0, cut));
    rest = digits.slice(cut);
  }
  const first = rest.charCodeAt(0) - 48;
  if (rest.length > 0 && (first > 5 || (first === 5 && (/[1-9]/.test(rest.slice(1)) || kept % 2n === 1n)))) kept += 1n;
  return negative ? -kept : kept;
}

/**
 * Dollars → cents under ROUNDING_RULE. Accepts a finite number or a plain decimal string ("12.34", "-0.5",
 * "1e3"). Currency symbols and thousands separators are not accepted here (the CSV reader strips them).
 */
export function dollarsToCents(value: number | string, field = 'amount'): Cents {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidAmountError('amount must be a finite number', { field, expected: 'a finite number of dollars', received: String(value) });
    return roundDecimalToCents(String(value), field);
  }
  if (typeof value !== 'string') throw new InvalidAmountError('amount must be a number or a decimal string', { field, expected: 'number | string', received: typeof value });
  return roundDecimalToCents(value.trim(), field);
}

/**
 * Integer cents → `bigint`. Accepts a bigint or a safe-integer number; refuses fractions of a cent instead of
 * rounding them (use `dollarsToCents` for rounding).
 */
export function toCents(value: bigint | number, field = 'amount'): Cents {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new InvalidAmountError('amount must be an integer number of cents', { field, expected: 'a bigint or a safe integer', received: typeof value === 'number' ? String(value) : typeof value });
}

/** Cents → exact decimal string of dollars: -123456n → "-1234.56". */
export function formatCents(cents: Cents): string {
  const negative = cents < 0n;
  const abs = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

const EXACT_CENTS = /^-?\d+\.\d{2}$/;

/** Inverse of `formatCents`: exactly two decimals required, nothing is rounded (used when loading exports). */
export function parseCentsString(text: string, field = 'amount'): Cents {
  if (typeof text !== 'string' || !EXACT_CENTS.test(text)) {
    throw new InvalidAmountError('not an exact cents string', { field, expected: 'a decimal with exactly two decimals, e.g. "-12.34"', received: JSON.stringify(text) });
  }
  const negative = text.startsWith('-');
  const magnitude = BigInt(text.replace('-', '').replace('.', ''));
  return negative ? -magnitude : magnitude;
}

/** Cents → dollars as a JS number, for charts and simulations only: lossy above 2^53 cents, never fed back into balances. */
export function centsToDollars(cents: Cents): number {
  return Number(cents) / 100;
}
