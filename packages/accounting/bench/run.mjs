// pnpm bench (accounting): each case verifies its output, then is timed (median); ratios against simple baselines
// measured in the same run. Sizes: OMEGA_BENCH_POSTINGS (default 1,000,000), OMEGA_BENCH_LINES (default 100,000).
import { measure, report, machine } from '@omega/bench';
import { DEFAULT_ACCOUNT_IDS as A, createLedger, defaultChartOfAccounts, parseStatementCsv, reconcile, statementAsOf, formatCents } from '../dist/index.js';

const POSTINGS = Number(process.env.OMEGA_BENCH_POSTINGS ?? 1_000_000);
const LINES = Number(process.env.OMEGA_BENCH_LINES ?? 100_000);

function seeded(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const DAY = 86_400_000;
const dayString = (i) => new Date(Date.UTC(2020, 0, 1) + i * DAY).toISOString().slice(0, 10);
const DAYS = Array.from({ length: 3650 }, (_, i) => dayString(i));
const heapMiB = () => { globalThis.gc?.(); return process.memoryUsage().heapUsed / 2 ** 20; };

/** Two-posting transactions in date order over ten years, between random accounts of the default chart. */
function transactions(count, seed) {
  const rnd = seeded(seed);
  const ids = defaultChartOfAccounts().map((a) => a.id);
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const amount = BigInt(1 + Math.floor(rnd() * 1_000_000));
    const a = ids[Math.floor(rnd() * ids.length)];
    let b = ids[Math.floor(rnd() * ids.length)];
    if (b === a) b = A.checking === a ? A.savings : A.checking;
    out[i] = { date: DAYS[Math.floor((i * DAYS.length) / count)], postings: [{ account: a, amount }, { account: b, amount: -amount }] };
  }
  return out;
}

const rows = [];
const notes = [];

// ---- 1. one million postings ----
const txs = transactions(POSTINGS / 2, 1);
let expectedChecking = 0n;
for (const t of txs) for (const p of t.postings) if (p.account === A.checking) expectedChecking += p.amount;
const buildLedger = () => { const l = createLedger(); for (const t of txs) l.post(t); return l; };
const naiveFloatSums = () => { const m = new Map(); for (const t of txs) for (const p of t.postings) m.set(p.account, (m.get(p.account) ?? 0) + Number(p.amount) / 100); return m; };
const post = await measure(`post ${POSTINGS} postings`, buildLedger, {
  repeats: 2,
  verify: (l) => l.size.postings === POSTINGS && l.balance(A.checking) === expectedChecking && statementAsOf(l, DAYS.at(-1)).balanced,
});
const postBase = await measure('float Map sums (no checks)', naiveFloatSums, { repeats: 2, verify: (m) => m.size > 0 });
rows.push({ case: post.label, ours: '@omega/accounting post()', baseline: 'float Map += (unchecked, inexact)', oursMs: post.ms, baselineMs: postBase.ms });

const before = heapMiB();
const kept = buildLedger();
const after = heapMiB();
notes.push(`ledger with ${POSTINGS} postings: ${(after - before).toFixed(0)} MiB heap`);

// ---- 2. statements as of a date on that ledger (first call builds running sums; then binary search) ----
const mid = DAYS[1825];
const asOf = await measure(`statementAsOf (17 accounts, ${POSTINGS} postings)`, () => statementAsOf(kept, mid), { repeats: 5, verify: (s) => s.balanced });
const scan = await measure('scan log and sum to date', () => {
  const m = new Map();
  for (const t of kept.log()) if (t.date <= mid) for (const p of t.postings) m.set(p.account, (m.get(p.account) ?? 0n) + p.amount);
  return m;
}, { repeats: 5, verify: (m) => m.size > 0 });
rows.push({ case: asOf.label, ours: 'statementAsOf', baseline: 'full log scan', oursMs: asOf.ms, baselineMs: scan.ms });

