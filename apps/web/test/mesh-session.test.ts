/** Payments made now go through the person's ledger: checked against it as it stands, then posted to it. */
import { DEFAULT_ACCOUNT_IDS as A, balanceAsOf } from '@omega/accounting';
import { describe, expect, test } from 'vitest';
import { MeshSession } from '../src/engines/mesh-session.js';
import { createSubject } from '../src/engines/subject-factory.js';

const START = '2025-07-01';

function session(checkingCents: number, savingsCents: number): MeshSession {
  const subject = createSubject({
    seed: 7, index: 2, start: START,
    profile: {
      assets: { checkingCents, savingsCents, investmentsCents: 50_000_000 },
      milestones: [{ type: 'car-purchase', date: '2027-03-01', amountCents: 3_000_000 }],
    },
  }, 1);
  return new MeshSession(subject.person, new Date(`${START}T00:00:00Z`), { horizonYears: 5, paths: 64, seed: 3, stepMonths: 1 });
}

const cents = (s: MeshSession, account: string) => balanceAsOf(s.ledger, account, START);

describe('MeshSession payments and the ledger', () => {
  test('a payment made now is posted: checking first, then savings, into milestone payments', () => {
    const s = session(400_000, 900_000);
    const before = { checking: cents(s, A.checking), savings: cents(s, A.savings) };
    s.pay({ milestoneId: 'm1', parts: [{ when: 'now', amount: 5_000.01 }, { when: '2026-01-01', rest: true }] });
    // $5,000.01 = all of checking's $4,000 (no minimum set) + $1,000.01 from savings
    expect(before.checking - cents(s, A.checking)).toBe(400_000n);
    expect(before.savings - cents(s, A.savings)).toBe(100_001n);
    expect(cents(s, A.milestonePayments)).toBe(500_001n);
  });

  test('a second payment is checked against the ledger after the first, not the opening balances', () => {
    const s = session(400_000, 900_000);
    s.pay({ milestoneId: 'm1', parts: [{ when: 'now', amount: 10_000 }] });
    // $13,000 of liquid cash, $10,000 spent: $3,000.01 more must be refused (the mesh's own wealth includes the
    // $500,000 of investments, so only the ledger can say no), and nothing is posted for it.
    expect(() => s.pay({ milestoneId: 'm1', parts: [{ when: 'now', amount: 3_000.01 }] })).toThrow(/can pay \$3000\.00 of \$3000\.01/);
    expect(cents(s, A.milestonePayments)).toBe(1_000_000n);
    s.pay({ milestoneId: 'm1', parts: [{ when: 'now', amount: 3_000 }] });
    expect(cents(s, A.checking) + cents(s, A.savings)).toBe(0n);
    expect(cents(s, A.milestonePayments)).toBe(1_300_000n);
  });

  test('parts scheduled for later are not posted now', () => {
    const s = session(400_000, 900_000);
    s.pay({ milestoneId: 'm1', parts: [{ when: '2026-01-01', amount: 1_000 }] });
    expect(cents(s, A.milestonePayments)).toBe(0n);
  });
});
