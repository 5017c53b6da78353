/** `inspect` for HDF5: walks groups and dataset headers through the lazy handle; no dataset payload is read. */
import { summarize, type InspectNode } from '../../inspect.js';
import type { DecodeContext } from '../../format.js';
import { itemsize, sizeOf, type NumericDType } from '../../ndarray.js';
import { withHDF5, type HDF5DatasetHandle, type HDF5GroupHandle } from './lazy.js';

function describeDataset(ds: HDF5DatasetHandle, key: string): InspectNode {
  const node: InspectNode = { key, type: 'dataset', dtype: ds.dtype, shape: [...ds.shape] };
  if (ds.dtype !== 'str' && ds.dtype !== 'bytes') node.size = sizeOf(ds.shape) * itemsize(ds.dtype as NumericDType);
  const attrs = ds.attrs();
  if (Object.keys(attrs).length > 0) node.children = Object.entries(attrs).map(([k, v]) => summarize(v, `@${k}`));
  return node;
}

function describeGroup(group: HDF5GroupHandle, key?: string): InspectNode {
  const children: InspectNode[] = Object.entries(group.attrs()).map(([k, v]) => summarize(v, k));
  for (const name of group.keys()) {
    const child = group.get(name);
    children.push(child.kind === 'group' ? describeGroup(child, name) : describeDataset(child, name));
  }
  const node: InspectNode = { type: 'group', children };
  if (key !== undefined) node.key = key;
  return node;
}

export function inspectHDF5(path: string, ctx: DecodeContext): Promise<InspectNode> {
  return withHDF5(path, (file) => describeGroup(file), { policy: ctx.policy, registry: ctx.registry });
}
