/**
 * Malicious pickles and checkpoints, written byte by byte: nothing is imported or called, the refusal comes when
 * the global is named (before any REDUCE/BUILD can use it), and errors are typed.
 */
import { describe, expect, it } from 'vitest';
import { NDArray, PickledObject } from '../../src/index.js';
import { writeZip } from '../../src/formats/_zip-write.js';
import { binunicode, decodeWith, expectNoPollution, expectRefused, latin1, le } from './_hostile.js';

const P2 = '\x80\x02';
const pkl = (body: string) => latin1(`${body}.`);

describe('hostile pickles', () => {
  it('refuses REDUCE of os.system at the GLOBAL opcode, before anything is called', async () => {
    const body = `${P2}cos\nsystem\n${binunicode('touch /tmp/omega-pwned')}\x85R`;
    const error = await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(body)));
    expect(error.offset).toBe(2); // the GLOBAL opcode, not the REDUCE after it
    expect(error.message).toMatch(/os\.system/);
  });

  it('names posix.system / nt.system as os.system when refusing (STACK_GLOBAL, protocol 4)', async () => {
    const body = `\x80\x04\x8c\x05posix\x94\x8c\x06system\x94\x93\x8c\x02id\x85R`;
    const error = await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(body)));
    expect(error.message).toMatch(/posix\.system \(os\.system\)/);
  });

  it.each([
    ['builtins.eval', `${P2}cbuiltins\neval\n${binunicode('1+1')}\x85R`],
    ['__builtin__.eval (Python 2 name)', `${P2}c__builtin__\neval\n${binunicode('1+1')}\x85R`],
    ['builtins.getattr', `${P2}cbuiltins\ngetattr\n`],
    ['builtins.__import__', `${P2}cbuiltins\n__import__\n${binunicode('os')}\x85R`],
    ['subprocess.Popen', `${P2}csubprocess\nPopen\n]\x85R`],
    ['copyreg._reconstructor', `${P2}ccopy_reg\n_reconstructor\n`],
  ])('refuses %s', async (_label, body) => {
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(body)));
  });

  it('refuses the INST opcode naming os.system (protocol 0)', async () => {
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`(S'id'\nios\nsystem\n`)));
  });

  it('refuses the OBJ opcode with a non-allowlisted class or a non-global callable', async () => {
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}(cos\nsystem\n${binunicode('id')}o`)));
    const error = await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}(${binunicode('os.system')}${binunicode('id')}o`)));
    expect(error.message).toMatch(/not an allowlisted global/);
  });

  it('refuses a global assembled from memoised strings (memo + STACK_GLOBAL)', async () => {
    // 'os' and 'system' are stored in memo slots 0 and 1 under innocent-looking data, then fetched back.
    const body = `\x80\x04\x8c\x02os\x94\x8c\x06system\x94]\x94h\x00h\x01\x93\x8c\x02id\x85R`;
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(body)));
  });

  it('refuses to call an allowlisted global that may only be referenced, and REDUCE on non-globals', async () => {
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}cnumpy\nndarray\n)R`)));
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}${binunicode('os.system')}${binunicode('id')}\x85R`)));
  });

  it('refuses numpy _reconstruct building anything but numpy.ndarray', async () => {
    const body = `${P2}cnumpy.core.multiarray\n_reconstruct\ncbuiltins\nset\nK\x00\x85C\x01b\x87R`;
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(body)));
  });

  it('refuses BUILD (setstate) on values that take no state', async () => {
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}]}${binunicode('__class__')}K\x01sb`)));
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}cbuiltins\nset\n}${binunicode('__reduce__')}K\x01sb`)));
  });

  it('keeps allowed-but-unknown globals inert: PickledObject records args and state, nothing runs', async () => {
    const body = `${P2}cmylib\nConfig\n${binunicode('x')}\x85R}${binunicode('__proto__')}}${binunicode('polluted')}\x88ssb`;
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(body)));
    const value = await decodeWith('pickle', pkl(body), { allowedPickleGlobals: ['mylib.Config'] });
    expect(value).toBeInstanceOf(PickledObject);
    expect((value as PickledObject).args).toEqual(['x']);
    expectNoPollution();
  });

  it('refuses EXT1/EXT2/EXT4 extension codes and persistent ids in a plain pickle', async () => {
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}\x82\x01`)));
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}\x83\x01\x00`)));
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}\x84\x01\x00\x00\x00`)));
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`${P2}${binunicode('x')}Q`)));
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('pickle', pkl(`Pfile:///etc/passwd\n`)));
  });

  it.each([
    ['LONG4 of 2^31-1 bytes', `${P2}\x8b${le(0x7fffffff, 4)}`],
    ['LONG4 with a negative length', `${P2}\x8b${le(0xffffffff, 4)}`],
    ['BINBYTES8 of 2^63 bytes', `\x80\x04\x8e${le(2n ** 63n, 8)}`],
    ['BINBYTES8 of 2^64-1 bytes', `\x80\x04\x8e${le(2n ** 64n - 1n, 8)}`],
    ['BINUNICODE8 of 2^62 bytes', `\x80\x04\x8d${le(2n ** 62n, 8)}`],
    ['BYTEARRAY8 of 2^40 bytes', `\x80\x05\x96${le(2n ** 40n, 8)}`],
    ['BINUNICODE of 4 GiB - 1', `${P2}X${le(0xffffffff, 4)}`],
    ['FRAME of 2^60 bytes', `\x80\x04\x95${le(2n ** 60n, 8)}`],
    ['BINSTRING with a negative length', `${P2}T${le(0x80000000, 4)}`],
  ])('refuses %s as truncated input without allocating it', async (_label, body) => {
    await expectRefused('CORRUPT_DATA', () => decodeWith('pickle', latin1(body)));
  });

  it('refuses decimal LONG/INT text longer than Python accepts (4300 digits) instead of spending seconds on it', async () => {
    const digits = '7'.repeat(1_000_000);
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('pickle', pkl(`L${digits}L\n`)));
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('pickle', pkl(`I${digits}\n`)));
    expect(await decodeWith('pickle', pkl(`L${'9'.repeat(4300)}L\n`))).toBe(BigInt('9'.repeat(4300)));
  });

  it('refuses MARK nesting and container nesting beyond maxDepth', async () => {
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('pickle', pkl(`${P2}${'('.repeat(5000)}`)));
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('pickle', pkl(`${P2}${']'.repeat(5000)}${'a'.repeat(4999)}`)));
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('pickle', pkl(`${P2}]]]]]aaaa`), { maxDepth: 3 }));
  });

  it('keeps "__proto__" and "constructor" dict keys as plain data', async () => {
    const body = `${P2}}(${binunicode('__proto__')}}${binunicode('polluted')}\x88s${binunicode('constructor')}}${binunicode('prototype')}}${binunicode('x')}K\x01ssu`;
    const value = (await decodeWith('pickle', pkl(body))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(value.polluted).toBeUndefined();
    expectNoPollution();
  });

  it('decodes a "billion laughs" of memo references in linear time, sharing instead of copying', async () => {
    // level0 = [1]; level k = [level k-1] * 10 through BINGET: 10^30 leaves if expanded, 31 lists if shared.
    let body = `${P2}]K\x01a\x94`;
    for (let k = 1; k <= 30; k++) body += `](${`h${String.fromCharCode(k - 1)}`.repeat(10)}e\x94`;
    const value = (await decodeWith('pickle', pkl(body))) as unknown[];
    expect(value).toHaveLength(10);
    expect(value[0]).toBe(value[9]);
  });
});

