/** `inspect` for safetensors: the header only (names, dtypes, shapes, byte sizes, metadata); no tensor is read. */
import type { DecodeContext } from '../format.js';
import type { InspectNode } from '../inspect.js';
import { SafetensorsFile } from './safetensors-file.js';

export async function inspectSafetensors(path: string, ctx: DecodeContext): Promise<InspectNode> {
  const file = await SafetensorsFile.open(path, ctx.policy);
  try {
    const children: InspectNode[] = file.names.map((name) => {
      const info = file.info(name)!;
      return { key: name, type: 'tensor', dtype: info.dtype, shape: [...info.shape], size: info.dataOffsets[1] - info.dataOffsets[0] };
    });
    if (file.metadata !== undefined) {
      children.push({ key: '__metadata__', type: 'object', children: Object.entries(file.metadata).map(([k, v]) => ({ key: k, type: 'string', preview: JSON.stringify(v) })) });
    }
    return { type: 'object', children };
  } finally {
    await file.close();
  }
}
