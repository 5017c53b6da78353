/** The work of `omega recommend`: monthly recommendations for one subject (@omega/recommendations), saved as a plan. */
import { recommend, savePlan, type PlanFormat } from '@omega/recommendations';
import type { Io } from '../io.js';
import { loadSubject, subjectAsOf } from './_subject-input.js';

export interface RecommendOptions {
  subject: string;
  index: number;
  months: number;
  seed: number;
  asOf?: string;
  paths?: number;
  horizonYears?: number;
  out: string;
  format: PlanFormat;
}

const dollars = (cents: number): string => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export async function runRecommend(options: RecommendOptions, io: Io): Promise<number> {
  const person = await loadSubject(options.subject, options.index);
  const asOf = subjectAsOf(person, options.asOf);
  const plan = recommend(person, {
    months: options.months, seed: options.seed, asOf,
    ...(options.paths === undefined ? {} : { paths: options.paths }),
    ...(options.horizonYears === undefined ? {} : { horizonYears: options.horizonYears }),
  });
  io.out(`recommendations for ${plan.personId} from ${plan.asOf}, ${plan.months} month(s), risk band ${plan.riskBand.label}; position score ${plan.analysis.score.toFixed(3)}`);
  for (const r of plan.recommendations) io.out(`  ${r.date} #${r.rank} ${r.kind} ${r.target} ${dollars(r.amountCents)}: ${r.rationale}`);
  if (plan.recommendations.length === 0) io.out('  no action improves on the current plan');
  io.out(`  ${plan.dropped.length} candidate(s) dropped (infeasible or outranked; listed in the file)`);
  const saved = await savePlan(plan, options.out, options.format);
  io.out(`wrote ${saved.path} (${saved.format}, ${saved.bytes} bytes)`);
  return 0;
}
