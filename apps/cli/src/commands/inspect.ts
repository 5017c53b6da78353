/** `omega inspect FILE [--json]`: the sniffed format and a tree of the value. */
import { inspect, type InspectNode } from '@omega/storage';
import type { Io } from '../io.js';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 2 ** 20) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 2 ** 30) return `${(n / 2 ** 20).toFixed(1)} MiB`;
  return `${(n / 2 ** 30).toFixed(2)} GiB`;
}

function label(node: InspectNode): string {
  const parts = [node.key === undefined ? '' : `${node.key}:`, node.type];
  if (node.dtype) parts.push(node.dtype);
  if (node.shape) parts.push(`[${node.shape.join(', ')}]`);
  if (node.size !== undefined && (node.type === 'ndarray' || node.type === 'tensor' || node.type === 'bytes' || node.type === 'dataset')) parts.push(`(${formatBytes(node.size)})`);
  else if (node.size !== undefined && node.children) parts.push(`(${node.size} items)`);
  if (node.preview !== undefined) parts.push(`= ${node.preview}`);
  if (node.details && Object.keys(node.details).length > 0) parts.push(`{${Object.entries(node.details).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`);
  return parts.filter(Boolean).join(' ');
}

export function renderTree(node: InspectNode, prefix = '', last = true, root = true): string[] {
  const lines = [root ? label(node) : `${prefix}${last ? '└─ ' : '├─ '}${label(node)}`];
  const kids = node.children ?? [];
  const childPrefix = root ? '' : `${prefix}${last ? '   ' : '│  '}`;
  kids.forEach((child, i) => lines.push(...renderTree(child, childPrefix, i === kids.length - 1, false)));
  return lines;
}

export async function runInspect(file: string, options: { json?: boolean }, io: Io): Promise<number> {
  const { format, tree } = await inspect(file);
  if (options.json) io.out(JSON.stringify({ file, format, tree }, null, 2));
  else {
    io.out(`${file}: ${format}`);
    for (const line of renderTree(tree)) io.out(line);
  }
  return 0;
}
