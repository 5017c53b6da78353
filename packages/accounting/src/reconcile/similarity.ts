/** Description similarity: Sørensen–Dice coefficient over character bigrams of the normalised text, in [0, 1]. */

interface Profile { text: string; grams: Map<string, number>; count: number }

function profile(raw: string): Profile {
  const text = raw.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return { text, grams, count: Math.max(0, text.length - 1) };
}

function dice(x: Profile, y: Profile): number {
  if (x.text === y.text) return 1;
  if (x.count === 0 || y.count === 0) return 0;
  const [small, large] = x.grams.size <= y.grams.size ? [x, y] : [y, x];
  let shared = 0;
  for (const [g, n] of small.grams) shared += Math.min(n, large.grams.get(g) ?? 0);
  return (2 * shared) / (x.count + y.count);
}

/** 1 for equal normalised texts (lower case, runs of non-alphanumerics → one space), 0 when they share no bigram. */
export function descriptionSimilarity(a: string, b: string): number {
  return dice(profile(a), profile(b));
}

/** The same measure with each distinct text profiled once (reconciliation compares the same texts many times). */
export function cachedSimilarity(): (a: string, b: string) => number {
  const cache = new Map<string, Profile>();
  const get = (t: string): Profile => {
    let p = cache.get(t);
    if (p === undefined) cache.set(t, (p = profile(t)));
    return p;
  };
  return (a, b) => dice(get(a), get(b));
}
