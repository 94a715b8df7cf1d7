/** One unit's values, one per coder; `null` or `undefined` where a coder gave none (a missing value). */
export type UnitValues = ReadonlyArray<string | null | undefined>;

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing
 * values allowed (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"). Units with fewer than two values are not pairable
 * and are left out. From the coincidence matrix
 * o_ck = Σ_u (number of c–k pairs of values in u) / (m_u − 1), with
 * n_c = Σ_k o_ck and n = Σ_c n_c:
 *
 *   α = 1 − D_o / D_e = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k
 *
 * Returns null when alpha is undefined: fewer than two pairable values,
 * or every pairable value the same (no expected disagreement).
 */
export function krippendorffAlpha(units: readonly UnitValues[]): number | null {
  const coincidences = new Map<string, Map<string, number>>();
  for (const unit of units) {
    const values = unit.filter((value): value is string => value !== null && value !== undefined);
    if (values.length < 2) continue;
    values.forEach((c, i) => {
      const row = coincidences.get(c) ?? new Map<string, number>();
      values.forEach((k, j) => {
        if (i !== j) row.set(k, (row.get(k) ?? 0) + 1 / (values.length - 1));
      });
      coincidences.set(c, row);
    });
  }
  const totals = new Map([...coincidences].map(([c, row]) => [c, [...row.values()].reduce((a, b) => a + b, 0)]));
  const n = [...totals.values()].reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  for (const [c, row] of coincidences) {
    for (const [k, count] of row) if (c !== k) observed += count;
    for (const [k, total] of totals) if (c !== k) expected += totals.get(c)! * total;
  }
  return n < 2 || expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
}
