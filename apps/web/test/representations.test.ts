/** Content negotiation, /api/convert, /demo, and the run-time capabilities, over real HTTP. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NDArray, decode, encode, fromJSONSafe } from '@omega/storage';
import { negotiate } from '../src/index.js';
import { postJson, serve, type Served } from './serve.js';

let server: Served;
let base: string;
const SUBJECT = 'syn-7-2';

beforeAll(async () => {
  server = await serve({ convertBodyLimit: 64 * 1024 });
  base = server.base;
  await postJson(base, '/api/subjects', { seed: 7, index: 2 });
  await postJson(base, `/api/subjects/${SUBJECT}/mesh`, { paths: 50, horizonYears: 2 });
});
afterAll(() => server.close());

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe('negotiate', () => {
  test('q values, wildcards, the format override and refusals', () => {
    expect(negotiate(undefined, undefined)).toBe('json');
    expect(negotiate('*/*', undefined)).toBe('json');
    expect(negotiate('application/x-npy;q=0.5, application/x-hdf5', undefined)).toBe('hdf5');
    expect(negotiate('application/*;q=0.1, application/x-safetensors', undefined, ['json', 'safetensors'])).toBe('safetensors');
    expect(negotiate('text/html, application/json;q=0.9', undefined)).toBe('json');
    expect(negotiate('application/json', 'npy')).toBe('npy');
    expect(() => negotiate('image/png', undefined)).toThrow(/none of the accepted media types/);
    expect(() => negotiate(undefined, 'npy', ['json'])).toThrow(/cannot be sent as npy/);
    expect(() => negotiate(undefined, 'pdf')).toThrow(/query.format/);
  });
});

describe('representations of one value agree', () => {
  test('mesh wealth: JSON, compressed text, npy and HDF5 decode to the same array', async () => {
    const url = `${base}/api/subjects/${SUBJECT}/mesh/wealth`;
    const asJson = await fetch(url);
    expect(asJson.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const fromJson = fromJSONSafe(await asJson.json()) as NDArray;
    expect(fromJson).toBeInstanceOf(NDArray);
    expect(fromJson.shape).toEqual([50, 25]);

    const asCompressed = await fetch(url, { headers: { accept: 'application/x-omega-compressed' } });
    expect(asCompressed.headers.get('content-type')).toBe('application/x-omega-compressed; charset=us-ascii');
    const text = await asCompressed.text();
    expect(text).toMatch(/^eJ[A-Za-z0-9+/]+=*$/); // zlib 78 9C → base64 "eJ"
    expect(await decode(text, 'compressed')).toEqual(fromJson);

    const asNpy = await fetch(url, { headers: { accept: 'application/x-npy' } });
    expect(asNpy.headers.get('content-type')).toBe('application/x-npy');
    const npy = await bytesOf(asNpy);
    expect(Buffer.from(npy.subarray(0, 6)).toString('latin1')).toBe('\x93NUMPY');
    expect(await decode(npy, 'npy')).toEqual(fromJson);

    const asHdf5 = await fetch(`${url}?format=hdf5`);
    expect(asHdf5.headers.get('content-type')).toBe('application/x-hdf5');
    const h5 = await bytesOf(asHdf5);
    expect(Buffer.from(h5.subarray(0, 4)).toString('latin1')).toBe('\x89HDF');
  });

  test('mesh arrays as safetensors and npz; the structured mesh view refuses npy with 406', async () => {
    const url = `${base}/api/subjects/${SUBJECT}/mesh/arrays`;
    const json = fromJSONSafe(await (await fetch(url)).json()) as Record<string, NDArray>;
    expect(Object.keys(json).sort()).toEqual(['bands', 'percentiles', 'times', 'wealth']);
    expect(json.bands!.shape).toEqual([5, 25]);
    const st = await fetch(url, { headers: { accept: 'application/x-safetensors' } });
    expect(st.headers.get('content-type')).toBe('application/x-safetensors');
    expect(await decode(await bytesOf(st), 'safetensors')).toEqual(json);
    const npz = await fetch(url, { headers: { accept: 'application/x-npz' } });
    expect(await decode(await bytesOf(npz), 'npz')).toEqual(json);
    const refused = await fetch(`${base}/api/subjects/${SUBJECT}/mesh`, { headers: { accept: 'application/x-npy' } });
    expect(refused.status).toBe(406);
    expect(((await refused.json()) as any).error.field).toBe('headers.accept');
  });
});

describe('POST /api/convert', () => {
  test('npy and compressed uploads come back as typed JSON equal to the value', async () => {
    const arr = new NDArray('float32', [2, 3], Float32Array.from([1, 2, 3, 4, 5, 6.5]));
    const npy = (await encode(arr, 'npy')) as Uint8Array;
    const res = await fetch(`${base}/api/convert`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: npy });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-omega-source-format')).toBe('npy');
    const body = await res.json();
    expect(body).toEqual({ __type__: 'numpy_array', dtype: 'float32', shape: [2, 3], data: [[1, 2, 3], [4, 5, 6.5]] });
    const value = { when: new Date('2025-01-02T03:04:05Z'), big: 2n ** 70n, arr };
    const compressed = (await encode(value, 'compressed')) as string;
    const res2 = await fetch(`${base}/api/convert`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: compressed });
    expect(res2.headers.get('x-omega-source-format')).toBe('compressed');
    expect(fromJSONSafe(await res2.json())).toEqual(value);
  });

  test('garbage, truncated, empty and oversized uploads are 4xx with a message', async () => {
    const npy = (await encode(new NDArray('float64', [100], new Float64Array(100)), 'npy')) as Uint8Array;
    const cases: [Uint8Array | string, number][] = [
      ['hello, this is not a known format', 400],
      [npy.subarray(0, npy.length - 7), 400],
      ['', 400],
      [new Uint8Array(70 * 1024), 413],
    ];
    for (const [body, status] of cases) {
      const res = await fetch(`${base}/api/convert`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
      expect(res.status, String(body).slice(0, 20)).toBe(status);
      expect(((await res.json()) as any).error.message).toBeTruthy();
    }
  });
});

