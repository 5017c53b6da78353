import superjson from 'superjson';
import { DLFriendlyStorage } from '/work/main/packages/storage/dist/index.js';
const s = new DLFriendlyStorage();
const recs = Array.from({ length: 10000 }, (_, i) => ({ id: i, name: `subject-${i}`, ts: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000), values: Float64Array.from({ length: 16 }, (_, j) => Math.sin(i*j) * 1000), tags: ['a', `t${i % 7}`] }));
const cpu = async (f) => { const best = []; for (let r = 0; r < 7; r++) { const c = process.cpuUsage(); await f(); const d = process.cpuUsage(c); best.push((d.user + d.system) / 1000); } best.sort((a,b)=>a-b); return best[1]; };
const ours = await cpu(async () => s.decode(await s.encode(recs, 'json'), 'json'));
const sj = await cpu(() => superjson.parse(superjson.stringify(recs.map((r) => ({ ...r, values: Array.from(r.values) })))));
console.log(`ours ${ours.toFixed(0)} ms cpu, superjson ${sj.toFixed(0)} ms cpu, ratio ${(sj/ours).toFixed(2)}`);