describe('hostile torch checkpoints', () => {
  const zipOf = (pickleBody: string, extra: Array<[string, Uint8Array]> = []) =>
    writeZip([{ name: 'archive/data.pkl', data: pkl(pickleBody), compress: false }, ...extra.map(([name, data]) => ({ name, data, compress: false }))], 0, 'torch');

  it('refuses a checkpoint whose data.pkl reduces os.system', async () => {
    await expectRefused('UNSAFE_CONTENT', () => decodeWith('torch', zipOf(`${P2}cos\nsystem\n${binunicode('id')}\x85R`)));
  });

  it('refuses a stride-0 view that would expand a tiny storage into gigabytes', async () => {
    // _rebuild_tensor_v2(storage('0', FloatStorage, numel 1), offset 0, size (2^28,), stride (0,), False, OrderedDict())
    const storage = `(${binunicode('storage')}ctorch\nFloatStorage\n${binunicode('0')}${binunicode('cpu')}K\x01tQ`;
    const body = `${P2}ctorch._utils\n_rebuild_tensor_v2\n(${storage}K\x00J${le(2 ** 28, 4)}\x85K\x00\x85\x89ccollections\nOrderedDict\n)RtR`;
    const data = new Uint8Array(new Float32Array([1]).buffer);
    await expectRefused('LIMIT_EXCEEDED', () => decodeWith('torch', zipOf(body, [['archive/data/0', data]])));
  });

  it('still reads an honest small stride-0 view (torch.expand) exactly', async () => {
    const storage = `(${binunicode('storage')}ctorch\nFloatStorage\n${binunicode('0')}${binunicode('cpu')}K\x01tQ`;
    const body = `${P2}ctorch._utils\n_rebuild_tensor_v2\n(${storage}K\x00K\x04\x85K\x00\x85\x89ccollections\nOrderedDict\n)RtR`;
    const value = (await decodeWith('torch', zipOf(body, [['archive/data/0', new Uint8Array(new Float32Array([2.5]).buffer)]]))) as NDArray;
    expect(value).toBeInstanceOf(NDArray);
    expect([...(value.data as Float32Array)]).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
});
