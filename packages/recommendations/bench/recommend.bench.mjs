// One subject over 24 months (default 400 paths, 5-year horizon), against the floor cost of the same plan:
// one baseline mesh per month and nothing else. Run after `pnpm build`: `pnpm bench`.
import { generateSubject } from '@omega/synthetic-data';
import { PlanningMesh, planningInputFromPerson } from '@omega/stochastic-mesh';
import { measure, report } from '@omega/bench';
import { recommend } from '../dist/index.js';

const person = generateSubject({ seed: 3, index: 1, start: '2025-07-01', historyMonths: 0 });
const options = { months: 24, seed: 1, asOf: '2025-07-01' };
const plan = await measure('recommend 24 months', () => recommend(person, options), {
  verify: (p) => p.recommendations.length > 0 && p.recommendations.every((r) => r.month < 24) && p.matrix.periods.length === 24,
  repeats: 3,
});
const meshes = await measure('24 baseline meshes', () => {
  let last;
  for (let m = 0; m < 24; m++) last = new PlanningMesh(planningInputFromPerson(person, { asOf: '2025-07-01', seed: 1, paths: 400, horizonYears: 5, unit: 'cents' }));
  return last;
}, { verify: (mesh) => mesh.paths === 400, repeats: 3 });
const result = recommend(person, options);
report('recommendations', [
  { case: `one subject × 24 months, 400 paths (${result.recommendations.length} recommendations, ${result.dropped.length} drops)`, ours: 'recommend', baseline: '24 baseline meshes only', oursMs: plan.ms, baselineMs: meshes.ms },
]);
