// Bounded load test on loopback: N requests (default 10,000) over /demo and the API with C concurrent clients.
// Reports status classes, zero-5xx check, and latency percentiles. Run after `pnpm build` (uses dist/).
// OMEGA_LOAD_REQUESTS / OMEGA_LOAD_CONCURRENCY override the defaults.
import { buildServer } from '../dist/index.js';

const TOTAL = Number(process.env.OMEGA_LOAD_REQUESTS ?? 10_000);
const CONCURRENCY = Number(process.env.OMEGA_LOAD_CONCURRENCY ?? 16);

const app = buildServer({ maxSubjects: 1000 });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${app.server.address().port}`;
const post = (path, body) => ({ path, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } });

// Fixture: one subject with a mesh to read.
await fetch(base + '/api/subjects', post('', { seed: 7, index: 2 }).init);
await fetch(base + '/api/subjects/syn-7-2/mesh', post('', { paths: 300 }).init);

/** Request i of the mix (deterministic): what is asked, and the status class we expect. */
function request(i) {
  switch (i % 10) {
    case 0: case 1: return { kind: 'GET /demo', path: '/demo', init: {} };
    case 2: return { kind: 'GET /api/status', path: '/api/status', init: {} };
    case 3: case 4: return { kind: 'POST /api/subjects', ...post('/api/subjects', { seed: 1000 + (i % 500), index: i % 7 }) };
    case 5: return { kind: 'GET /api/subjects/:id', path: '/api/subjects/syn-7-2', init: {} };
    case 6: return { kind: 'GET /api/subjects/:id/mesh', path: '/api/subjects/syn-7-2/mesh', init: {} };
    case 7: return { kind: 'GET mesh/wealth (npy)', path: '/api/subjects/syn-7-2/mesh/wealth', init: { headers: { accept: 'application/x-npy' } } };
    case 8: return { kind: 'POST invalid body (400)', ...post('/api/subjects', { seed: 'x' }) };
    default: return { kind: 'GET unknown id (404)', path: `/api/subjects/syn-9-${i}`, init: {} };
  }
}

const latencies = new Float64Array(TOTAL);
const byKind = new Map();
const classes = { '2xx': 0, '4xx': 0, '5xx': 0, other: 0 };
let next = 0;
const t0 = performance.now();
async function client() {
  for (let i = next++; i < TOTAL; i = next++) {
    const r = request(i);
    const start = performance.now();
    const res = await fetch(base + r.path, r.init);
    await res.arrayBuffer();
    const ms = performance.now() - start;
    latencies[i] = ms;
    const cls = res.status >= 500 ? '5xx' : res.status >= 400 ? '4xx' : res.status >= 200 && res.status < 300 ? '2xx' : 'other';
    classes[cls]++;
    const k = byKind.get(r.kind) ?? { n: 0, ms: [], statuses: new Set() };
    k.n++; k.ms.push(ms); k.statuses.add(res.status);
    byKind.set(r.kind, k);
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, client));
const wall = performance.now() - t0;
await app.close();

const pct = (arr, q) => { const s = Float64Array.from(arr).sort(); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const rows = [...byKind].map(([kind, k]) => ({ kind, n: k.n, statuses: [...k.statuses].join(','), p50: +pct(k.ms, 0.5).toFixed(2), p99: +pct(k.ms, 0.99).toFixed(2) }));
console.table(rows);
const summary = { requests: TOTAL, concurrency: CONCURRENCY, wallMs: Math.round(wall), perSecond: Math.round(TOTAL / (wall / 1000)), ...classes, p50: +pct(latencies, 0.5).toFixed(2), p99: +pct(latencies, 0.99).toFixed(2), node: process.version };
console.log(JSON.stringify(summary));
if (classes['5xx'] > 0) {
  console.error(`FAIL: ${classes['5xx']} responses were 5xx`);
  process.exit(1);
}