// ---- 3. reconciliation of a 100,000-line statement ----
function reconciliationFixture() {
  const rnd = seeded(3);
  const ledger = createLedger({ opening: { date: '2020-01-01', balances: { [A.checking]: 1_000_000_000n } } });
  const lines = ['date,description,amount'];
  let planted = 0;
  for (let i = 0; i < LINES; i++) {
    const day = 1 + Math.floor((i * 700) / LINES);
    // Amounts up to $1M so that a planted mismatch has no accidental exact twin nearby (verification stays exact).
    const amount = BigInt(1 + Math.floor(rnd() * 100_000_000));
    const deposit = rnd() < 0.2;
    const signed = deposit ? amount : -amount;
    ledger.post({ date: DAYS[day], description: `Payee ${i % 977}`, postings: [{ account: A.checking, amount: signed }, { account: deposit ? A.salary : A.livingExpenses, amount: -signed }] });
    let stmtDay = day + Math.floor(rnd() * 3);
    let stmtAmount = signed;
    if (i % 1000 === 500) { stmtAmount += 1n; planted++; }        // off by a cent
    if (i % 1000 === 700) { stmtDay += 6; planted++; }             // shifted past the window
    if (i % 1000 === 900) { planted++; continue; }                 // missing from the statement
    lines.push(`${DAYS[stmtDay]},POS PAYEE ${i % 977},${formatCents(stmtAmount)}`);
  }
  return { ledger, csv: lines.join('\n'), planted };
}
const fx = reconciliationFixture();
const statement = parseStatementCsv(fx.csv);
const to = statement.reduce((m, e) => (e.date > m ? e.date : m), '0000');
const parse = await measure(`parseStatementCsv ${statement.length} lines`, () => parseStatementCsv(fx.csv), { repeats: 3, verify: (s) => s.length === statement.length });
const naiveSplit = await measure('split lines + split commas', () => fx.csv.split('\n').map((l) => l.split(',')), { repeats: 3, verify: (r) => r.length === statement.length + 1 });
rows.push({ case: parse.label, ours: 'parseStatementCsv (quotes, exact cents, dates)', baseline: 'String.split', oursMs: parse.ms, baselineMs: naiveSplit.ms });
const rec = await measure(`reconcile ${statement.length} lines`, () => reconcile(fx.ledger, A.checking, statement, { from: DAYS[1], to }), {
  repeats: 3,
  verify: (r) => {
    const missing = r.unmatchedLedger.filter((u) => u.explanation === 'not-on-statement').length;
    const ok = r.difference.explained && r.suggestions.length === (2 * LINES) / 1000 && missing === LINES / 1000 && r.matched.length === statement.length - (2 * LINES) / 1000;
    if (!ok) console.error({ explained: r.difference.explained, suggestions: r.suggestions.length, missing, matched: r.matched.length });
    return ok;
  },
});
const heapBeforeRec = heapMiB();
const keptReport = reconcile(fx.ledger, A.checking, statement, { from: DAYS[1], to });
const heapAfterRec = heapMiB();
const hashJoin = await measure('exact date|amount hash join', () => {
  const m = new Map();
  for (const t of fx.ledger.log()) for (const p of t.postings) if (p.account === A.checking) m.set(`${t.date}|${p.amount}`, (m.get(`${t.date}|${p.amount}`) ?? 0) + 1);
  let hits = 0;
  for (const e of statement) { const k = `${e.date}|${e.amount}`; const n = m.get(k); if (n) { hits++; m.set(k, n - 1); } }
  return hits;
}, { repeats: 3, verify: (h) => h > 0 });
rows.push({ case: rec.label, ours: 'reconcile (window 3 d, similarity, suggestions)', baseline: 'same-day exact hash join', oursMs: rec.ms, baselineMs: hashJoin.ms });
notes.push(`reconciliation report for ${statement.length} lines (${keptReport.matched.length} pairs): ${(heapAfterRec - heapBeforeRec).toFixed(0)} MiB heap; planted mismatches: ${fx.planted}, all found`);

report('accounting', rows);
console.log(notes.map((n) => `  ${n}`).join('\n'));
console.log(`  peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB — ${machine()}`);
