/**
 * The work of `omega demo [--out DIR]`: the end-to-end run on an embedded default — a synthetic subject → its ledger (checking
 * statement reconciled) → a planning mesh in which one flexible milestone is paid in three parts, the deposit
 * checked against and posted to the ledger → files under DIR, whose paths are printed.
 * Then three months of recommendations for the subject (@omega/recommendations).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_ACCOUNT_IDS as A, dollarsToCents, paymentCapacity, postPayment, reconcile, saveLedger, saveReconciliationReport, parseStatementCsv, statementAsOf, formatCents } from '@omega/accounting';
import { recommend, savePlan } from '@omega/recommendations';
import { PlanningMesh, paymentCapacityFromLedger, savePlanningMesh } from '@omega/stochastic-mesh';
import { atomicWrite, save } from '@omega/storage';
import { generateSubject, saveSubjects, type Milestone, type Person } from '@omega/synthetic-data';
import { CliFailure, CliUsageError } from '../errors.js';
import type { Io } from '../io.js';
import { addMonthsUtc, dayToDate } from './_dates.js';
import { accountStatementCsv } from './_ledger-csv.js';
import { meshSummaryLines, summarizeMesh } from './_mesh-summary.js';
import { planFromPerson } from './_person-plan.js';
import { ledgerWithHistory } from './_person-ledger.js';
import { allowsThreeParts, DEPOSIT_SHARE, payInThreeParts, windowMonths } from './_three-part-payment.js';
import { reconciliationLines } from './ledger-reconcile.js';

/** How many subjects the demo looks through for one with a milestone it can pay in three parts. */
const SUBJECT_SCAN = 500;
const HISTORY_MONTHS = 12;
const RECOMMENDATION_MONTHS = 3;
/** The recommendation engine scores with at least this many paths. */
const MIN_RECOMMEND_PATHS = 20;

export interface DemoOptions {
  out: string;
  seed: number;
  asOf: string;
  paths: number;
  horizonYears: number;
}

interface Pick {
  person: Person;
  milestone: Milestone;
  /** The account the deposit comes from (the larger of checking and savings). */
  account: string;
}

/** The first subject (by index) with a three-part-payable milestone in the horizon whose deposit it can afford. */
function pickSubject(options: DemoOptions): Pick {
  const horizonEnd = addMonthsUtc(dayToDate(options.asOf), Math.round(options.horizonYears * 12));
  for (let index = 0; index < SUBJECT_SCAN; index++) {
    const person = generateSubject({ seed: options.seed, index, start: options.asOf, historyMonths: HISTORY_MONTHS });
    const candidates = person.milestones
      .filter((m) => m.type !== 'retirement' && allowsThreeParts(m.paymentFlexibility) && dayToDate(m.date) <= horizonEnd)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const milestone = candidates[0];
    if (milestone === undefined) continue;
    const fromChecking = person.assets.checkingCents >= person.assets.savingsCents;
    const available = fromChecking ? person.assets.checkingCents : person.assets.savingsCents;
    if (available >= Math.ceil(DEPOSIT_SHARE * milestone.amountCents)) return { person, milestone, account: fromChecking ? A.checking : A.savings };
  }
  throw new CliFailure(`none of the first ${SUBJECT_SCAN} subjects of seed ${options.seed} has a milestone to pay in three parts within ${options.horizonYears} years`, 'try another --seed or a longer --horizon-years');
}

