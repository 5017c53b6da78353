/**
 * The work of `omega mesh --subject FILE [--index I] | --demo`: build a planning mesh (@omega/stochastic-mesh) for a synthetic
 * subject or for the embedded demo household (whose wedding is paid in three parts), save it through
 * @omega/storage and print what it says about the milestones.
 */
import { PlanningMesh, savePlanningMesh } from '@omega/stochastic-mesh';
import { CliUsageError } from '../errors.js';
import type { Io } from '../io.js';
import { dayToDate } from './_dates.js';
import { DEMO_AS_OF, DEMO_FLEXIBILITY, DEMO_PAID_MILESTONE, demoPlanningInput } from './_demo-plan.js';
import { meshSummaryLines, summarizeMesh } from './_mesh-summary.js';
import { planFromPerson } from './_person-plan.js';
import { loadSubject, subjectAsOf } from './_subject-input.js';
import { payInThreeParts, windowMonths } from './_three-part-payment.js';

export interface MeshOptions {
  subject?: string;
  index: number;
  demo?: boolean;
  asOf?: string;
  seed: number;
  paths: number;
  horizonYears: number;
  out: string;
  format: string;
}

export async function runMesh(options: MeshOptions, io: Io): Promise<number> {
  if ((options.subject === undefined) === (options.demo !== true)) throw new CliUsageError('give exactly one of --subject FILE or --demo');
  if (options.paths < 2) throw new CliUsageError(`--paths must be at least 2, got ${options.paths}`);
  let mesh: PlanningMesh;
  if (options.demo === true) {
    const asOf = options.asOf ?? DEMO_AS_OF;
    mesh = new PlanningMesh(demoPlanningInput({ asOf, seed: options.seed, paths: options.paths, horizonYears: options.horizonYears }));
    const plan = payInThreeParts(mesh, DEMO_PAID_MILESTONE, { today: dayToDate(asOf), minUpfrontShare: DEMO_FLEXIBILITY.minUpfrontShare, windowMonths: windowMonths(DEMO_FLEXIBILITY) });
    io.out(`demo household: ${DEMO_PAID_MILESTONE} paid in three parts:`);
    for (const p of plan.parts) io.out(`  ${p.label}: $${p.amount.toFixed(2)} — ${p.when}`);
  } else {
    const person = await loadSubject(options.subject!, options.index);
    const asOf = subjectAsOf(person, options.asOf);
    const plan = planFromPerson(person, { asOf, seed: options.seed, paths: options.paths, horizonYears: options.horizonYears });
    mesh = new PlanningMesh(plan.input);
    io.out(`subject ${person.id} as of ${asOf}: ${plan.milestones.length} milestone(s) planned`);
    for (const s of plan.skipped) io.out(`  left out ${s.id} ${s.type}: ${s.reason}`);
  }
  for (const line of meshSummaryLines(summarizeMesh(mesh))) io.out(line);
  const saved = await savePlanningMesh(mesh, options.out, options.format);
  io.out(`wrote ${saved.path} (${saved.format}, ${saved.bytes} bytes)`);
  return 0;
}
