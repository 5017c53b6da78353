/** What a planning mesh says, as printable lines and as a plain record for summary files. */
import type { PlanningMesh } from '@omega/stochastic-mesh';
import { dateToDay } from './_dates.js';

export interface MeshSummary {
  paths: number;
  steps: number;
  stepMonths: number;
  from: string;
  to: string;
  ruinProbability: { value: number; stdErr: number };
  milestones: { id: string; name: string; dueDate: string; amount: number; paid: number; fundedProbability: number; stdErr: number; expectedShortfall: number }[];
  /** 5th/50th/95th percentile of wealth at the horizon. */
  terminalWealth: { p5: number; p50: number; p95: number };
}

const money = (x: number): string => `$${Math.round(x).toLocaleString('en-US')}`;
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export function summarizeMesh(mesh: PlanningMesh): MeshSummary {
  const funding = new Map(mesh.milestoneFunding().map((f) => [f.milestoneId, f]));
  const bands = mesh.wealthBands([5, 50, 95]);
  const last = bands[bands.length - 1]!;
  return {
    paths: mesh.paths,
    steps: mesh.steps,
    stepMonths: mesh.stepMonths,
    from: dateToDay(mesh.dates[0]!),
    to: dateToDay(mesh.dates[mesh.steps]!),
    ruinProbability: mesh.ruinProbability(),
    milestones: mesh.milestoneRecords().map((m) => {
      const f = funding.get(m.id)!;
      return { id: m.id, name: m.name, dueDate: dateToDay(m.dueDate), amount: m.amount, paid: m.paid, fundedProbability: f.probability, stdErr: f.stdErr, expectedShortfall: f.expectedShortfall };
    }),
    terminalWealth: { p5: last.percentiles[5]!, p50: last.percentiles[50]!, p95: last.percentiles[95]! },
  };
}

export function meshSummaryLines(s: MeshSummary): string[] {
  const lines = [
    `planning mesh: ${s.paths} paths × ${s.steps} steps of ${s.stepMonths} month(s), ${s.from} → ${s.to}`,
    `  probability wealth goes negative before the horizon: ${pct(s.ruinProbability.value)} ± ${pct(s.ruinProbability.stdErr)}`,
    `  wealth at the horizon: 5th pct ${money(s.terminalWealth.p5)}, median ${money(s.terminalWealth.p50)}, 95th pct ${money(s.terminalWealth.p95)}`,
  ];
  for (const m of s.milestones) {
    lines.push(`  ${m.id} ${m.name} ${money(m.amount)} due ${m.dueDate}: funded on ${pct(m.fundedProbability)} ± ${pct(m.stdErr)} of paths, expected shortfall ${money(m.expectedShortfall)}`);
  }
  return lines;
}
