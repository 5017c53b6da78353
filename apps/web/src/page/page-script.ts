/**
 * The page's script, sent inline as text (no bundler). Plain ES2020 for the browser: it drives the same JSON API
 * a client would, draws the fan chart as SVG, and wires the payment and advance controls.
 */
export const PAGE_SCRIPT = String.raw`
'use strict';
const SVG = 'http://www.w3.org/2000/svg';
const W = 860, H = 380, PAD = { l: 78, r: 16, t: 16, b: 34 };
const state = { id: null, mesh: null, version: 0 };
const $ = (id) => document.getElementById(id);

async function api(method, url, body) {
  const res = await fetch(url, { method, headers: body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const data = await res.json();
  if (!res.ok) { const e = new Error(data.error ? data.error.message : ('HTTP ' + res.status)); e.status = res.status; throw e; }
  return data;
}

function setStatus(text, isError) {
  const el = $('status');
  el.textContent = text;
  el.className = isError ? 'error' : '';
}

const money = (x) => (x < 0 ? '-$' : '$') + Math.round(Math.abs(x)).toLocaleString('en-US');
const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const k in attrs) node.setAttribute(k, String(attrs[k]));
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawChart(mesh) {
  const svg = $('chart');
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const b = mesh.bands;
  const past = mesh.history.filter((h) => h.date < mesh.now);
  const x0 = Math.min(dayOf(b.dates[0]), ...past.map((h) => dayOf(h.date)));
  const x1 = dayOf(b.dates[b.dates.length - 1]);
  const all = b.values[0].concat(b.values[b.values.length - 1], past.map((h) => h.wealth), [0]);
  let y0 = Math.min(...all), y1 = Math.max(...all);
  if (y1 === y0) y1 = y0 + 1;
  const X = (iso) => PAD.l + ((dayOf(iso) - x0) / Math.max(1, x1 - x0)) * (W - PAD.l - PAD.r);
  const Y = (v) => H - PAD.b - ((v - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  const line = (vals) => vals.map((v, j) => (j ? 'L' : 'M') + X(b.dates[j]).toFixed(1) + ' ' + Y(v).toFixed(1)).join(' ');
  const area = (lo, hi) => line(hi) + ' ' + lo.map((v, j) => j).reverse().map((j) => 'L' + X(b.dates[j]).toFixed(1) + ' ' + Y(lo[j]).toFixed(1)).join(' ') + ' Z';
  for (let k = 0; k <= 4; k++) {
    const v = y0 + ((y1 - y0) * k) / 4;
    svg.appendChild(el('line', { x1: PAD.l, x2: W - PAD.r, y1: Y(v), y2: Y(v), class: 'grid' }));
    svg.appendChild(el('text', { x: PAD.l - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'axis' }, money(v)));
  }
  svg.appendChild(el('line', { x1: PAD.l, x2: W - PAD.r, y1: Y(0), y2: Y(0), class: 'zero' }));
  const n = b.percentiles.length;
  svg.appendChild(el('path', { id: 'band-outer', d: area(b.values[0], b.values[n - 1]), class: 'band-outer' }));
  svg.appendChild(el('path', { id: 'band-inner', d: area(b.values[1], b.values[n - 2]), class: 'band-inner' }));
  svg.appendChild(el('path', { id: 'median', d: line(b.values[Math.floor(n / 2)]), class: 'median' }));
  if (past.length) {
    const pts = past.concat([{ date: mesh.now, wealth: mesh.balance }]);
    svg.appendChild(el('path', { id: 'history', d: pts.map((h, j) => (j ? 'L' : 'M') + X(h.date).toFixed(1) + ' ' + Y(h.wealth).toFixed(1)).join(' '), class: 'history' }));
  }
  svg.appendChild(el('line', { x1: X(mesh.now), x2: X(mesh.now), y1: PAD.t, y2: H - PAD.b, class: 'now' }));
  svg.appendChild(el('text', { x: X(mesh.now) + 4, y: PAD.t + 12, class: 'axis' }, 'now ' + mesh.now));
  for (const m of mesh.milestones) {
    const x = X(m.dueDate);
    const g = el('g', { class: 'milestone', 'data-milestone': m.id });
    g.appendChild(el('line', { x1: x, x2: x, y1: PAD.t, y2: H - PAD.b }));
    g.appendChild(el('text', { x: x + 3, y: H - PAD.b - 6, class: 'axis' }, m.id + ' ' + m.name));
    svg.appendChild(g);
  }
  for (const p of mesh.payments) {
    const node = mesh.history.find((h) => h.id === p.nodeId);
    const c = el('circle', { cx: X(p.date), cy: Y(node ? node.wealth : 0), r: 6, class: 'payment', 'data-milestone': p.milestoneId });
    c.appendChild(el('title', {}, 'paid ' + money(p.amount) + ' to ' + p.milestoneId + ' on ' + p.date));
    svg.appendChild(c);
  }
  const ticks = [[b.dates[0], 'start'], [b.dates[Math.floor(b.dates.length / 2)], 'middle'], [b.dates[b.dates.length - 1], 'end']];
  for (const [t, anchor] of ticks) svg.appendChild(el('text', { x: X(t), y: H - 10, 'text-anchor': anchor, class: 'axis' }, t));
  state.version += 1;
  svg.setAttribute('data-version', String(state.version));
}

function renderMesh(mesh) {
  state.mesh = mesh;
  drawChart(mesh);
  $('now').textContent = mesh.now;
  $('balance').textContent = money(mesh.balance);
  $('ruin').textContent = (100 * mesh.ruinProbability.value).toFixed(1) + '%';
  const select = $('milestone');
  const chosen = select.value;
  select.innerHTML = '';
  const rows = [];
  for (const m of mesh.milestones) {
    const f = mesh.funding.find((x) => x.milestoneId === m.id);
    rows.push('<tr><td>' + m.id + '</td><td>' + m.name + '</td><td>' + m.dueDate + '</td><td>' + money(m.amount) + '</td><td>' + money(m.paid) + '</td><td>' + (f ? (100 * f.probability).toFixed(1) + '%' : '') + '</td></tr>');
    if (m.remaining > 0.005) {
      const o = document.createElement('option');
      o.value = m.id;
      o.textContent = m.id + ' ' + m.name + ' (' + money(m.remaining) + ' left)';
      select.appendChild(o);
    }
  }
  if (chosen) select.value = chosen;
  $('milestones').innerHTML = rows.join('') || '<tr><td colspan="6">No milestones inside the horizon.</td></tr>';
  $('payments').textContent = mesh.payments.length ? mesh.payments.map((p) => p.date + ': ' + money(p.amount) + ' to ' + p.milestoneId).join('; ') : 'none yet';
}

async function loadRecommendations() {
  const box = $('recommendations');
  box.textContent = 'Loading…';
  try {
    const data = await api('GET', '/api/subjects/' + state.id + '/recommendations?months=6');
    const recs = (data.result && data.result.recommendations) || [];
    box.innerHTML = '';
    if (!recs.length) { box.textContent = 'No recommendations for this period.'; return; }
    const ul = document.createElement('ul');
    for (const r of recs.slice(0, 12)) {
      const li = document.createElement('li');
      li.textContent = r.date + ' · ' + r.kind + ' · ' + money(r.amountCents / 100) + ' — ' + r.rationale;
      ul.appendChild(li);
    }
    box.appendChild(ul);
  } catch (e) {
    box.textContent = e.status === 503 ? 'Recommendations unavailable: ' + e.message : 'Could not load recommendations: ' + e.message;
  }
}

async function pay(event) {
  event.preventDefault();
  const amount = Number($('amount').value);
  const date = $('pay-date').value;
  try {
    const out = await api('POST', '/api/subjects/' + state.id + '/payments', { milestoneId: $('milestone').value, parts: [{ when: date && date !== state.mesh.now ? date : 'now', amount }] });
    renderMesh(out.mesh);
    setStatus(out.made.length ? 'Paid ' + money(out.made[0].amount) + ' to ' + out.made[0].milestoneId + '.' : 'Payment scheduled.');
  } catch (e) { setStatus('Payment refused: ' + e.message, true); }
}

async function advance(event) {
  event.preventDefault();
  try {
    renderMesh(await api('POST', '/api/subjects/' + state.id + '/advance', { months: Number($('months').value) }));
    setStatus('Advanced to ' + state.mesh.now + '.');
    loadRecommendations();
  } catch (e) { setStatus('Cannot advance: ' + e.message, true); }
}

async function main() {
  const seed = Number(new URLSearchParams(location.search).get('seed') || '7');
  try {
    const demo = await api('GET', '/demo?seed=' + seed);
    const subject = await api('POST', '/api/subjects', { seed: seed, index: demo.subject.index });
    state.id = subject.id;
    const p = subject.person;
    $('who').textContent = p.givenName + ' ' + p.familyName + ', ' + p.age + ', ' + p.occupation.title + ', ' + p.location.city + ', ' + p.location.state + ' (' + subject.id + ')';
    renderMesh(await api('POST', '/api/subjects/' + state.id + '/mesh', { paths: 400 }));
    $('pay-form').addEventListener('submit', pay);
    $('advance-form').addEventListener('submit', advance);
    document.body.setAttribute('data-ready', 'true');
    setStatus('Ready.');
    loadRecommendations();
  } catch (e) { setStatus('Could not start: ' + e.message, true); }
}
main();
`;
