import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT_IDS as A, InvalidArgumentError, UnknownPaymentError, approvePayment, createLedger, paymentCapacity, postPayment,
  rejectPayment, validatePayment, type AccountConstraints, type PaymentInput,
} from '../src/index.js';

const setup = (constraints: AccountConstraints = {}, checking = 1_000_00n) =>
  createLedger({ constraints: { [A.checking]: constraints }, opening: { date: '2024-01-01', balances: { [A.checking]: checking } } });
const pay = (amount: bigint, date = '2024-03-15', extra: Partial<PaymentInput> = {}): PaymentInput =>
  ({ from: A.checking, to: A.milestonePayments, amount, date, description: 'Milestone', ...extra });
const rules = (ledger: ReturnType<typeof setup>, p: PaymentInput) => validatePayment(ledger, p).violations.map((v) => v.rule);

describe('validatePayment: one test per rule', () => {
  it('ok within every rule', () => {
    expect(validatePayment(setup(), pay(100_00n))).toEqual({ ok: true, violations: [] });
  });
  it('amounts must be positive integer cents', () => {
    const ledger = setup();
    expect(rules(ledger, pay(0n))).toEqual(['invalid-amount']);
    expect(rules(ledger, pay(-5n))).toEqual(['invalid-amount']);
    expect(rules(ledger, pay(12.5 as unknown as bigint))).toEqual(['invalid-amount']);
    expect(validatePayment(ledger, pay(-5n)).violations[0]?.message).toMatch(/positive/);
  });
  it('unknown accounts and same-account payments are refused; bad dates reported', () => {
    const ledger = setup();
    expect(rules(ledger, pay(1n, '2024-03-15', { to: 'expenses:yacht' }))).toEqual(['unknown-account']);
    expect(validatePayment(ledger, pay(1n, '2024-03-15', { to: 'expenses:yacht' })).violations[0]?.message).toContain('expenses:yacht');
    expect(rules(ledger, pay(1n, '2024-03-15', { to: A.checking }))).toEqual(['same-account']);
    expect(rules(ledger, pay(1n, '2024-13-01'))).toEqual(['invalid-date']);
  });
  it('minimum balance (assets default to 0: no overdraft)', () => {
    expect(rules(setup(), pay(1_000_01n))).toEqual(['minimum-balance']);
    expect(rules(setup(), pay(1_000_00n))).toEqual([]);
    const withMin = setup({ minimumBalance: 200_00n });
    expect(rules(withMin, pay(800_00n))).toEqual([]);
    const v = validatePayment(withMin, pay(800_01n)).violations[0]!;
    expect(v).toMatchObject({ rule: 'minimum-balance', account: A.checking, limit: 200_00n, attempted: 199_99n });
    expect(v.message).toContain('$199.99');
    expect(rules(setup({ minimumBalance: -500_00n }), pay(1_500_00n))).toEqual([]);
  });
  it('minimum balance looks at later dates too (a back-dated payment cannot overdraw a future one)', () => {
    const ledger = setup();
    expect(postPayment(ledger, pay(900_00n, '2024-06-01')).status).toBe('posted');
    // On 2024-03-15 the balance is still $1000, but the June payment would then overdraw.
    expect(rules(ledger, pay(200_00n, '2024-03-15'))).toEqual(['minimum-balance']);
    expect(rules(ledger, pay(100_00n, '2024-03-15'))).toEqual([]);
  });
  it('maximum single payment', () => {
    expect(rules(setup({ maxSinglePayment: 50_00n }), pay(50_01n))).toEqual(['max-single-payment']);
    expect(rules(setup({ maxSinglePayment: 50_00n }), pay(50_00n))).toEqual([]);
  });
  it('daily limit counts earlier payments of the same day only', () => {
    const ledger = setup({ dailyLimit: 100_00n });
    expect(postPayment(ledger, pay(60_00n, '2024-03-15')).status).toBe('posted');
    expect(rules(ledger, pay(40_01n, '2024-03-15'))).toEqual(['daily-limit']);
    expect(validatePayment(ledger, pay(40_01n, '2024-03-15')).violations[0]).toMatchObject({ limit: 100_00n, attempted: 100_01n });
    expect(rules(ledger, pay(40_00n, '2024-03-15'))).toEqual([]);
    expect(rules(ledger, pay(90_00n, '2024-03-16'))).toEqual([]);
  });
  it('monthly limit counts the calendar month', () => {
    const ledger = setup({ monthlyLimit: 300_00n });
    postPayment(ledger, pay(100_00n, '2024-03-01'));
    postPayment(ledger, pay(150_00n, '2024-03-20'));
    expect(rules(ledger, pay(50_01n, '2024-03-31'))).toEqual(['monthly-limit']);
    expect(rules(ledger, pay(50_00n, '2024-03-31'))).toEqual([]);
    expect(rules(ledger, pay(300_00n, '2024-04-01'))).toEqual([]);
  });
  it('blocked dates', () => {
    const ledger = setup({ blockedDates: ['2024-12-25'] });
    expect(rules(ledger, pay(1n, '2024-12-25'))).toEqual(['blocked-date']);
    expect(rules(ledger, pay(1n, '2024-12-26'))).toEqual([]);
  });
  it('approval required', () => {
    expect(rules(setup({ approvalRequired: true }), pay(1n))).toEqual(['approval-required']);
  });
  it('reports every violated rule at once, each with a reason', () => {
    const ledger = setup({ minimumBalance: 900_00n, maxSinglePayment: 100_00n, dailyLimit: 150_00n, monthlyLimit: 150_00n, approvalRequired: true, blockedDates: ['2024-03-15'] });
    const { ok, violations } = validatePayment(ledger, pay(200_00n));
    expect(ok).toBe(false);
    expect(violations.map((v) => v.rule)).toEqual(['minimum-balance', 'max-single-payment', 'daily-limit', 'monthly-limit', 'blocked-date', 'approval-required']);
    for (const v of violations) expect(v.message.length).toBeGreaterThan(20);
  });
  it('refuses malformed constraints, naming the field', () => {
    const ledger = createLedger();
    expect(() => ledger.setConstraints(A.checking, { dailyLimit: 5 as unknown as bigint })).toThrow(/dailyLimit/);
    expect(() => ledger.setConstraints(A.checking, { maxSinglePayment: -1n })).toThrow(/non-negative/);
    expect(() => ledger.setConstraints(A.checking, { blockedDates: ['tomorrow'] })).toThrow(/blockedDates\[0\]/);
    expect(() => ledger.setConstraints('assets:nope', {})).toThrow(/unknown account/);
  });
});

