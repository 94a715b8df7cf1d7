/**
 * Cohen's (1960) kappa for two coders from their contingency table
 * (`table[i][j]`: units coder A put in category i and coder B in j):
 *
 *   κ = (p_o − p_e) / (1 − p_e),  p_o = Σ_k n_kk / n,  p_e = Σ_k (n_k· / n)(n_·k / n)
 *
 * For one code marked present/absent (a 2 × 2 table) the chance term is
 * p_e = p_yes_a·p_yes_b + p_no_a·p_no_b. Returns null when kappa is
 * undefined: no units, or p_e = 1 (both coders gave every unit the same
 * single category).
 */
export function cohensKappa(table: ReadonlyArray<ReadonlyArray<number>>): number | null {
  const n = table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return null;
  let observed = 0;
  let chance = 0;
  table.forEach((row, k) => {
    observed += row[k] / n;
    const rowTotal = row.reduce((a, b) => a + b, 0);
    const columnTotal = table.reduce((sum, other) => sum + other[k], 0);
    chance += (rowTotal / n) * (columnTotal / n);
  });
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/** The proportion of units on the diagonal of a contingency table (percent agreement / 100), or null with no units. */
export function observedAgreement(table: ReadonlyArray<ReadonlyArray<number>>): number | null {
  const n = table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  return n === 0 ? null : table.reduce((sum, row, k) => sum + row[k], 0) / n;
}
