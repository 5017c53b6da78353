/** The API over real HTTP on loopback: subjects, mesh, payments, time, errors. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { postJson, serve, type Served } from './serve.js';

let server: Served;
let base: string;
const SUBJECT = 'syn-7-2'; // seed 7, index 2 has a medical milestone inside 10 years (found by /demo too)

beforeAll(async () => {
  server = await serve({ bodyLimit: 4096, convertBodyLimit: 64 * 1024, maxSubjects: 50 });
  base = server.base;
});
afterAll(() => server.close());

async function json(res: Response): Promise<any> {
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return res.json();
}

describe('subjects', () => {
  test('create from a seed, read back, repeat is idempotent', async () => {
    const created = await postJson(base, '/api/subjects', { seed: 7, index: 2 });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/subjects/${SUBJECT}`);
    const subject = await json(created);
    expect(subject).toMatchObject({ id: SUBJECT, source: { seed: 7, index: 2, start: '2025-07-01', historyMonths: 0 }, overridden: [] });
    expect(subject.person.id).toBe(SUBJECT);
    const again = await postJson(base, '/api/subjects', { seed: 7, index: 2 });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(subject);
    const read = await fetch(`${base}/api/subjects/${SUBJECT}`);
    expect(read.status).toBe(200);
    expect(await json(read)).toEqual(subject);
  });

  test('a partial profile overrides fields, keeps assets − debts, and gets its own id', async () => {
    const res = await postJson(base, '/api/subjects', {
      seed: 7, index: 2, profile: { givenName: 'Ada', assets: { savingsCents: 5_000_000 }, milestones: [{ type: 'car-purchase', date: '2027-03-01', amountCents: 2_500_000 }] },
    });
    expect(res.status).toBe(201);
    const s = await json(res);
    expect(s.id).toMatch(/^syn-7-2-p\d+$/);
    expect(s.overridden).toEqual(['givenName', 'assets.savingsCents', 'milestones']);
    expect(s.person.givenName).toBe('Ada');
    expect(s.person.assets.savingsCents).toBe(5_000_000);
    const assets = Object.values(s.person.assets as Record<string, number>).reduce((a, b) => a + b, 0);
    const debts = (s.person.debts as { balanceCents: number }[]).reduce((a, d) => a + d.balanceCents, 0);
    expect(s.person.netWorthCents).toBe(assets - debts);
    expect(s.person.milestones).toEqual([{ id: 'm1', type: 'car-purchase', date: '2027-03-01', amountCents: 2_500_000, probability: 1, paymentFlexibility: { kind: 'fixed', maxDeferralMonths: 0, maxInstallments: 1, minUpfrontShare: 1 } }]);
    expect(s.person.narrative).toBe('');
  });

  test.each([
    [{ seed: '7' }, 'body.seed'],
    [{}, 'body.seed'],
    [{ seed: -1 }, 'body.seed'],
    [{ seed: 1, colour: 'red' }, 'body.colour'],
    [{ seed: 1, start: '2025-02-30' }, 'body.start'],
    [{ seed: 1, historyMonths: 37 }, 'body.historyMonths'],
    [{ seed: 1, profile: { milestones: [{ type: 'yacht', date: '2030-01-01', amountCents: 1 }] } }, 'body.profile.milestones[0].type'],
  ])('invalid body %j → 400 naming %s', async (body, field) => {
    const res = await postJson(base, '/api/subjects', body);
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  test('unknown id → 404, malformed id → 400', async () => {
    const missing = await fetch(`${base}/api/subjects/syn-1-999`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error).toMatchObject({ code: 'NOT_FOUND', field: 'params.id' });
    const bad = await fetch(`${base}/api/subjects/${encodeURIComponent('a b')}`);
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.field).toBe('params.id');
    const noRoute = await fetch(`${base}/api/nothing`);
    expect(noRoute.status).toBe(404);
  });

  test('malformed JSON → 400, wrong content type → 415, body over the limit → 413', async () => {
    const malformed = await fetch(`${base}/api/subjects`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"seed": 7,' });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).error.field).toBe('body');
    const wrongType = await fetch(`${base}/api/subjects`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<seed>7</seed>' });
    expect(wrongType.status).toBe(415);
    const big = await postJson(base, '/api/subjects', { seed: 1, profile: { givenName: 'x'.repeat(80), familyName: 'y'.repeat(5000) } });
    expect(big.status).toBe(413);
    expect((await json(big)).error.code).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
  });
});

describe('mesh, payments, time', () => {
  let mesh: any;

  test('mesh before creation → 404; creation → bands ordered by percentile', async () => {
    await postJson(base, '/api/subjects', { seed: 7, index: 2 });
    expect((await fetch(`${base}/api/subjects/${SUBJECT}/mesh`)).status).toBe(404);
    const res = await postJson(base, `/api/subjects/${SUBJECT}/mesh`, { paths: 300, horizonYears: 10 });
    expect(res.status).toBe(201);
    mesh = await json(res);
    expect(mesh).toMatchObject({ subjectId: SUBJECT, paths: 300, steps: 120, now: '2025-07-01', position: 0, horizon: '2035-07-01' });
    expect(mesh.bands.percentiles).toEqual([5, 25, 50, 75, 95]);
    expect(mesh.bands.dates).toHaveLength(121);
    for (let j = 0; j < mesh.bands.dates.length; j++) {
      for (let k = 1; k < 5; k++) expect(mesh.bands.values[k][j]).toBeGreaterThanOrEqual(mesh.bands.values[k - 1][j]);
    }
    expect(mesh.milestones.length).toBeGreaterThan(0);
    for (const f of mesh.funding) expect(f.probability).toBeGreaterThanOrEqual(0);
    for (const f of mesh.funding) expect(f.probability).toBeLessThanOrEqual(1);
  });

  test('a payment lowers the balance by its amount and is recorded', async () => {
    const milestone = mesh.milestones[0];
    const res = await postJson(base, `/api/subjects/${SUBJECT}/payments`, { milestoneId: milestone.id, parts: [{ when: 'now', amount: 1000 }, { when: '2026-01-01', fraction: 0.1 }] });
    expect(res.status).toBe(201);
    const out = await json(res);
    expect(out.made).toEqual([{ milestoneId: milestone.id, amount: 1000, date: '2025-07-01' }]);
    expect(out.mesh.balance).toBeCloseTo(mesh.balance - 1000, 2);
    const after = out.mesh.milestones.find((m: any) => m.id === milestone.id);
    expect(after.paid).toBe(1000);
    expect(after.scheduled).toEqual([{ amount: Math.round(milestone.amount * 0.1 * 100) / 100, date: '2026-01-01', condition: null }]);
    expect(out.mesh.payments).toHaveLength(1);
    mesh = out.mesh;
  });

  test('payment errors: too much → 422, unknown milestone → 404, two kinds in one part → 400', async () => {
    const tooMuch = await postJson(base, `/api/subjects/${SUBJECT}/payments`, { milestoneId: mesh.milestones[0].id, parts: [{ when: 'now', amount: 1e11 }] });
    expect([400, 422]).toContain(tooMuch.status);
    expect((await json(tooMuch)).error.message).toMatch(/remaining|exceeds/);
    const unknown = await postJson(base, `/api/subjects/${SUBJECT}/payments`, { milestoneId: 'm99', parts: [{ when: 'now', amount: 1 }] });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.field).toBe('milestoneId');
    const both = await postJson(base, `/api/subjects/${SUBJECT}/payments`, { milestoneId: mesh.milestones[0].id, parts: [{ when: 'now', amount: 1, fraction: 0.1 }] });
    expect(both.status).toBe(400);
    expect((await json(both)).error.field).toBe('body.parts[0]');
    const past = await postJson(base, `/api/subjects/${SUBJECT}/payments`, { milestoneId: mesh.milestones[0].id, parts: [{ when: '2020-01-01', amount: 1 }] });
    expect(past.status).toBe(400);
    expect((await json(past)).error.field).toBe('body.parts[0].when');
  });

  test('advance moves the position; the scheduled part is executed on the way; past the horizon → 422', async () => {
    const res = await postJson(base, `/api/subjects/${SUBJECT}/advance`, { months: 7 });
    expect(res.status).toBe(200);
    const moved = await json(res);
    expect(moved.now).toBe('2026-02-01');
    expect(moved.position).toBe(7);
    expect(moved.bands.dates[0]).toBe('2026-02-01');
    expect(moved.payments.map((p: any) => p.date)).toEqual(['2025-07-01', '2026-01-01']);
    const neither = await postJson(base, `/api/subjects/${SUBJECT}/advance`, {});
    expect(neither.status).toBe(400);
    const beyond = await postJson(base, `/api/subjects/${SUBJECT}/advance`, { to: '2040-01-01' });
    expect(beyond.status).toBe(422);
    expect((await json(beyond)).error.field).toBe('body.to');
  });
});

describe('nothing a client sends yields a 500 or a stack trace', () => {
  const cases: [string, string, unknown][] = [
    ['POST', '/api/subjects', null], ['POST', '/api/subjects', []], ['POST', '/api/subjects', 'seed'], ['POST', '/api/subjects', { seed: 1e300 }],
    ['POST', `/api/subjects/${SUBJECT}/mesh`, { paths: 1 }], ['POST', `/api/subjects/${SUBJECT}/mesh`, { market: { mu: 0.1 } }],
    ['POST', `/api/subjects/${SUBJECT}/payments`, { milestoneId: 'm1', parts: [] }], ['POST', `/api/subjects/${SUBJECT}/payments`, { milestoneId: 'm1', parts: [{ when: 'soon', amount: 1 }] }],
    ['POST', `/api/subjects/${SUBJECT}/payments`, { milestoneId: 'm1', parts: [{ when: { wealthAtLeast: 'x' }, rest: true }] }],
    ['POST', `/api/subjects/${SUBJECT}/advance`, { months: 1, to: '2030-01-01' }], ['POST', `/api/subjects/${SUBJECT}/advance`, { to: '2025-13-01' }],
    ['GET', `/api/subjects/${SUBJECT}/recommendations?months=abc`, undefined], ['GET', '/api/evaluations/ev-999', undefined], ['GET', '/api/evaluations/x', undefined],
    ['POST', '/api/evaluations', { subjects: 0, seed: 1 }], ['GET', '/demo?seed=-3', undefined], ['GET', `/api/subjects/${SUBJECT}?format=pdf`, undefined],
  ];
  test.each(cases)('%s %s %j', async (method, path, body) => {
    const res = await fetch(base + path, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    expect(JSON.parse(text).error.message.length).toBeGreaterThan(0);
  });
});