describe('postPayment, approval and overrides', () => {
  it('posts a payment transaction crediting from, debiting to', () => {
    const ledger = setup();
    const out = postPayment(ledger, pay(250_00n));
    expect(out.status).toBe('posted');
    if (out.status !== 'posted') return;
    expect(out.transaction.kind).toBe('payment');
    expect(out.transaction.postings).toEqual([{ account: A.milestonePayments, amount: 250_00n }, { account: A.checking, amount: -250_00n }]);
    expect(out.transaction.meta.paymentId).toBe(out.paymentId);
    expect(ledger.balance(A.checking)).toBe(750_00n);
  });
  it('rejected payments post nothing', () => {
    const ledger = setup({ maxSinglePayment: 10_00n });
    const out = postPayment(ledger, pay(20_00n));
    expect(out.status).toBe('rejected');
    expect(ledger.size.transactions).toBe(1);
  });
  it('approval re-validates at approval time', () => {
    const ledger = setup({ approvalRequired: true });
    const held = postPayment(ledger, pay(800_00n, '2024-03-01'));
    expect(held.status).toBe('pending');
    expect(ledger.pendingPayments().map((p) => p.amount)).toEqual([800_00n]);
    // Meanwhile another (approved) payment drains the account.
    const other = postPayment(ledger, pay(300_00n, '2024-03-02'));
    expect(other.status).toBe('pending');
    expect(approvePayment(ledger, other.paymentId!, { date: '2024-03-02', by: 'alice' }).status).toBe('posted');
    const late = approvePayment(ledger, held.paymentId!, { date: '2024-03-05', by: 'alice' });
    expect(late.status).toBe('rejected');
    if (late.status === 'rejected') expect(late.violations.map((v) => v.rule)).toEqual(['minimum-balance']);
    expect(ledger.pendingPayments().map((p) => p.id)).toEqual([held.paymentId]);
    // Funds arrive; approval now succeeds and posts on the approval date.
    ledger.post({ date: '2024-03-06', postings: [{ account: A.checking, amount: 500_00n }, { account: A.salary, amount: -500_00n }] });
    const ok = approvePayment(ledger, held.paymentId!, { date: '2024-03-07', by: 'bob' });
    expect(ok.status).toBe('posted');
    if (ok.status === 'posted') expect(ok.transaction).toMatchObject({ date: '2024-03-07', meta: { requestedDate: '2024-03-01', paymentId: held.paymentId } });
    expect(ledger.pendingPayments()).toEqual([]);
    expect(ledger.decisions().map((d) => [d.type, d.by])).toEqual([['approved', 'alice'], ['approved', 'bob']]);
  });
  it('a payment failing other rules is rejected, not held for approval', () => {
    const out = postPayment(setup({ approvalRequired: true, maxSinglePayment: 1n }), pay(2n));
    expect(out.status).toBe('rejected');
    if (out.status === 'rejected') expect(out.violations.map((v) => v.rule)).toEqual(['max-single-payment', 'approval-required']);
  });
  it('rejectPayment removes it with a logged reason; unknown ids are typed errors', () => {
    const ledger = setup({ approvalRequired: true });
    const held = postPayment(ledger, pay(1_00n));
    const d = rejectPayment(ledger, held.paymentId!, { date: '2024-03-16', by: 'carol', reason: 'not budgeted' });
    expect(d).toMatchObject({ type: 'rejected', reason: 'not budgeted' });
    expect(ledger.pendingPayments()).toEqual([]);
    expect(() => approvePayment(ledger, held.paymentId!, { date: '2024-03-16', by: 'x' })).toThrow(UnknownPaymentError);
    expect(() => rejectPayment(ledger, 'pay-99', { date: '2024-03-16', by: 'x', reason: 'y' })).toThrow(/pay-99/);
  });
  it('an override is explicit, needs a reason, and is recorded with what it overrode', () => {
    const ledger = setup({ maxSinglePayment: 100_00n });
    expect(() => postPayment(ledger, pay(150_00n), { override: { by: 'dana', reason: ' ' } })).toThrow(InvalidArgumentError);
    const out = postPayment(ledger, pay(150_00n), { override: { by: 'dana', reason: 'house deposit, agreed with advisor' } });
    expect(out.status).toBe('posted');
    const [decision] = ledger.decisions();
    expect(decision).toMatchObject({ type: 'override', by: 'dana', reason: 'house deposit, agreed with advisor' });
    expect(decision?.overridden.map((v) => v.rule)).toEqual(['max-single-payment']);
    expect(decision?.transactionId).toBe(out.status === 'posted' ? out.transaction.id : '');
  });
  it('an override cannot set aside structural rules', () => {
    const ledger = setup();
    const out = postPayment(ledger, pay(-1n), { override: { by: 'dana', reason: 'because' } });
    expect(out.status).toBe('rejected');
    expect(ledger.decisions()).toEqual([]);
    expect(postPayment(ledger, pay(1n, '2024-03-15', { from: 'assets:nope' }), { override: { by: 'd', reason: 'r' } }).status).toBe('rejected');
  });
});

