/**
 * `load(path)` of a pickle reads the file so that its first large numpy payload lands 8-byte aligned and lets that
 * array use the bytes in place (src/formats/pickle/payload-scan.ts, UnpickleOptions.ownsInput). These tests pin
 * the contract around that shortcut: same values as decoding the bytes, at most one array per buffer, never an
 * alias of caller data.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NDArray, decode, load } from '../src/index.js';
import { firstLargeBytesPayload } from '../src/formats/pickle/payload-scan.js';
import { assertBitEqual } from './support/bit-equal.js';
import { FIXTURES, readManifest } from './support/manifest.js';
import { runPython } from './support/python.js';

const dir = mkdtempSync(join(tmpdir(), 'omega-pickle-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (a: NDArray) => createHash('sha256').update(a.bytes()).digest('hex');
const typed = (a: NDArray) => a.data as Float64Array;

describe('pickle load from a file', () => {
  const fixtures = (['python-current', 'python-legacy'] as const).flatMap((set) =>
    Object.entries(readManifest(set))
      .filter(([name, entry]) => name.startsWith('pickle/') && entry.expect !== 'error')
      .map(([name]) => `${FIXTURES}${set}/${name}`));

  it.each(fixtures)('gives exactly what decoding the same bytes gives: %s', async (file) => {
    assertBitEqual(await load(file), await decode(new Uint8Array(readFileSync(file)), 'pickle'));
  });

  it.each([2, 3, 4, 5])('numpy protocol %i: big arrays come back bit for bit; the first uses the file bytes in place', async (protocol) => {
    const file = join(dir, `p${protocol}.pkl`);
    const script = [
      'import sys, pickle, hashlib, json, numpy as np',
      'a = (np.arange(70007, dtype="<f8") * 0.37 - 5).reshape(7, 10001)',
      'b = np.arange(90001, dtype="<i8") - 2**40',
      'c = np.linspace(-1, 1, 30001, dtype="<f4")',
      'pickle.dump({"a": a, "b": b, "c": c, "tail": [1.5, "x"]}, open(sys.argv[1], "wb"), protocol=int(sys.argv[2]))',
      'print(json.dumps({k: hashlib.sha256(v.tobytes()).hexdigest() for k, v in {"a": a, "b": b, "c": c}.items()}))',
    ].join('\n');
    const want = JSON.parse(runPython(script, [file, String(protocol)])) as Record<string, string>;
    const value = (await load(file)) as Record<string, NDArray>;
    expect({ a: sha(value.a!), b: sha(value.b!), c: sha(value.c!) }).toEqual(want);
    expect(value.a!.shape).toEqual([7, 10001]);
    expect(value.tail).toEqual([1.5, 'x']);
    const buffers = new Set([typed(value.a!).buffer, typed(value.b!).buffer, typed(value.c!).buffer]);
    expect(buffers.size).toBe(3); // every array owns its memory: transferring one never detaches another
    if (protocol >= 3) {
      // Protocols 3–5 store raw bytes: the first array sits in the file's buffer (header bytes before it).
      expect(typed(value.a!).buffer.byteLength).toBeGreaterThan(typed(value.a!).byteLength);
      expect(firstLargeBytesPayload(new Uint8Array(readFileSync(file)), 1 << 16)).toBeGreaterThan(0);
    }
  });

  it('two arrays built from one memoized bytes object do not share memory', async () => {
    const file = join(dir, 'memo.pkl');
    const script = [
      'import sys, pickle, numpy as np',
      'try:\n    from numpy._core.numeric import _frombuffer\nexcept ImportError:\n    from numpy.core.numeric import _frombuffer',
      'data = np.arange(20000, dtype="<f8").tobytes()',
      'class A:\n    def __reduce__(self):\n        return (_frombuffer, (data, np.dtype("<f8"), (20000,), "C"))',
      'pickle.dump([A(), A()], open(sys.argv[1], "wb"), protocol=3)',
    ].join('\n');
    runPython(script, [file]);
    expect(readFileSync(file).length).toBeLessThan(2 * 160_000); // the bytes really are stored once
    const [x, y] = (await load(file)) as [NDArray, NDArray];
    expect(x.data).not.toBe(y.data);
    (x.data as Float64Array)[5] = -1;
    expect((y.data as Float64Array)[5]).toBe(5);
  });

  it('decode(bytes) never uses the caller bytes in place', async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'p3.pkl')));
    const value = (await decode(bytes, 'pickle')) as Record<string, NDArray>;
    expect(typed(value.a!).buffer).not.toBe(bytes.buffer);
    expect(typed(value.b!).buffer).not.toBe(bytes.buffer);
  });

  it('finds no large payload where there is none, and stops on opcodes it does not know', () => {
    expect(firstLargeBytesPayload(new Uint8Array([0x80, 2, 0x4e, 0x2e]), 16)).toBeUndefined();
    expect(firstLargeBytesPayload(new Uint8Array([0x80, 2, 0xff, 0x42, 32, 0, 0, 0]), 16)).toBeUndefined();
    // PROTO 3, BINBYTES of 32 bytes: the payload starts at offset 7
    expect(firstLargeBytesPayload(new Uint8Array([0x80, 3, 0x42, 32, 0, 0, 0]), 16)).toBe(7);
    // a short BINUNICODE is skipped, then BINBYTES8
    expect(firstLargeBytesPayload(new Uint8Array([0x80, 4, 0x58, 2, 0, 0, 0, 0x61, 0x62, 0x8e, 20, 0, 0, 0, 0, 0, 0, 0]), 16)).toBe(18);
  });
});