export async function runDemo(options: DemoOptions, io: Io): Promise<number> {
  if (options.paths < 2) throw new CliUsageError(`--paths must be at least 2, got ${options.paths}`);
  const dir = resolve(options.out);
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> = {};
  const { person, milestone, account } = pickSubject(options);
  io.out(`omega demo: subject ${person.id} (${person.age}, ${person.occupation.title}, ${person.location.city} ${person.location.state}), as of ${options.asOf}`);
  files.subjects = (await saveSubjects(join(dir, 'subject.json'), [person])).path;

  // Ledger: opening balances + 12 months of checking history; the bank statement of checking is reconciled.
  const ledger = ledgerWithHistory(person, { asOf: options.asOf });
  const history = person.history!;
  const statementPath = join(dir, 'checking-statement.csv');
  await atomicWrite(statementPath, accountStatementCsv(ledger, A.checking, history.to));
  files.statement = statementPath;
  const report = reconcile(ledger, A.checking, parseStatementCsv(accountStatementCsv(ledger, A.checking, history.to)));
  files.reconciliation = (await saveReconciliationReport(report, join(dir, 'reconciliation.json'))).path;
  for (const line of reconciliationLines(report).slice(0, 1)) io.out(line);

  // Planning mesh with the ledger as payment capacity; the milestone is paid in three parts.
  const plan = planFromPerson(person, {
    asOf: options.asOf, seed: options.seed, paths: options.paths, horizonYears: options.horizonYears,
    paymentCapacity: paymentCapacityFromLedger(ledger, { accounts: [account] }),
  });
  const mesh = new PlanningMesh(plan.input);
  const payment = payInThreeParts(mesh, milestone.id, { today: dayToDate(options.asOf), minUpfrontShare: milestone.paymentFlexibility.minUpfrontShare, windowMonths: windowMonths(milestone.paymentFlexibility) });
  io.out(`${milestone.id} ${milestone.type} ($${(milestone.amountCents / 100).toFixed(2)}, due ${milestone.date}) paid in three parts:`);
  for (const p of payment.parts) io.out(`  ${p.label}: $${p.amount.toFixed(2)} — ${p.when}`);
  const deposit = postPayment(ledger, {
    from: account, to: A.milestonePayments, amount: dollarsToCents(payment.parts[0]!.amount.toFixed(2)), date: options.asOf,
    description: `Deposit on ${milestone.type} (${milestone.id})`,
  });
  if (deposit.status !== 'posted') {
    throw new CliFailure(`the ledger refused the deposit: ${deposit.violations.map((v) => v.message).join('; ')}`);
  }
  files.ledger = (await saveLedger(ledger, join(dir, 'ledger.json'))).path;
  const summary = summarizeMesh(mesh);
  for (const line of meshSummaryLines(summary)) io.out(line);
  files.mesh = (await savePlanningMesh(mesh, join(dir, 'planning-mesh.compressed'), 'compressed')).path;

  // Recommendations for the subject as it stands today (before the demo's deposit).
  const recommendations = recommend(person, { months: RECOMMENDATION_MONTHS, seed: options.seed, asOf: options.asOf, paths: Math.max(MIN_RECOMMEND_PATHS, options.paths) });
  files.recommendations = (await savePlan(recommendations, join(dir, 'recommendations.json'))).path;
  io.out(`${recommendations.recommendations.length} recommendation(s) over ${RECOMMENDATION_MONTHS} months:`);
  for (const r of recommendations.recommendations) io.out(`  ${r.date} #${r.rank} ${r.kind} ${r.target}: ${r.rationale}`);
  if (recommendations.recommendations.length === 0) io.out(`  none: no candidate improved on the plan (${recommendations.dropped.length} considered and dropped, listed in the file)`);

  const after = statementAsOf(ledger, options.asOf);
  const capacity = paymentCapacity(ledger, account, options.asOf);
  const summaryPath = join(dir, 'summary.json');
  files.summary = summaryPath;
  await save({
    kind: 'omega-demo-summary', version: 1, seed: options.seed, asOf: options.asOf, subject: person.id,
    ledger: { netWorthCents: after.totals.netWorth, balanced: after.balanced, depositTransaction: deposit.transaction.id, depositAccount: account, capacityAfterDepositCents: capacity.amount },
    reconciliation: { matched: report.matched.length, statementOnly: report.unmatchedStatement.length, ledgerOnly: report.unmatchedLedger.length, explained: report.difference.explained },
    payment: { milestoneId: payment.milestoneId, type: milestone.type, amount: payment.amount, parts: payment.parts },
    mesh: summary,
    skippedMilestones: plan.skipped,
    recommendations: { count: recommendations.recommendations.length, kinds: recommendations.recommendations.map((r) => r.kind), positionScore: recommendations.analysis.score },
    files,
  }, summaryPath, 'json');
  io.out(`ledger net worth after the deposit: $${formatCents(after.totals.netWorth)} (accounting equation ${after.balanced ? 'holds' : 'FAILS'})`);
  io.out(`results are in ${dir}:`);
  for (const [what, path] of Object.entries(files)) io.out(`  ${what.padEnd(15)} ${path}`);
  return 0;
}
