/**
 * The one-pass typed-JSON reader must be invisible: for any text, `decode` gives exactly what JSON.parse + the tree
 * decoders give (the same value bit for bit, or the same error with the same path) — the reader either agrees or
 * gives up. Checked on hand-picked edge cases and on seeded mutations of real documents.
 */
import { readFileSync } from 'node:fs';
import { Complex } from 'complex.js';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, DLFriendlyStorage, NDArray, PreciseDate, builtinFormats, createRegistry, defaultRegistry, encode, resolvePolicy, toJSONSafe, type CustomCodec, type LoadPolicy } from '../src/index.js';
import { decodeTypedJSONText, decodeViaJSONParse, textDecodeOptions } from '../src/formats/json.js';
import { pathFreeReaderHooks } from '../src/values/typed-json-decode.js';
import { readTypedJSON } from '../src/values/typed-json-read.js';
import { valueArbitrary } from './support/arbitraries.js';
import { assertBitEqual } from './support/bit-equal.js';
import { arrayOf } from './support/sample-values.js';

const SEED_DIR = new URL('../../../../shared/fixtures/python-legacy/seed/', import.meta.url);

function context(policy: Partial<LoadPolicy> = {}) {
  return { registry: defaultRegistry, policy: resolvePolicy(DEFAULT_POLICY, policy), options: {} };
}

type Outcome = { value: unknown } | { error: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    const e = error as { constructor: { name: string }; code?: string; path?: string; expected?: string; received?: string; message: string };
    return { error: JSON.stringify([e.constructor.name, e.code, e.path, e.expected, e.received, e.message]) };
  }
}

/** decode (reader first) and the JSON.parse path agree on `text`: same value bit for bit, or the same error. */
function expectSameAsJSONParse(text: string, policy: Partial<LoadPolicy> = {}): Outcome {
  const ctx = context(policy);
  const viaReader = outcome(() => decodeTypedJSONText(text, ctx));
  const viaParse = outcome(() => decodeViaJSONParse(text, textDecodeOptions(ctx)));
  if ('error' in viaParse) expect('error' in viaReader ? viaReader : { value: 'a value' }, text.slice(0, 300)).toEqual(viaParse);
  else {
    expect('value' in viaReader ? 'a value' : viaReader, text.slice(0, 300)).toBe('a value');
    assertBitEqual((viaReader as { value: unknown }).value, viaParse.value);
  }
  return viaReader;
}

/** Does the reader itself decode `text` (rather than hand it to JSON.parse)? */
function readerTakes(text: string): boolean {
  const ctx = context();
  try {
    readTypedJSON(text, pathFreeReaderHooks(textDecodeOptions(ctx)));
    return true;
  } catch (error) {
    // READ_GAVE_UP, or an error of the marker walk (which the slow path then reports with its path)
    if (error instanceof Error) return false;
    throw error;
  }
}

function records(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i,
    name: `subject-${i}`,
    ts: i % 2 ? new PreciseDate(Date.UTC(2025, 0, 1) + i * 3_600_000, 7) : new Date(Date.UTC(2025, 0, 1) + i * 3_600_000),
    values: arrayOf('float64', [16], i + 1).data,
    tags: ['a', `t${i % 7}`],
  }));
}

/** One document with every marker our writer emits, escapes, unicode and awkward keys. */
async function richDocument(): Promise<string> {
  const value = {
    records: records(3),
    arrays: [arrayOf('float32', [3, 4]), arrayOf('int64', [20]), arrayOf('bool', [9]), arrayOf('complex128', [10]), arrayOf('float16', [2, 2]), arrayOf('uint8', [0, 3]), new NDArray('str', [2], ['x', 'ÿ']), new NDArray('float64', [16], arrayOf('float64', [16]).data, { tensor: true })],
    scalars: [NaN, -0, Infinity, -Infinity, 2n ** 70n, undefined, null, true, 1e300, -1.5e-7, 9007199254740991],
    dates: [new Date(NaN), new Date(Date.UTC(-50, 0, 1)), new PreciseDate(0, 999)],
    containers: [new Map<unknown, unknown>([[1, new Date(0)], ['k', [1, 2]]]), new Set(['a', 1n]), new Uint8Array([0, 255, 7]), new Complex(1, -0), new Decimal('1.25')],
    strings: ['quote " backslash \\ slash /', 'tab\tnewline\n', 'Zoë ☃ 😀', 'lone \ud800', '\u2028'],
    'key with "quotes"': 1,
    'ключ': 2,
    escaped: { __type__: 'user data', n: 1.5 },
    nested: { __proto__: 1, constructor: { prototype: 2 }, '0': 'index key', deep: [[[[{ a: [] }]]], {}] },
  };
  return (await encode(value, 'json')) as string;
}

