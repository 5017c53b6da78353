// Subjects per second for 100,000 subjects (12 months of history each), one core, built code (run `pnpm build` first).
// The target is ≥ 20,000 subjects/s; the "baseline" row is that budget (5,000 ms for 100,000), so ratio ≥ 1 meets it.
import { measure, report } from '@omega/bench';
import { iterateSubjects } from '../dist/index.js';

const COUNT = 100_000;
const TARGET_PER_SECOND = 20_000;

function run(historyMonths) {
  let ids = 0;
  let transactions = 0;
  let last = '';
  for (const p of iterateSubjects({ seed: 1, count: COUNT, start: '2025-07-01', historyMonths })) {
    ids += 1;
    transactions += p.history?.transactions.length ?? 0;
    last = p.id;
  }
  return { ids, transactions, last };
}

const rows = [];
for (const historyMonths of [12, 0]) {
  const cpu0 = process.cpuUsage();
  const m = await measure(`${COUNT} subjects, ${historyMonths} months history`, () => run(historyMonths), {
    repeats: 3,
    verify: (r) => r.ids === COUNT && r.last === `syn-1-${COUNT - 1}` && (historyMonths === 0 ? r.transactions === 0 : r.transactions > COUNT * historyMonths),
  });
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerRun = (cpu.user + cpu.system) / 1000 / 4; // 1 verified + 3 timed runs
  console.log(`${m.label}: ${Math.round((COUNT / m.ms) * 1000)} subjects/s wall (median of ${m.runs}); ~${Math.round((COUNT / cpuMsPerRun) * 1000)} subjects/s by process CPU time (includes GC threads)`);
  rows.push({ case: m.label, ours: 'generate', baseline: `budget at ${TARGET_PER_SECOND}/s`, oursMs: m.ms, baselineMs: (COUNT / TARGET_PER_SECOND) * 1000, target: 1 });
}
report('synthetic-data', rows);
