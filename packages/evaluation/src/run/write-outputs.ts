/**
 * The output folder: per-subject results and the aggregate through @omega/storage (`auto` picks the format; the
 * file extension follows the chosen format), the Markdown report and three SVG charts. Nothing in it depends on
 * the clock or on the worker count.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultStorage, NDArray, save } from '@omega/storage';
import type { Aggregate } from '../aggregate.js';
import { OutputFailedError } from '../errors.js';
import { markdownReport } from '../report/markdown-report.js';
import { metricBarsChart } from '../report/metric-bars-chart.js';
import { reliabilityChart } from '../report/reliability-chart.js';
import { wealthFanChart } from '../report/wealth-fan-chart.js';
import { FAN_PERCENTILES, type SubjectResult } from '../subject/subject-result.js';

export interface OutputFiles {
  subjects: string;
  aggregate: string;
  report: string;
  charts: { reliability: string; fan: string; metrics: string };
}

export const SUBJECTS_KIND = 'omega-evaluation-subjects';

async function saveAuto(value: unknown, dir: string, stem: string): Promise<string> {
  const format = defaultStorage().formatForSave(value, 'auto');
  const name = `${stem}.${format.extensions[0] ?? format.name}`;
  await save(value, join(dir, name), format.name);
  return name;
}

export async function writeOutputs(dir: string, results: readonly SubjectResult[], agg: Aggregate): Promise<OutputFiles> {
  try {
    await mkdir(join(dir, 'charts'), { recursive: true });
    const years = results[0]?.wealthFan.length ?? 0;
    const fan = new Float64Array(results.length * years * FAN_PERCENTILES.length);
    results.forEach((r, i) => r.wealthFan.forEach((row, t) => fan.set(row, (i * years + t) * FAN_PERCENTILES.length)));
    const subjectsDoc = {
      kind: SUBJECTS_KIND, version: 1, engine: agg.engine, settings: agg.settings,
      subjects: results.map(({ wealthFan: _fan, ...rest }) => rest),
      wealthFanPercentiles: [...FAN_PERCENTILES],
      // [subject, year, percentile], dollars.
      wealthFan: new NDArray('float64', [results.length, years, FAN_PERCENTILES.length], fan),
    };
    const subjects = await saveAuto(subjectsDoc, dir, 'subjects');
    const aggregate = await saveAuto(agg, dir, 'aggregate');
    const charts = { reliability: 'charts/reliability.svg', fan: 'charts/wealth-fan.svg', metrics: 'charts/metrics.svg' };
    const first = results[0];
    await writeFile(join(dir, charts.reliability), reliabilityChart(agg.calibration));
    await writeFile(join(dir, charts.fan), wealthFanChart(first?.wealthFan ?? [], first ? `Wealth fan, subject ${first.personId} (with recommendations)` : 'Wealth fan (no subjects)'));
    await writeFile(join(dir, charts.metrics), metricBarsChart(agg.metrics));
    const report = 'report.md';
    await writeFile(join(dir, report), markdownReport(agg, { subjects, aggregate, charts }, first?.personId ?? null));
    return { subjects, aggregate, report, charts };
  } catch (error) {
    throw new OutputFailedError(`writing the evaluation folder failed: ${(error as Error).message}`, { field: 'out', received: dir, cause: error });
  }
}
