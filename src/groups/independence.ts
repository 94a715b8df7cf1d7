import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/** The outcome of a test of independence on a table of counts. */
export interface IndependenceTest {
  /** `chi-square`, or `Fisher's exact` for a 2 x 2 table with an expected count under 5. */
  test: 'chi-square' | "Fisher's exact";
  /** The chi-square statistic (also given beside Fisher's test). */
  statistic: number;
  /** Degrees of freedom. */
  df: number;
  p: number;
  /** The smallest expected count. */
  minExpected: number;
  /** False when an expected count is under 5 and no exact test was possible: the p-value is only a rough guide. */
  reliable: boolean;
}

/** The smallest expected count for which the chi-square approximation is trusted. */
export const MIN_EXPECTED = 5;

function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}

/**
 * Two-sided p-value of Fisher's exact test on the 2 x 2 table
 * `[[a, b], [c, d]]`: the probability, with the margins fixed, of every
 * table no more likely than the one observed.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const [row1, col1, n] = [a + b, a + c, a + b + c + d];
  const logP = (x: number) => logFactorial(row1) + logFactorial(n - row1) + logFactorial(col1) + logFactorial(n - col1) - logFactorial(n) - logFactorial(x) - logFactorial(row1 - x) - logFactorial(col1 - x) - logFactorial(n - row1 - col1 + x);
  const observed = logP(a);
  let p = 0;
  for (let x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x++) {
    // A relative tolerance, so tables exactly as likely as the observed one count despite rounding.
    if (logP(x) <= observed + 1e-7) p += Math.exp(logP(x));
  }
  return Math.min(1, p);
}

/**
 * Pearson's chi-square test of independence on a table of counts (rows x
 * columns, no Yates correction). With an expected count under
 * {@link MIN_EXPECTED}, a 2 x 2 table gets Fisher's exact test instead and
 * a larger one is marked unreliable. Undefined when a row or column is
 * all zero (nothing varies) or the table has fewer than two rows or columns.
 */
export function independence(table: readonly (readonly number[])[]): IndependenceTest | undefined {
  const rows = table.map((row) => row.reduce((sum, x) => sum + x, 0));
  const columns = table[0]?.map((_, j) => table.reduce((sum, row) => sum + row[j], 0)) ?? [];
  const n = rows.reduce((sum, x) => sum + x, 0);
  if (rows.length < 2 || columns.length < 2 || rows.includes(0) || columns.includes(0)) return undefined;
  let statistic = 0;
  let minExpected = Infinity;
  table.forEach((row, i) => row.forEach((observed, j) => {
    const expected = (rows[i] * columns[j]) / n;
    minExpected = Math.min(minExpected, expected);
    statistic += (observed - expected) ** 2 / expected;
  }));
  const df = (rows.length - 1) * (columns.length - 1);
  const chiSquare = { test: 'chi-square', statistic, df, p: 1 - chiSquareCdf(statistic, df), minExpected, reliable: true } as const;
  if (minExpected >= MIN_EXPECTED) return chiSquare;
  if (df === 1) return { ...chiSquare, test: "Fisher's exact", p: fisherExact(table[0][0], table[0][1], table[1][0], table[1][1]) };
  return { ...chiSquare, reliable: false };
}

/** A p-value for a table: four decimals, or `< 0.0001`. */
export function pValue(p: number): string {
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}

/** What a test says, in plain words: "no clear difference (p = 0.41)", "differs between groups (p = 0.03)". */
export function inWords(result: IndependenceTest | undefined): string {
  if (!result) return 'no test (one group, or no variation)';
  const p = result.p < 0.001 ? 'p < 0.001' : `p = ${result.p < 0.01 ? result.p.toFixed(3) : result.p.toFixed(2)}`;
  const caveat = result.reliable ? '' : '; too few participants for a reliable test';
  return result.p < 0.05 ? `${result.reliable ? 'differs' : 'may differ'} between groups (${p}${caveat})` : `no clear difference (${p}${caveat})`;
}
