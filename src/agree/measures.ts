import { krippendorffAlpha } from './alpha.js';
import { confusion, type Confusion } from './confusion.js';
import { cohensKappa, observedAgreement } from './kappa.js';
import { landisKoch } from './landis-koch.js';

/** Agreement figures over a set of units. Proportions are 0–1; null where a figure is undefined. */
export interface Figures {
  units: number;
  /** Observed (percent) agreement, as a proportion. */
  agreement: number | null;
  kappa: number | null;
  alpha: number | null;
  /** The Landis and Koch reading of `kappa`. */
  reading: string;
}

/** The figures of one code, with how many units each coding gave it. */
export interface CodeFigures extends Figures {
  code: string;
  name: string;
  codedA: number;
  codedB: number;
}

/** Agreement on one dimension (themes or structure tags). */
export interface DimensionAgreement {
  dimension: 'themes' | 'structure';
  /** Units neither coding gave a code on this dimension. */
  uncoded: number;
  /** Uncoded units left out of every figure (all of them with `excludeUncoded`, else none). */
  excluded: number;
  /** One row per code either coding used, in codebook order. */
  codes: CodeFigures[];
  /**
   * Themes: pooled over every unit × code decision (present/absent) of the
   * codes listed. Structure: one tag per unit, kappa from the confusion matrix.
   */
  overall: Figures;
  /** Themes only: units whose two theme sets are identical. */
  identical?: number;
  /** Structure only: tags of coding A (rows) against coding B (columns); `(none)` for no tag. */
  confusion?: Confusion;
}

/** The label of a unit with no structure tag in the confusion matrix. */
const NO_TAG = '(none)';

function figures(table: number[][], units: ReadonlyArray<readonly [string, string]>): Figures {
  const kappa = cohensKappa(table);
  return { units: units.length, agreement: observedAgreement(table), kappa, alpha: krippendorffAlpha(units), reading: landisKoch(kappa) };
}

/** Present/absent decisions on one code as a 2 × 2 table (rows A yes/no, columns B yes/no) and alpha units. */
function binary(decisions: ReadonlyArray<readonly [boolean, boolean]>): Figures {
  const table = [[0, 0], [0, 0]];
  for (const [a, b] of decisions) table[a ? 0 : 1][b ? 0 : 1]++;
  return figures(table, decisions.map(([a, b]) => [String(a), String(b)] as const));
}

function codeRows<T>(pairs: ReadonlyArray<{ a: T; b: T }>, codes: ReadonlyArray<{ code: string; name: string }>, has: (value: T, code: string) => boolean): Array<CodeFigures & { decisions: Array<[boolean, boolean]> }> {
  return codes
    .map(({ code, name }) => {
      const decisions = pairs.map(({ a, b }): [boolean, boolean] => [has(a, code), has(b, code)]);
      const codedA = decisions.filter(([a]) => a).length;
      const codedB = decisions.filter(([, b]) => b).length;
      return { code, name, codedA, codedB, ...binary(decisions), decisions };
    })
    .filter((row) => row.codedA + row.codedB > 0);
}

/**
 * Agreement on themes (several codes per unit allowed). Each code is a
 * present/absent decision on every unit: per code, Cohen's kappa (2 × 2),
 * Krippendorff's nominal alpha and percent agreement; overall, the same
 * pooled over every unit × code decision of the codes either coding used.
 * A unit is uncoded when neither coding gives it any theme; such units
 * count as agreeing on every code (absent/absent) unless `excludeUncoded`.
 */
export function themeAgreement(pairs: ReadonlyArray<{ a: readonly string[]; b: readonly string[] }>, codes: ReadonlyArray<{ code: string; name: string }>, excludeUncoded = false): DimensionAgreement {
  const uncoded = pairs.filter(({ a, b }) => a.length === 0 && b.length === 0).length;
  const kept = excludeUncoded ? pairs.filter(({ a, b }) => a.length > 0 || b.length > 0) : pairs;
  const rows = codeRows(kept, codes, (value, code) => value.includes(code));
  const identical = kept.filter(({ a, b }) => a.length === b.length && a.every((code) => b.includes(code))).length;
  const overall = { ...binary(rows.flatMap((row) => row.decisions)), units: kept.length };
  return { dimension: 'themes', uncoded, excluded: pairs.length - kept.length, codes: rows.map(({ decisions: _, ...row }) => row), overall, identical };
}

/**
 * Agreement on structure tags (one tag or none per unit). Overall: the
 * confusion matrix, Cohen's kappa from it, Krippendorff's nominal alpha and
 * percent agreement, with "no tag" a category of its own; per tag, the
 * present/absent figures as for themes. A unit is uncoded when neither
 * coding gives it a tag; such units agree on "no tag" unless `excludeUncoded`.
 */
export function structureAgreement(pairs: ReadonlyArray<{ a: string; b: string }>, tags: ReadonlyArray<{ code: string; name: string }>, excludeUncoded = false): DimensionAgreement {
  const uncoded = pairs.filter(({ a, b }) => a === '' && b === '').length;
  const kept = excludeUncoded ? pairs.filter(({ a, b }) => a !== '' || b !== '') : pairs;
  const rows = codeRows(kept, tags, (value, tag) => value === tag);
  const labelled = kept.map(({ a, b }) => [a || NO_TAG, b || NO_TAG] as const);
  const matrix = confusion(labelled, [...rows.map(({ code }) => code), NO_TAG].filter((label) => labelled.some((pair) => pair.includes(label))));
  return { dimension: 'structure', uncoded, excluded: pairs.length - kept.length, codes: rows.map(({ decisions: _, ...row }) => row), overall: figures(matrix.counts, labelled), confusion: matrix };
}
