/** Description similarity: Sørensen–Dice coefficient over character bigrams of the normalised text, in [0, 1]. */

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 1 for equal normalised texts, 0 when they share no bigram (or one is empty and the other not). */
export function descriptionSimilarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [g, count] of gx) shared += Math.min(count, gy.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}