describe('paymentCapacity', () => {
  it('is the tightest limit, naming it', () => {
    const ledger = setup({ minimumBalance: 100_00n, maxSinglePayment: 500_00n, dailyLimit: 700_00n });
    expect(paymentCapacity(ledger, A.checking, '2024-03-15')).toMatchObject({ amount: 500_00n, limitedBy: ['max-single-payment'] });
    postPayment(ledger, pay(400_00n));
    expect(paymentCapacity(ledger, A.checking, '2024-03-15')).toMatchObject({ amount: 300_00n, limitedBy: ['daily-limit'] });
    expect(paymentCapacity(ledger, A.checking, '2024-03-16')).toMatchObject({ amount: 500_00n, limitedBy: ['minimum-balance', 'max-single-payment'] });
  });
  it('is 0 on blocked dates, null when nothing limits, and reports approval', () => {
    expect(paymentCapacity(setup({ blockedDates: ['2024-03-15'] }), A.checking, '2024-03-15').amount).toBe(0n);
    const ledger = setup({ approvalRequired: true });
    expect(paymentCapacity(ledger, A.creditCards, '2024-03-15')).toMatchObject({ amount: null, requiresApproval: false });
    expect(paymentCapacity(ledger, A.checking, '2024-03-15').requiresApproval).toBe(true);
  });
  it('capacity is payable and one cent more is not (property)', () => {
    fc.assert(fc.property(
      fc.record({
        balance: fc.bigInt({ min: 0n, max: 10_000_00n }),
        minimumBalance: fc.option(fc.bigInt({ min: -1_000_00n, max: 5_000_00n }), { nil: undefined }),
        maxSinglePayment: fc.option(fc.bigInt({ min: 0n, max: 5_000_00n }), { nil: undefined }),
        dailyLimit: fc.option(fc.bigInt({ min: 0n, max: 5_000_00n }), { nil: undefined }),
        monthlyLimit: fc.option(fc.bigInt({ min: 0n, max: 8_000_00n }), { nil: undefined }),
        earlier: fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), amount: fc.bigInt({ min: 1n, max: 1_000_00n }) }), { maxLength: 6 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      (c) => {
        const { balance, earlier, day, ...limits } = c;
        const ledger = setup({}, balance);
        for (const e of earlier) postPayment(ledger, pay(e.amount, `2024-05-${String(e.day).padStart(2, '0')}`), { override: { by: 'test', reason: 'setup' } });
        ledger.setConstraints(A.checking, limits);
        const date = `2024-05-${String(day).padStart(2, '0')}`;
        const cap = paymentCapacity(ledger, A.checking, date).amount!;
        if (cap > 0n) expect(validatePayment(ledger, pay(cap, date)).ok).toBe(true);
        expect(validatePayment(ledger, pay(cap + 1n, date)).ok).toBe(false);
      },
    ), { seed: 11, numRuns: 300 });
  });
});
