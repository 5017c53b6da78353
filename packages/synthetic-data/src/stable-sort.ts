/**
 * In-place stable insertion sort for the short lists of one subject (a dozen bills, a few milestones or goals).
 * `Array.prototype.sort` is also stable, so for any consistent comparator both give the same order; this one
 * skips the built-in's per-call setup, which dominated for lists this short.
 */
export function sortSmallStable<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    // Move left only past strictly greater items: equal ones keep their order.
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
