// Prints a Markdown table of every packages/*/bench-results/*.json and apps/*/bench-results/*.json (latest runs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps'].flatMap((top) => (existsSync(top) ? readdirSync(top).map((d) => join(top, d)) : []));
const lines = ['| suite | case | ours | baseline | ours ms | baseline ms | ratio | target |', '|---|---|---|---|---|---|---|---|'];
let meta = '';
for (const dir of roots) {
  const results = join(dir, 'bench-results');
  if (!existsSync(results)) continue;
  for (const file of readdirSync(results).filter((f) => f.endsWith('.json')).sort()) {
    const record = JSON.parse(readFileSync(join(results, file), 'utf8'));
    meta ||= `${record.date.slice(0, 10)} · ${record.machine}`;
    for (const r of record.rows ?? []) {
      const target = r.target === undefined ? '' : `≥ ${r.target}× ${r.meets ? '✓' : '✗ not met'}`;
      const fmt = (x) => (typeof x === 'number' ? x.toFixed(1) : '');
      lines.push(`| ${record.suite} | ${r.case} | ${r.ours} | ${r.baseline} | ${fmt(r.oursMs)} | ${fmt(r.baselineMs)} | ${r.ratio ?? ''}× | ${target} |`);
    }
  }
}
console.log(`Measured ${meta}\n\n${lines.join('\n')}`);
