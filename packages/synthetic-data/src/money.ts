/** Money helpers. Everything is integer cents; dollars appear only as inputs written with a `Dollars` name. */

export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

/** Whole dollars as written in narratives: `$1,234` (cents rounded half away from zero). */
export function formatDollars(cents: number): string {
  let dollars = Math.round(Math.abs(cents) / 100);
  let text = '';
  while (dollars >= 1000) {
    const group = dollars % 1000;
    text = `,${group < 10 ? '00' : group < 100 ? '0' : ''}${group}${text}`;
    dollars = Math.floor(dollars / 1000);
  }
  return `${cents < 0 ? '-' : ''}$${dollars}${text}`;
}

/** Level monthly payment (cents) that repays `balanceCents` over `months` at `annualRate`. */
export function annuityPaymentCents(balanceCents: number, annualRate: number, months: number): number {
  if (months <= 0) return balanceCents;
  const r = annualRate / 12;
  if (r === 0) return Math.ceil(balanceCents / months);
  return Math.ceil((balanceCents * r) / (1 - (1 + r) ** -months));
}

/** Round a rate to a basis point. */
export function roundRate(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}
