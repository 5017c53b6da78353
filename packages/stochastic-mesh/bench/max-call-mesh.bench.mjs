// 2-asset Bermudan max-call (REFERENCES.md §7: S0 = 90/100/110 → 8.08 / 13.90 / 21.34): the stochastic mesh at
// b = 2000 and the LSM low bound with the Andersen–Broadie duality upper bound. Each run is verified against the
// published value (reference inside [low − 3 SE, high + 3 SE]) before its time is reported. Run after `pnpm build`.
import { measure, report } from '@omega/bench';
import { priceBermudan } from '../dist/index.js';

const MAX_CALL = { sigma: [0.2, 0.2], dividend: [0.1, 0.1], rate: 0.05, exerciseTimes: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => k / 3), payoff: 'max-call', strike: 100 };
const REF = [[90, 8.08], [100, 13.9], [110, 21.34]];
const b = Number(process.env.OMEGA_MESH_B ?? 2000);
const fmt = (e) => `${e.value.toFixed(4)} ± ${e.stdErr.toFixed(4)}`;
const brackets = (ref) => (r) => r.low.value - 3 * r.low.stdErr <= ref && r.high.value + 3 * r.high.stdErr >= ref;

const rows = [];
for (const [s0, ref] of REF) {
  let mesh;
  const meshRun = await measure(`mesh b=${b} S0=${s0}`, () => (mesh = priceBermudan({ ...MAX_CALL, s0: [s0, s0], method: 'mesh', nodesPerDate: b, paths: 20_000, replications: 4, seed: 2000 + s0 })), { verify: brackets(ref), repeats: 1 });
  console.log(`max-call S0=${s0} mesh b=${b}: low ${fmt(mesh.low)}, high ${fmt(mesh.high)}, width ${(mesh.high.value - mesh.low.value).toFixed(4)} (ref ${ref}) ${(meshRun.ms / 1000).toFixed(1)} s`);
  let lsm;
  const lsmRun = await measure(`lsm+duality S0=${s0}`, () => (lsm = priceBermudan({ ...MAX_CALL, s0: [s0, s0], method: 'lsm', paths: 100_000, dualityPaths: 1000, innerPaths: 500, seed: 3000 + s0 })), { verify: brackets(ref), repeats: 1 });
  console.log(`max-call S0=${s0} LSM 100k + duality 1000×500: low ${fmt(lsm.low)}, high ${fmt(lsm.high)}, gap ${fmt(lsm.dualityGap)} (ref ${ref}) ${(lsmRun.ms / 1000).toFixed(1)} s`);
  rows.push({ case: `2-asset max-call S0=${s0}: mesh b=${b} [${mesh.low.value.toFixed(3)}, ${mesh.high.value.toFixed(3)}] vs LSM+duality [${lsm.low.value.toFixed(3)}, ${lsm.high.value.toFixed(3)}] (ref ${ref})`, ours: `mesh b=${b}, 4 meshes, 20k low paths`, baseline: 'LSM 100k paths + duality 1000 outer × 500 inner', oursMs: meshRun.ms, baselineMs: lsmRun.ms });
}
report('stochastic-mesh-max-call', rows);
