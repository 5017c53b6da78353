/** The Markdown report: settings, every metric with its range and interval, grades and how they were read. */
import type { Aggregate, MetricSummary } from '../aggregate.js';
import { GRADE_RULES } from '../grades.js';
import { METRICS } from '../metrics/metric-definitions.js';
import { SUITABILITY_RULES } from '../subject/suitability.js';

const bound = (b: number | null, neg: boolean) => (b === null ? (neg ? '−∞' : '+∞') : String(b));

function value(m: MetricSummary, v: number | null): string {
  if (v === null) return '—';
  if (m.unit === 'USD') return `${v < 0 ? '−' : ''}$${Math.abs(Math.round(v)).toLocaleString('en-US')}`;
  if (m.unit === 'count') return v.toFixed(1);
  return v.toFixed(4);
}

export interface ReportFiles {
  subjects: string;
  aggregate: string;
  charts: { reliability: string; fan: string; metrics: string };
}

export function markdownReport(agg: Aggregate, files: ReportFiles, fanSubject: string | null): string {
  const s = agg.settings;
  const lines: string[] = [
    `# Omega evaluation — ${s.asOf}`,
    '',
    `Seed ${s.seed}, ${s.subjects} synthetic subjects as of ${s.asOf}; ${s.months} months of recommendations; planning meshes of ${s.paths} paths × ${s.horizonYears} years (monthly steps); ${s.outcomeDraws} independent outcome paths per milestone; ${s.bootstrapResamples} bootstrap resamples over subjects.`,
    '',
  ];
  lines.push(`Engine evaluated: \`${agg.engine}\` (${s.months} months, ${s.recommenderPaths} scoring paths).`, '');
  lines.push(`**Overall grade: ${agg.overallGrade ?? 'not graded (no data)'}** — the worst of the graded metrics below, each read from the pessimistic end of its 95 % interval.`, '');
  lines.push('## Metrics', '', '| metric | range | n | estimate | 95 % CI | grade |', '|---|---|---|---|---|---|');
  for (const m of agg.metrics) {
    lines.push(`| ${m.label} | [${bound(m.range[0], true)}, ${bound(m.range[1], false)}] | ${m.n} | ${value(m, m.estimate)} | ${value(m, m.ci95[0])} … ${value(m, m.ci95[1])} | ${m.grade ?? '—'} |`);
  }
  lines.push('', '![metrics](' + files.charts.metrics + ')', '', '## Definitions', '');
  for (const d of METRICS) lines.push(`- **${d.label}** (${d.better === 'none' ? 'descriptive' : `${d.better} is better`}): ${d.definition}`);
  lines.push('', '## Grades', '', 'Grades use only bounded metrics and these fixed thresholds (A … D, inclusive; anything worse is F):', '', '| metric | direction | A | B | C | D | why |', '|---|---|---|---|---|---|---|');
  for (const g of GRADE_RULES) lines.push(`| ${g.metric} | ${g.direction} is better | ${g.thresholds.join(' | ')} | ${g.why} |`);
  lines.push('', '## Calibration', '', `Base rate ${agg.calibration.baseRate?.toFixed(4) ?? '—'}, Brier ${agg.calibration.brier?.toFixed(4) ?? '—'} vs constant base-rate forecast ${agg.calibration.baselineBrier?.toFixed(4) ?? '—'} over ${agg.calibration.n} (forecast, outcome) pairs.`, '');
  lines.push('| bin | n | mean predicted | observed |', '|---|---|---|---|');
  for (const b of agg.calibration.bins) lines.push(`| ${b.lo.toFixed(1)}–${b.hi.toFixed(1)} | ${b.count} | ${b.meanPredicted?.toFixed(4) ?? '—'} | ${b.observedFrequency?.toFixed(4) ?? '—'} |`);
  lines.push('', '![reliability](' + files.charts.reliability + ')', '', '## Recommendations', '', '| kind | count |', '|---|---|');
  for (const [k, n] of Object.entries(agg.recommendationsByKind)) lines.push(`| ${k} | ${n} |`);
  lines.push('', 'Infeasible because (accounting or budget rule): ' + (Object.entries(agg.infeasibleByRule).map(([k, n]) => `${k} ${n}`).join(', ') || 'none') + '.', '');
  lines.push('Suitability violations: ' + (Object.entries(agg.suitabilityByRule).map(([k, n]) => `${k} ${n}`).join(', ') || 'none') + '.', '');
  lines.push(...Object.entries(SUITABILITY_RULES).map(([k, v]) => `- \`${k}\`: ${v}`), '');
  if (fanSubject !== null) lines.push('## Wealth fan', '', `Subject ${fanSubject}, with its feasible recommendations applied.`, '', '![wealth fan](' + files.charts.fan + ')', '');
  lines.push('## Files', '', `- \`${files.subjects}\`: per-subject results`, `- \`${files.aggregate}\`: this aggregate`, '');
  return lines.join('\n');
}