describe('/demo, the page, and the run-time engines', () => {
  test('/demo has the subject, a mesh after a three-part payment, system status and recommendations', async () => {
    const demo = (await (await fetch(`${base}/demo`)).json()) as any;
    expect(demo.subject.id).toBe('syn-7-2');
    const parts = demo.payment.request.parts;
    expect(parts).toHaveLength(3);
    expect(parts.map((p: any) => Object.keys(p).filter((k) => k !== 'when')[0])).toEqual(['amount', 'fraction', 'rest']);
    expect(demo.payment.madeNow).toEqual([{ milestoneId: demo.payment.request.milestoneId, amount: parts[0].amount, date: '2025-07-01' }]);
    const m = demo.mesh.milestones.find((x: any) => x.id === demo.payment.request.milestoneId);
    expect(m.scheduled.map((s: any) => s.condition === null ? 'date' : 'condition')).toEqual(['date', 'condition']);
    expect(demo.system.service).toBe('@omega/web');
    expect(typeof demo.recommendations.available).toBe('boolean');
  });

  test('recommendations and evaluations: real results when the packages are built, else 503 naming them', async () => {
    const recModule: Record<string, unknown> = await import('@omega/recommendations' as string);
    const rec = await fetch(`${base}/api/subjects/${SUBJECT}/recommendations?months=2&paths=50`);
    if (typeof recModule.recommend === 'function') {
      expect(rec.status).toBe(200);
      expect(((await rec.json()) as any).result).toBeTruthy();
    } else {
      expect(rec.status).toBe(503);
      expect(((await rec.json()) as any).error).toMatchObject({ code: 'CAPABILITY_UNAVAILABLE', message: expect.stringContaining('@omega/recommendations recommend()') });
    }
    const evalModule: Record<string, unknown> = await import('@omega/evaluation' as string);
    const ev = await postJson(base, '/api/evaluations', { subjects: 1, seed: 1 });
    if (typeof evalModule.runEvaluation === 'function') {
      expect(ev.status).toBe(202);
      const { id } = (await ev.json()) as any;
      let record: any;
      for (let i = 0; i < 200; i++) {
        record = await (await fetch(`${base}/api/evaluations/${id}`)).json();
        if (record.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(record.status).toBe('done');
      expect(record.result.aggregate).toBeTruthy();
      expect(typeof record.result.engine).toBe('string');
    } else {
      expect(ev.status).toBe(503);
      expect(((await ev.json()) as any).error.message).toContain('@omega/evaluation runEvaluation()');
    }
  });

  test('GET / serves the page as HTML', async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<svg id="chart"');
    expect(html).toContain('id="pay-form"');
  });
});
