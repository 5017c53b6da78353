/**
 * Bank reconciliation: pair statement entries with the ledger's postings on one account (exact amount, date
 * window, description similarity), then explain what is left — duplicates, near misses (amount off, date shifted)
 * and items only on one side — and account for the whole balance difference with them.
 */
import { normalSide } from '../chart-of-accounts.js';
import { dayNumber, toIsoDate, type DateInput, type IsoDate } from '../dates.js';
import { InvalidAmountError, InvalidArgumentError } from '../errors.js';
import type { Ledger } from '../ledger.js';
import { formatCents, type Cents } from '../money.js';
import { cachedSimilarity } from './similarity.js';
import type { StatementEntry } from './statement-csv.js';

/** One posting on the reconciled account. `amount` in the account's natural sign (a deposit to checking is positive). */
export interface LedgerItem {
  readonly transactionId: string;
  readonly postingIndex: number;
  readonly date: IsoDate;
  readonly amount: Cents;
  readonly description: string;
}

export interface MatchedPair {
  readonly statement: StatementEntry;
  readonly ledger: LedgerItem;
  /** Ledger date − statement date, in days. */
  readonly dateOffsetDays: number;
  readonly similarity: number;
}

export type SuggestionReason = 'amount-differs' | 'date-outside-window';

export interface SuggestedMatch {
  readonly statement: StatementEntry;
  readonly ledger: LedgerItem;
  readonly reasons: readonly SuggestionReason[];
  /** Statement amount − ledger amount. */
  readonly amountDifference: Cents;
  readonly dateOffsetDays: number;
  readonly similarity: number;
  readonly message: string;
}

export interface UnmatchedStatementEntry {
  readonly entry: StatementEntry;
  readonly explanation: 'duplicate' | 'suggested' | 'not-in-ledger';
  readonly duplicateOf?: StatementEntry;
  readonly message: string;
}

export interface UnmatchedLedgerItem {
  readonly item: LedgerItem;
  readonly explanation: 'duplicate' | 'suggested' | 'not-on-statement';
  readonly duplicateOf?: LedgerItem;
  readonly message: string;
}

export interface ReconcileOptions {
  /** Exact-amount pairs may be this many days apart (default 3). */
  dateWindowDays?: number;
  /** Pairs need at least this description similarity, 0–1 (default 0: descriptions only rank candidates). */
  minSimilarity?: number;
  /** Near misses are looked for this many days apart (default 10). */
  suggestionWindowDays?: number;
  /** Near misses may differ by at most this many cents (default 100). */
  amountTolerance?: Cents;
  /** Period (inclusive); defaults to the statement's first and last dates. */
  from?: DateInput;
  to?: DateInput;
  /** The statement's closing balance, compared with the ledger's balance at the end of `to`. */
  statementClosingBalance?: Cents;
}

export interface ReconciliationReport {
  readonly account: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly matched: readonly MatchedPair[];
  readonly unmatchedStatement: readonly UnmatchedStatementEntry[];
  readonly unmatchedLedger: readonly UnmatchedLedgerItem[];
  readonly suggestions: readonly SuggestedMatch[];
  /** statementNet − ledgerNet over the period, and the parts that account for it. */
  readonly difference: {
    readonly statementNet: Cents;
    readonly ledgerNet: Cents;
    readonly difference: Cents;
    /** Σ (statement − ledger) over suggested near misses. */
    readonly fromAmountDifferences: Cents;
    /** Σ of statement entries with no ledger counterpart (duplicates included). */
    readonly fromStatementOnly: Cents;
    /** −Σ of ledger items with no statement counterpart. */
    readonly fromLedgerOnly: Cents;
    /** Whether the three parts add up to `difference` exactly. */
    readonly explained: boolean;
  };
  readonly closing?: { readonly statement: Cents; readonly ledger: Cents; readonly difference: Cents };
}

interface Side<T> { value: T; day: number; index: number; matched: boolean; key: number | string }

/** Map key for an amount: a number when exact (hashing a bigint on every lookup is slow), else its decimal text. */
function amountKey(a: bigint): number | string {
  return a >= -9_007_199_254_740_991n && a <= 9_007_199_254_740_991n ? Number(a) : a.toString();
}

