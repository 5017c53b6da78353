/**
 * The ledger: chart of accounts, an append-only transaction log, per-account journals for "as of" balances,
 * constraints, pending payments and the decision log. Balances are always reconstructed from postings.
 */
import { checkConstraints, type AccountConstraints } from './account-constraints.js';
import { normalSide, toAccount, type Account, type AccountType } from './chart-of-accounts.js';
import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import { DuplicateIdError, InvalidArgumentError, UnknownAccountError, UnknownPaymentError } from './errors.js';
import type { Cents } from './money.js';
import type { PaymentDecision, PendingPayment } from './payment-records.js';
import { checkTransactionShape, type Transaction, type TransactionInput } from './transaction.js';

/** One account's postings in date order (lazily re-sorted after a back-dated entry) with cached running sums. */
interface Journal {
  dates: IsoDate[];
  amounts: bigint[];
  sorted: boolean;
  cumulative: bigint[] | null;
}

export interface TransactionFilter {
  /** Only transactions with a posting to this account. */
  account?: string;
  /** Inclusive date bounds. */
  from?: DateInput;
  to?: DateInput;
  kind?: string;
  /** Case-insensitive substring of the description. */
  text?: string;
}

const NO_META: Readonly<Record<string, string>> = Object.freeze({});

function upperBound(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Ledger {
  readonly #accounts = new Map<string, Account>();
  readonly #constraints = new Map<string, AccountConstraints>();
  readonly #transactions: Transaction[] = [];
  readonly #byId = new Map<string, Transaction>();
  readonly #journals = new Map<string, Journal>();
  /** Debit-positive running balance per account over the whole log. */
  readonly #totals = new Map<string, bigint>();
  /** Payment outflow per `account␀YYYY-MM-DD` and `account␀YYYY-MM`. */
  readonly #paymentOutflow = new Map<string, bigint>();
  readonly #pending = new Map<string, PendingPayment>();
  readonly #decisions: PaymentDecision[] = [];
  readonly #paymentIds = new Set<string>();
  #nextTransaction = 1;
  #nextPayment = 1;
  #postingCount = 0;

  constructor(accounts: readonly Account[]) {
    accounts.forEach((a, i) => this.addAccount(a, `accounts[${i}]`));
  }

  // ---- accounts and constraints ----

  addAccount(input: { id: string; name?: string; type: AccountType }, field = 'account'): Account {
    const account = toAccount(input, field);
    if (this.#accounts.has(account.id)) throw new DuplicateIdError('account id already exists', { field: `${field}.id`, received: account.id });
    this.#accounts.set(account.id, account);
    this.#journals.set(account.id, { dates: [], amounts: [], sorted: true, cumulative: [] });
    this.#totals.set(account.id, 0n);
    return account;
  }

  hasAccount(id: string): boolean {
    return this.#accounts.has(id);
  }

  account(id: string, field = 'account'): Account {
    const account = this.#accounts.get(id);
    if (account === undefined) throw new UnknownAccountError('unknown account', { field, expected: 'an account of this ledger', received: JSON.stringify(id) });
    return account;
  }

  accounts(): Account[] {
    return [...this.#accounts.values()];
  }

  setConstraints(accountId: string, constraints: AccountConstraints): void {
    this.account(accountId, 'accountId');
    this.#constraints.set(accountId, checkConstraints(constraints, `constraints[${JSON.stringify(accountId)}]`));
  }

  constraintsOf(accountId: string): AccountConstraints {
    this.account(accountId, 'accountId');
    return this.#constraints.get(accountId) ?? {};
  }

  // ---- the log ----

  /** Append a transaction after checking it (known accounts, non-zero cents, sum zero). Returns the stored copy. */
  post(input: TransactionInput): Transaction {
    const { date, postings } = checkTransactionShape(input);
    for (let i = 0; i < postings.length; i++) if (!this.#accounts.has(postings[i]!.account)) this.account(postings[i]!.account, `postings[${i}].account`);
    const id = this.#claimTransactionId(input.id);
    const kind = input.kind ?? 'general';
    const tx: Transaction = {
      id,
      seq: this.#transactions.length,
      date,
      description: input.description ?? '',
      kind,
      postings,
      meta: input.meta === undefined ? NO_META : { ...input.meta },
    };
    this.#transactions.push(tx);
    this.#byId.set(id, tx);
    for (const p of postings) {
      this.#append(p.account, date, p.amount);
      if (kind === 'payment' && p.amount < 0n) this.#addOutflow(p.account, date, -p.amount);
    }
    this.#postingCount += postings.length;
    if (tx.meta.paymentId !== undefined) this.#paymentIds.add(tx.meta.paymentId);
    return tx;
  }

  #claimTransactionId(requested: string | undefined): string {
    if (requested !== undefined) {
      if (typeof requested !== 'string' || requested === '') throw new InvalidArgumentError('transaction id must be a non-empty string', { field: 'id', received: JSON.stringify(requested) });
      if (this.#byId.has(requested)) throw new DuplicateIdError('transaction id already used', { field: 'id', received: requested });
      return requested;
    }
    let id = `tx-${this.#nextTransaction++}`;
    while (this.#byId.has(id)) id = `tx-${this.#nextTransaction++}`;
    return id;
  }

  #append(account: string, date: IsoDate, amount: bigint): void {
    const j = this.#journals.get(account)!;
    const n = j.dates.length;
    if (j.sorted && (n === 0 || j.dates[n - 1]! <= date)) {
      if (j.cumulative !== null) j.cumulative.push((n === 0 ? 0n : j.cumulative[n - 1]!) + amount);
    } else {
      j.sorted = false;
      j.cumulative = null;
    }
    j.dates.push(date);
    j.amounts.push(amount);
    this.#totals.set(account, this.#totals.get(account)! + amount);
  }

  #addOutflow(account: string, date: IsoDate, amount: bigint): void {
    const day = `${account}\u0000${date}`;
    const month = `${account}\u0000${date.slice(0, 7)}`;
    this.#paymentOutflow.set(day, (this.#paymentOutflow.get(day) ?? 0n) + amount);
    this.#paymentOutflow.set(month, (this.#paymentOutflow.get(month) ?? 0n) + amount);
  }

  /** A journal in date order with running sums (stable: same-date postings keep log order). */
  #ready(account: string): { dates: IsoDate[]; cumulative: bigint[] } {
    const j = this.#journals.get(account)!;
    if (!j.sorted) {
      const order = j.dates.map((_, i) => i).sort((a, b) => (j.dates[a]! < j.dates[b]! ? -1 : j.dates[a]! > j.dates[b]! ? 1 : a - b));
      j.dates = order.map((i) => j.dates[i]!);
      j.amounts = order.map((i) => j.amounts[i]!);
      j.sorted = true;
    }
    if (j.cumulative === null) {
      const c: bigint[] = new Array(j.amounts.length);
      let run = 0n;
      for (let i = 0; i < j.amounts.length; i++) c[i] = run += j.amounts[i]!;
      j.cumulative = c;
    }
    return { dates: j.dates, cumulative: j.cumulative };
  }

  /** Number of transactions and postings in the log. */
  get size(): { transactions: number; postings: number } {
    return { transactions: this.#transactions.length, postings: this.#postingCount };
  }

  /** The log in insertion order (a copy of the array; entries are shared and read-only). */
  log(): Transaction[] {
    return [...this.#transactions];
  }

  transaction(id: string): Transaction | undefined {
    return this.#byId.get(id);
  }

  /** Transaction history, filtered, in date order (log order within a day). */
  transactions(filter: TransactionFilter = {}): Transaction[] {
    if (filter.account !== undefined) this.account(filter.account, 'filter.account');
    const from = filter.from === undefined ? undefined : toIsoDate(filter.from, 'filter.from');
    const to = filter.to === undefined ? undefined : toIsoDate(filter.to, 'filter.to');
    const text = filter.text?.toLowerCase();
    return this.#transactions
      .filter((t) => (from === undefined || t.date >= from)
        && (to === undefined || t.date <= to)
        && (filter.kind === undefined || t.kind === filter.kind)
        && (text === undefined || t.description.toLowerCase().includes(text))
        && (filter.account === undefined || t.postings.some((p) => p.account === filter.account)))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
  }

  // ---- balances ----

  /** Sign that turns a debit-positive sum into the account's natural balance. */
  #sign(account: string): bigint {
    return normalSide(this.account(account).type) === 'debit' ? 1n : -1n;
  }

  /**
   * The account's balance in its normal sign (an asset or expense grows with debits; a liability, equity or
   * income account with credits), over postings dated on or before `asOf` (end of that day); all postings if omitted.
   */
  balance(account: string, asOf?: DateInput): Cents {
    const sign = this.#sign(account);
    if (asOf === undefined) return sign * this.#totals.get(account)!;
    const date = toIsoDate(asOf, 'asOf');
    const { dates, cumulative } = this.#ready(account);
    const k = upperBound(dates, date);
    return k === 0 ? 0n : sign * cumulative[k - 1]!;
  }

  /** The lowest natural balance the account has at the end of `date` or any later day in the log. */
  lowestBalanceFrom(account: string, date: IsoDate): Cents {
    const sign = this.#sign(account);
    const { dates, cumulative } = this.#ready(account);
    const k = upperBound(dates, date);
    let lowest = k === 0 ? 0n : sign * cumulative[k - 1]!;
    for (let i = k; i < cumulative.length; i++) {
      const b = sign * cumulative[i]!;
      if (b < lowest) lowest = b;
    }
    return lowest;
  }

  /** Total payments (kind 'payment') out of `account` on that day, or in that month with `period: 'month'`. */
  paymentOutflow(account: string, date: IsoDate, period: 'day' | 'month'): Cents {
    const key = `${account}\u0000${period === 'day' ? date : date.slice(0, 7)}`;
    return this.#paymentOutflow.get(key) ?? 0n;
  }

  // ---- pending payments and decisions (driven by payments.ts and the loader) ----

  /** Reserve a payment id (generated `pay-N` when absent). */
  claimPaymentId(requested?: string): string {
    if (requested !== undefined) {
      if (typeof requested !== 'string' || requested === '') throw new InvalidArgumentError('payment id must be a non-empty string', { field: 'id', received: JSON.stringify(requested) });
      if (this.#paymentIds.has(requested)) throw new DuplicateIdError('payment id already used', { field: 'id', received: requested });
      this.#paymentIds.add(requested);
      return requested;
    }
    let id = `pay-${this.#nextPayment++}`;
    while (this.#paymentIds.has(id)) id = `pay-${this.#nextPayment++}`;
    this.#paymentIds.add(id);
    return id;
  }

  addPending(payment: PendingPayment): void {
    if (this.#pending.has(payment.id)) throw new DuplicateIdError('payment is already pending', { field: 'id', received: payment.id });
    this.#paymentIds.add(payment.id);
    this.#pending.set(payment.id, payment);
  }

  pending(id: string): PendingPayment {
    const p = this.#pending.get(id);
    if (p === undefined) throw new UnknownPaymentError('no pending payment with this id', { field: 'paymentId', received: JSON.stringify(id) });
    return p;
  }

  removePending(id: string): PendingPayment {
    const p = this.pending(id);
    this.#pending.delete(id);
    return p;
  }

  pendingPayments(): PendingPayment[] {
    return [...this.#pending.values()];
  }

  recordDecision(decision: PaymentDecision): void {
    this.#paymentIds.add(decision.paymentId);
    this.#decisions.push(decision);
  }

  /** Every approval, rejection and override, in the order they were made. */
  decisions(): PaymentDecision[] {
    return [...this.#decisions];
  }

  /** All constraints set, by account id. */
  allConstraints(): Map<string, AccountConstraints> {
    return new Map(this.#constraints);
  }
}
