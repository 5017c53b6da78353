import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NDArray, inspect, save, type InspectNode } from '../src/index.js';
import { FIXTURES } from './support/manifest.js';

const child = (node: InspectNode, key: string) => node.children?.find((c) => c.key === key);

describe('inspect', () => {
  it('summarizes a typed JSON file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'omega-inspect-')), 'x.json');
    await save({ a: new NDArray('int64', [2, 3], new BigInt64Array(6)), d: new Date(0), n: 1 }, file, 'json');
    const { format, tree } = await inspect(file);
    expect(format).toBe('json');
    expect(child(tree, 'a')).toMatchObject({ type: 'ndarray', dtype: 'int64', shape: [2, 3], size: 48 });
    expect(child(tree, 'd')).toMatchObject({ type: 'Date', preview: '1970-01-01T00:00:00.000Z' });
  });

  it('describes HDF5 datasets from their headers', async () => {
    const { format, tree } = await inspect(join(FIXTURES, 'python-current/hdf5/mesh_export.h5'));
    expect(format).toBe('hdf5');
    const nodes = child(child(tree, 'mesh')!, 'nodes')!;
    expect(child(nodes, 'complex128')).toMatchObject({ type: 'dataset', dtype: 'complex128', shape: [2, 3], size: 96 });
    expect(child(tree, 'version')).toMatchObject({ type: 'number', preview: '3' });
  });

  it('describes safetensors tensors from the header, with metadata', async () => {
    const { format, tree } = await inspect(join(FIXTURES, 'python-current/safetensors/model.safetensors'));
    expect(format).toBe('safetensors');
    expect(child(tree, 'embed')).toMatchObject({ type: 'tensor', dtype: 'F32', shape: [10, 4], size: 160 });
    expect(child(child(tree, '__metadata__')!, 'author')).toMatchObject({ preview: '"omega"' });
  });

  it('describes an npy array from its header (Fortran order, big-endian)', async () => {
    const fortran = await inspect(join(FIXTURES, 'python-current/npy/fortran.npy'));
    expect(fortran.format).toBe('npy');
    expect(fortran.tree).toMatchObject({ type: 'ndarray', dtype: 'float64', shape: [4, 3], size: 96, details: { fortranOrder: true } });
    expect((await inspect(join(FIXTURES, 'python-current/npy/bigendian_i8.npy'))).tree).toMatchObject({ dtype: 'int64', details: { descr: '>i8' } });
  });

  it('names the file when it cannot be read', async () => {
    await expect(inspect(join(FIXTURES, 'python-current/hdf5/truncated.h5'))).rejects.toThrow(/truncated\.h5/);
  });
});