function groupByAmount<T>(sides: readonly Side<T>[]): Map<number | string, Side<T>[]> {
  const groups = new Map<number | string, Side<T>[]>();
  for (const x of sides) {
    const list = groups.get(x.key);
    if (list === undefined) groups.set(x.key, [x]);
    else list.push(x);
  }
  return groups;
}

/** An already matched entry of `list` with the same day and description as `x`, if any. */
function matchedTwin<T>(x: Side<T>, list: readonly Side<T>[] | undefined, text: (v: T) => string): T | undefined {
  const mine = text(x.value).trim().toLowerCase();
  return list?.find((y) => y.matched && y.day === x.day && text(y.value).trim().toLowerCase() === mine)?.value;
}

const usd = (c: Cents): string => `${c < 0n ? '-' : ''}$${formatCents(c < 0n ? -c : c)}`;
const absDays = (n: number): number => (n < 0 ? -n : n);

function checkEntries(statement: readonly StatementEntry[]): StatementEntry[] {
  if (!Array.isArray(statement)) throw new InvalidArgumentError('statement must be an array of entries', { field: 'statement', received: typeof statement });
  return statement.map((e, i) => {
    const field = `statement[${i}]`;
    if (typeof e !== 'object' || e === null) throw new InvalidArgumentError('entry must be an object', { field, received: String(e) });
    if (typeof e.amount !== 'bigint') throw new InvalidAmountError('amount must be integer cents (bigint)', { field: `${field}.amount`, received: typeof e.amount });
    const date = toIsoDate(e.date, `${field}.date`);
    const description = typeof e.description === 'string' ? e.description : '';
    return e.line === undefined ? { date, amount: e.amount, description } : { date, amount: e.amount, description, line: e.line };
  });
}

function optionInt(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 0) throw new InvalidArgumentError('must be a non-negative integer', { field, received: String(v) });
  return v;
}

function ledgerItems(ledger: Ledger, account: string, from: IsoDate, to: IsoDate): LedgerItem[] {
  const sign = normalSide(ledger.account(account, 'account').type) === 'debit' ? 1n : -1n;
  const items: LedgerItem[] = [];
  for (const t of ledger.log()) {
    if (t.date < from || t.date > to) continue;
    t.postings.forEach((p, postingIndex) => {
      if (p.account === account) items.push({ transactionId: t.id, postingIndex, date: t.date, amount: sign * p.amount, description: t.description });
    });
  }
  return items;
}

