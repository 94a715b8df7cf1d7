/** A confusion matrix of two codings: `counts[i][j]` units coder A put in `labels[i]` and coder B in `labels[j]`. */
export interface Confusion {
  labels: string[];
  counts: number[][];
}

/**
 * Cross-tabulates the paired labels of two coders. `labels` fixes the
 * order of the rows and columns; labels seen but not listed follow, in
 * first-seen order.
 */
export function confusion(pairs: ReadonlyArray<readonly [string, string]>, labels: readonly string[] = []): Confusion {
  const order = [...labels];
  for (const pair of pairs) for (const label of pair) if (!order.includes(label)) order.push(label);
  const counts = order.map(() => order.map(() => 0));
  for (const [a, b] of pairs) counts[order.indexOf(a)][order.indexOf(b)]++;
  return { labels: order, counts };
}
