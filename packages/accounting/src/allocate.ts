/** Split an amount into weighted parts without losing or creating a cent (largest-remainder method). */
import { InvalidAmountError, InvalidArgumentError } from './errors.js';
import type { Cents } from './money.js';

const WEIGHT = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/** A non-negative weight → integer numerator over 10^scale, exactly (numbers via their shortest decimal form). */
function exactWeight(weight: bigint | number | string, index: number): { numerator: bigint; scale: number } {
  const field = `weights[${index}]`;
  if (typeof weight === 'bigint') {
    if (weight < 0n) throw new InvalidArgumentError('weight must be non-negative', { field, received: weight.toString() });
    return { numerator: weight, scale: 0 };
  }
  if (typeof weight === 'number' && (!Number.isFinite(weight) || weight < 0)) {
    throw new InvalidArgumentError('weight must be a finite non-negative number', { field, received: String(weight) });
  }
  const text = String(weight).trim();
  const m = WEIGHT.exec(text);
  const intPart = m?.[1] ?? '';
  const fracPart = m?.[2] ?? '';
  if (m === null || intPart.length + fracPart.length === 0) {
    throw new InvalidArgumentError('weight is not a non-negative decimal', { field, expected: 'e.g. 70, 0.3 or "2.5"', received: JSON.stringify(text) });
  }
  const scale = fracPart.length - Number(m[3] ?? '0');
  const digits = BigInt(intPart + fracPart);
  return scale >= 0 ? { numerator: digits, scale } : { numerator: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * Allocate `amount` (cents, any sign) in proportion to `weights`. Each part is the floor of its exact share of
 * |amount|; the cents left over go one each to the parts with the largest remainders (ties: earlier part first),
 * and the sign is then restored. The parts always sum to `amount` exactly; a zero weight always gets 0.
 * Example: allocate(5n, [70, 30]) → [4n, 1n].
 */
export function allocate(amount: Cents, weights: readonly (bigint | number | string)[]): Cents[] {
  if (typeof amount !== 'bigint') throw new InvalidAmountError('amount must be integer cents (bigint)', { field: 'amount', received: typeof amount });
  if (weights.length === 0) throw new InvalidArgumentError('at least one weight is needed', { field: 'weights', received: '[]' });
  const exact = weights.map(exactWeight);
  const maxScale = exact.reduce((s, w) => Math.max(s, w.scale), 0);
  const ints = exact.map((w) => w.numerator * 10n ** BigInt(maxScale - w.scale));
  const total = ints.reduce((s, w) => s + w, 0n);
  if (total === 0n) throw new InvalidArgumentError('weights must not all be zero', { field: 'weights', received: JSON.stringify(weights.map(String)) });

  const magnitude = amount < 0n ? -amount : amount;
  const parts = ints.map((w) => (magnitude * w) / total);
  const remainders = ints.map((w) => (magnitude * w) % total);
  let leftover = magnitude - parts.reduce((s, p) => s + p, 0n);
  const order = remainders.map((_, i) => i).sort((a, b) => {
    const ra = remainders[a]!;
    const rb = remainders[b]!;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  for (const i of order) {
    if (leftover === 0n) break;
    parts[i] = parts[i]! + 1n;
    leftover -= 1n;
  }
  return amount < 0n ? parts.map((p) => -p) : parts;
}