/** First position in `list` (sorted by day) whose day is ≥ `day`. */
function lowerBound<T>(list: readonly Side<T>[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byDay = <T>(a: Side<T>, b: Side<T>): number => a.day - b.day || a.index - b.index;

/** Reconcile `account` against a bank statement over a period. */
export function reconcile(ledger: Ledger, account: string, statement: readonly StatementEntry[], options: ReconcileOptions = {}): ReconciliationReport {
  ledger.account(account, 'account');
  const descriptionSimilarity = cachedSimilarity();
  const entries = checkEntries(statement);
  const window = optionInt(options.dateWindowDays, 3, 'options.dateWindowDays');
  const suggestionWindow = optionInt(options.suggestionWindowDays, 10, 'options.suggestionWindowDays');
  const minSimilarity = options.minSimilarity ?? 0;
  if (!(minSimilarity >= 0 && minSimilarity <= 1)) throw new InvalidArgumentError('must be within [0, 1]', { field: 'options.minSimilarity', received: String(minSimilarity) });
  const tolerance = options.amountTolerance ?? 100n;
  if (typeof tolerance !== 'bigint' || tolerance < 0n) throw new InvalidArgumentError('must be non-negative cents (bigint)', { field: 'options.amountTolerance', received: String(tolerance) });

  const dates = entries.map((e) => e.date).sort();
  const fromInput = options.from ?? dates[0];
  const toInput = options.to ?? dates[dates.length - 1];
  if (fromInput === undefined || toInput === undefined) throw new InvalidArgumentError('an empty statement needs options.from and options.to', { field: 'options.from' });
  const from = toIsoDate(fromInput, 'options.from');
  const to = toIsoDate(toInput, 'options.to');
  if (from > to) throw new InvalidArgumentError('period starts after it ends', { field: 'options.from', expected: `≤ ${to}`, received: from });

  const stmt: Side<StatementEntry>[] = entries.filter((e) => e.date >= from && e.date <= to)
    .map((value, index) => ({ value, day: dayNumber(value.date), index, matched: false, key: amountKey(value.amount) })).sort(byDay);
  const book: Side<LedgerItem>[] = ledgerItems(ledger, account, from, to)
    .map((value, index) => ({ value, day: dayNumber(value.date), index, matched: false, key: amountKey(value.amount) })).sort(byDay);

  // 1. Exact amounts, closest dates first (offset 0, then 1, …): a near-date pair never steals a same-day one.
  const byAmount = groupByAmount(book);
  const matched: MatchedPair[] = [];
  for (let offset = 0; offset <= window; offset++) {
    for (const s of stmt) {
      if (s.matched) continue;
      const list = byAmount.get(s.key);
      if (list === undefined) continue;
      let best: Side<LedgerItem> | undefined;
      let bestSimilarity = -1;
      for (const day of offset === 0 ? [s.day] : [s.day - offset, s.day + offset]) {
        for (let k = lowerBound(list, day); k < list.length && list[k]!.day === day; k++) {
          const b = list[k]!;
          if (b.matched) continue;
          const sim = descriptionSimilarity(s.value.description, b.value.description);
          if (sim >= minSimilarity && sim > bestSimilarity) { best = b; bestSimilarity = sim; }
        }
      }
      if (best !== undefined) {
        s.matched = true;
        best.matched = true;
        matched.push({ statement: s.value, ledger: best.value, dateOffsetDays: best.day - s.day, similarity: bestSimilarity });
      }
    }
  }

  // 2. Duplicates: an unmatched entry identical (day, amount, description) to a matched one on the same side.
  const statementByAmount = groupByAmount(stmt);
  const statementDuplicate = new Map<Side<StatementEntry>, StatementEntry>();
  const ledgerDuplicate = new Map<Side<LedgerItem>, LedgerItem>();
  for (const s of stmt) {
    const twin = s.matched ? undefined : matchedTwin(s, statementByAmount.get(s.key), (e) => e.description);
    if (twin !== undefined) statementDuplicate.set(s, twin);
  }
  for (const b of book) {
    const twin = b.matched ? undefined : matchedTwin(b, byAmount.get(b.key), (e) => e.description);
    if (twin !== undefined) ledgerDuplicate.set(b, twin);
  }

  // 3. Near misses among the rest: same amount a little outside the window, or an amount off by ≤ tolerance.
  const openStatement = stmt.filter((s) => !s.matched && !statementDuplicate.has(s));
  const openBook = book.filter((b) => !b.matched && !ledgerDuplicate.has(b));
  const candidates: { s: Side<StatementEntry>; b: Side<LedgerItem>; diff: bigint; offset: number; sim: number }[] = [];
  for (const s of openStatement) {
    for (let k = lowerBound(openBook, s.day - suggestionWindow); k < openBook.length && openBook[k]!.day <= s.day + suggestionWindow; k++) {
      const b = openBook[k]!;
      const diff = s.value.amount - b.value.amount;
      const offset = b.day - s.day;
      const absDiff = diff < 0n ? -diff : diff;
      const sameSign = (s.value.amount < 0n) === (b.value.amount < 0n);
      if (!sameSign || (diff === 0n ? absDays(offset) <= window : absDiff > tolerance)) continue;
      const sim = descriptionSimilarity(s.value.description, b.value.description);
      if (sim >= minSimilarity) candidates.push({ s, b, diff, offset, sim });
    }
  }
  candidates.sort((x, y) => {
    const dx = x.diff < 0n ? -x.diff : x.diff;
    const dy = y.diff < 0n ? -y.diff : y.diff;
    return dx !== dy ? (dx < dy ? -1 : 1) : absDays(x.offset) - absDays(y.offset) || y.sim - x.sim || x.s.index - y.s.index || x.b.index - y.b.index;
  });
  const suggested = new Set<Side<unknown>>();
  const suggestions: SuggestedMatch[] = [];
  for (const c of candidates) {
    if (suggested.has(c.s) || suggested.has(c.b)) continue;
    suggested.add(c.s);
    suggested.add(c.b);
    const reasons: SuggestionReason[] = [];
    const parts: string[] = [];
    if (c.diff !== 0n) { reasons.push('amount-differs'); parts.push(`amounts differ by ${usd(c.diff)}`); }
    if (absDays(c.offset) > window) { reasons.push('date-outside-window'); parts.push(`dates are ${absDays(c.offset)} days apart (window ${window})`); }
    suggestions.push({ statement: c.s.value, ledger: c.b.value, reasons, amountDifference: c.diff, dateOffsetDays: c.offset, similarity: c.sim,
      message: `statement ${describeStatement(c.s.value)} probably is ledger ${c.b.value.transactionId}: ${parts.join(', ')}` });
  }

  // 4. Explain every unmatched item and account for the balance difference.
  const unmatchedStatement: UnmatchedStatementEntry[] = [];
  let fromStatementOnly = 0n;
  for (const s of stmt) {
    if (s.matched) continue;
    const dup = statementDuplicate.get(s);
    if (dup !== undefined) {
      fromStatementOnly += s.value.amount;
      unmatchedStatement.push({ entry: s.value, explanation: 'duplicate', duplicateOf: dup, message: `statement ${describeStatement(s.value)} repeats ${describeStatement(dup)}, which is already matched` });
    } else if (suggested.has(s)) {
      unmatchedStatement.push({ entry: s.value, explanation: 'suggested', message: `statement ${describeStatement(s.value)} has a suggested match` });
    } else {
      fromStatementOnly += s.value.amount;
      unmatchedStatement.push({ entry: s.value, explanation: 'not-in-ledger', message: `statement ${describeStatement(s.value)} has no ledger transaction` });
    }
  }
  const unmatchedLedger: UnmatchedLedgerItem[] = [];
  let fromLedgerOnly = 0n;
  for (const b of book) {
    if (b.matched) continue;
    const dup = ledgerDuplicate.get(b);
    if (dup !== undefined) {
      fromLedgerOnly -= b.value.amount;
      unmatchedLedger.push({ item: b.value, explanation: 'duplicate', duplicateOf: dup, message: `ledger ${b.value.transactionId} repeats ${dup.transactionId}, which is already matched` });
    } else if (suggested.has(b)) {
      unmatchedLedger.push({ item: b.value, explanation: 'suggested', message: `ledger ${b.value.transactionId} has a suggested match` });
    } else {
      fromLedgerOnly -= b.value.amount;
      unmatchedLedger.push({ item: b.value, explanation: 'not-on-statement', message: `ledger ${b.value.transactionId} (${b.value.date}, ${usd(b.value.amount)}) is not on the statement` });
    }
  }
  const statementNet = stmt.reduce((sum, s) => sum + s.value.amount, 0n);
  const ledgerNet = book.reduce((sum, b) => sum + b.value.amount, 0n);
  const fromAmountDifferences = suggestions.reduce((sum, s) => sum + s.amountDifference, 0n);
  const difference = statementNet - ledgerNet;
  const report: ReconciliationReport = {
    account, from, to, matched, unmatchedStatement, unmatchedLedger, suggestions,
    difference: { statementNet, ledgerNet, difference, fromAmountDifferences, fromStatementOnly, fromLedgerOnly,
      explained: fromAmountDifferences + fromStatementOnly + fromLedgerOnly === difference },
  };
  if (options.statementClosingBalance === undefined) return report;
  const closingLedger = ledger.balance(account, to);
  return { ...report, closing: { statement: options.statementClosingBalance, ledger: closingLedger, difference: options.statementClosingBalance - closingLedger } };
}

function describeStatement(e: StatementEntry): string {
  return `${e.line === undefined ? '' : `line ${e.line} `}(${e.date}, ${usd(e.amount)}, ${JSON.stringify(e.description)})`;
}
