import { generateSubject, type Person } from '@omega/synthetic-data';

export const AS_OF = '2025-07-01';
export const OPTS = { months: 2, seed: 5, asOf: AS_OF, paths: 200 } as const;

export const subject = (index: number, seed = 3): Person => generateSubject({ seed, index, start: AS_OF, historyMonths: 0 });

/** The planted case: no emergency fund, $8,000 of credit-card debt at 24.99 %. */
export function planted(index: number): Person {
  const p = structuredClone(subject(index));
  p.assets.savingsCents = 0;
  p.assets.checkingCents = 50_000;
  p.debts.push({ id: 'dx', kind: 'credit-card', balanceCents: 800_000, annualRate: 0.2499, minimumPaymentCents: 24_000, remainingMonths: null });
  return p;
}

/** Every money field (`…Cents`) × k. */
export function scaleMoney(p: Person, k: number): Person {
  const q = structuredClone(p);
  const walk = (o: Record<string, unknown>): void => {
    for (const [key, v] of Object.entries(o)) {
      if (v !== null && typeof v === 'object') walk(v as Record<string, unknown>);
      else if (typeof v === 'number' && key.endsWith('Cents')) o[key] = v * k;
    }
  };
  walk(q as unknown as Record<string, unknown>);
  return q;
}

/** Subjects whose month still has a surplus after the planted card's minimum payment (else no cash may move). */
export function plantedIndices(n: number, options: { noMilestoneBefore?: string } = {}): number[] {
  const out: number[] = [];
  for (let i = 0; out.length < n; i++) {
    const p = planted(i);
    if (options.noMilestoneBefore !== undefined && p.milestones.some((m) => m.date < options.noMilestoneBefore!)) continue;
    const debt = p.debts.reduce((s, d) => s + Math.min(d.minimumPaymentCents, d.balanceCents), 0);
    if (p.income.householdNetMonthlyCents - p.monthlyExpenses.totalCents - debt > 50_000) out.push(i);
  }
  return out;
}
