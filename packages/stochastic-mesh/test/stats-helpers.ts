/** Small statistics helpers shared by the tests (sample mean/SE, KS distance). */
export function meanAndStdErr(xs: ArrayLike<number>): { mean: number; se: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i]!;
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i]! - mean) ** 2;
  return { mean, se: Math.sqrt(v / (n - 1) / n) };
}

export function proportion(hits: number, n: number): { p: number; se: number } {
  const p = hits / n;
  return { p, se: Math.sqrt((p * (1 - p)) / n) };
}

/** Kolmogorov–Smirnov statistic of a sample against a cdf. */
export function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