describe('one-pass typed-JSON reader', () => {
  it('decodes our own record output itself (no fallback) and agrees with JSON.parse', async () => {
    const text = (await encode(records(50), 'json')) as string;
    expect(readerTakes(text)).toBe(true);
    expectSameAsJSONParse(text);
  });

  it('agrees with JSON.parse on a document with every marker, escapes and awkward keys', async () => {
    const text = await richDocument();
    expect(readerTakes(text)).toBe(true);
    expectSameAsJSONParse(text);
    // Python's json.dumps spacing and indentation: the reader takes it too.
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect(readerTakes(pretty)).toBe(true);
    expectSameAsJSONParse(pretty);
  });

  it('agrees with JSON.parse on every seed fixture', () => {
    for (const name of ['arrays_saved_as.json', 'plain_legacy.json', 'results.json', 'truncated_mesh.json', 'user_type_key.json']) {
      expectSameAsJSONParse(readFileSync(new URL(name, SEED_DIR), 'utf8'));
    }
  });

  it('agrees with JSON.parse on hand-picked edge cases', () => {
    const cases = [
      '1', '-0', '"x"', 'null', 'true', 'false', '[]', '{}', ' [ 1 , 2 ] ', '[1,]', '{"a":1,}', '01', '1.', '.5', '-', '1e', '1e+',
      '0.5e-3', '1E+2', '-9007199254740991', '9007199254740993', '123456789012345678901234567890', '1e400', '[NaN, Infinity, -Infinity]',
      '"\\u0041\\ud83d\\ude00"', '"\\x"', '"a\u0001b"', '"unterminated', '{"a" 1}', '{"a":1 "b":2}', '{"a":1}x', '\ufeff{}',
      '{"a":1,"a":2}', '{"__proto__":{"x":1}}', '{"__proto__":1,"__proto__":2}', '{"1":"a","0":"b"}', '{"a\\"b":1}', '{"a":{"__type__":"bigint","value":"12"},"__type__":"x"}',
      '{"x":1,"__type__":"datetime","iso":"2025-01-01T00:00:00+00:00"}', '{"__type__":"datetime","iso":"2025-02-30T00:00:00+00:00"}',
      '{"__type__":"datetime","iso":"2025-01-01T00:00:00.5+02:00"}', '{"__type__":"datetime","iso":"2025-01-01T00:00:00+00:00","extra":1}',
      '{"__type__":"datetime","iso":"2025-01-01T00:00:00\\u002b00:00"}', '{"__type__":"datetime","iso":null}', '{"__type__":"unknown","v":{"__type__":"bigint","value":"1"}}',
      '{"__type__":"numpy_array","dtype":"float64","shape":[2],"encoding":"base64","data":"AAAAAAAA+D8AAAAAAADwfw=="}',
      '{"__type__":"numpy_array","dtype":"<f8","shape":[2],"encoding":"base64","data":"AAAAAAAA+D8AAAAAAADwfw=="}',
      '{"__type__":"numpy_array","dtype":"float64","shape":[3],"encoding":"base64","data":"AAAAAAAA+D8AAAAAAADwfw=="}',
      '{"__type__":"numpy_array","dtype":"float64","shape":[2],"encoding":"base64","data":"AAAAAAAA+D8AAAAAAADwfw="}',
      '{"__type__":"numpy_array","dtype":"float64","shape":[2],"encoding":"base64","data":"AAAAAAAA+D8AAAAAAADwf\\u0077=="}',
      '{"__type__":"numpy_array","dtype":"float64","shape":[2],"encoding":"base64","data":"AAAAAAAA+D8AAAAAAADw*w=="}',
      '{"__type__":"numpy_array","dtype":"uint8","shape":[1],"encoding":"base64","data":"AB=="}',
      '{"__type__":"numpy_array","dtype":"uint8","shape":[1],"encoding":"base64","data":"AA=="}',
      '{"__type__":"numpy_array","dtype":"uint8","shape":[2],"encoding":"base64","data":"AAB="}',
      '{"__type__":"numpy_array","dtype":"uint8","shape":[2],"encoding":"base64","data":"AAA="}',
      '{"__type__":"numpy_array","dtype":"uint8","shape":[0],"encoding":"base64","data":""}',
      '{"__type__":"numpy_array","dtype":"int32","shape":[],"encoding":"base64","data":"KgAAAA=="}',
      '{"__type__":"numpy_array","dtype":"int32","shape":[01],"encoding":"base64","data":"KgAAAA=="}',
      '{"__type__":"numpy_array","dtype":"int32","shape":[1,0],"encoding":"base64","data":""}',
      '{"__type__":"numpy_array","dtype":"str","shape":[1],"encoding":"base64","data":"AA=="}',
      '{"__type__":"numpy_array","dtype":"float99","shape":[1],"encoding":"base64","data":"AA=="}',
      '{"__type__":"numpy_array","dtype":"float64","shape":[2],"data":[1.5,NaN]}',
      '{"__type__":"torch_tensor","dtype":"torch.float32","shape":[1],"encoding":"base64","data":"AADAPw=="}',
    ];
    for (const text of cases) expectSameAsJSONParse(text);
  });

  it('applies the load policy exactly as before (maxElements, maxDepth)', () => {
    const arr = '{"__type__":"numpy_array","dtype":"uint8","shape":[4],"encoding":"base64","data":"AAAAAA=="}';
    expect('error' in expectSameAsJSONParse(`[${arr}]`, { maxElements: 3 })).toBe(true);
    expect('value' in expectSameAsJSONParse(`[${arr}]`, { maxElements: 4 })).toBe(true);
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const n of [3, 4, 5]) expectSameAsJSONParse(deep(n), { maxDepth: 3 });
    expectSameAsJSONParse('{"a":{"b":{"c":{"d":1}}}}', { maxDepth: 2 });
    expectSameAsJSONParse(deep(20_000));
  });

  it('survives a custom codec that encodes and decodes other values while the writer or reader is mid-document', async () => {
    class Wrapped {
      constructor(readonly inner: unknown) {}
    }
    // encode and decode run synchronously up to their result, so these calls re-enter the writer (serialize) and
    // the reader (deserialize) before the outer document is done. Each must run once: a fast path that lost its
    // place would hand over to the slow one, which calls the codec again.
    const nested: Array<Promise<unknown>> = [];
    const calls = { serialize: 0, deserialize: 0 };
    const codec: CustomCodec<Wrapped> = {
      name: 'wrapped',
      isApplicable: (v): v is Wrapped => v instanceof Wrapped,
      serialize: (v) => {
        calls.serialize++;
        const text = storage.encode(v.inner, 'json');
        nested.push(text);
        return innerText;
      },
      deserialize: (stored) => {
        calls.deserialize++;
        nested.push(storage.decode(stored as string, 'json'));
        return new Wrapped(stored);
      },
    };
    const storage = new DLFriendlyStorage({ registry: createRegistry({ formats: builtinFormats, codecs: [codec] }) });
    const innerValue = { other: 'keys', at: [new Date(5), arrayOf('float64', [12], 3)] };
    const innerText = (await storage.encode(innerValue, 'json')) as string;
    const outerValue = { before: records(5), wrapped: new Wrapped(innerValue), after: records(5) };
    const outerText = (await storage.encode(outerValue, 'json')) as string;
    expect(calls.serialize).toBe(1);
    expect(outerText).toBe(JSON.stringify(toJSONSafe(outerValue, { codecs: [codec] })));
    expect(await nested[0]).toBe(innerText);
    const back = (await storage.decode(outerText, 'json')) as typeof outerValue;
    expect(calls.deserialize).toBe(1);
    assertBitEqual(back.before, outerValue.before);
    assertBitEqual(back.after, outerValue.after);
    expect(back.wrapped.inner).toBe(innerText);
    assertBitEqual(await nested.at(-1), innerValue);
  });

  it('hands large payloads to JSON.parse and still decodes them the same', async () => {
    const text = (await encode({ big: arrayOf('float32', [20_000]), small: arrayOf('float32', [10]) }, 'json')) as string;
    expect(readerTakes(text)).toBe(false);
    expectSameAsJSONParse(text);
  });

  it('agrees with JSON.parse on random values (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(valueArbitrary(), async (v) => {
      expectSameAsJSONParse((await encode({ v }, 'json')) as string);
    }), { seed: 20261127, numRuns: 300 });
  });

  it('agrees with JSON.parse on 3,000 seeded mutations of real documents', async () => {
    const bases = [await richDocument(), (await encode(records(4), 'json')) as string, readFileSync(new URL('results.json', SEED_DIR), 'utf8')];
    const palette = ['"', '{', '}', '[', ']', ',', ':', '\\', ' ', '\n', '0', '9', '-', '.', 'e', '=', '/', '+', 'A', '_', 'n', '\u0000', 'é', '\ud800'];
    const edit = fc.record({ op: fc.constantFrom('delete', 'insert', 'replace', 'duplicate'), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }), ch: fc.constantFrom(...palette) });
    let decoded = 0;
    await fc.assert(fc.asyncProperty(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), async (b, edits) => {
      let text = bases[b]!;
      for (const { op, at, len, ch } of edits) {
        const i = at % (text.length + 1);
        if (op === 'delete') text = text.slice(0, i) + text.slice(i + len);
        else if (op === 'insert') text = text.slice(0, i) + ch + text.slice(i);
        else if (op === 'replace') text = text.slice(0, i) + ch + text.slice(i + 1);
        else text = text.slice(0, i) + text.slice(i, i + len) + text.slice(i);
      }
      if ('value' in expectSameAsJSONParse(text)) decoded++;
    }), { seed: 42, numRuns: 3000 });
    // The mutations must exercise both outcomes, not only errors.
    expect(decoded).toBeGreaterThan(100);
  });
});
