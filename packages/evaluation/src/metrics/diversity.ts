/** Intra-list diversity: mean pairwise Jaccard distance between the feature sets of a list's items. */

export function jaccardDistance(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return 1 - inter / (sa.size + sb.size - inter);
}

/** Null for lists shorter than two (diversity is not defined for one item). */
export function intraListDiversity(features: readonly (readonly string[])[]): number | null {
  const n = features.length;
  if (n < 2) return null;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += jaccardDistance(features[i]!, features[j]!);
  return s / ((n * (n - 1)) / 2);
}
