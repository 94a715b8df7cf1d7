import { landisKoch } from '../../agree/landis-koch.js';
import type { StructureEvaluationResult } from './api.js';

const f = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/**
 * An evaluation as text for a researcher: accuracy and Cohen's kappa with
 * its reading, the majority baseline beside them, per-tag precision,
 * recall and F1, and the confusion matrix (rows: the coded file's tags,
 * columns: the tagger's).
 */
export function formatEvaluation(results: readonly StructureEvaluationResult[]): string {
  return results
    .map(({ label, figures }) => {
      const width = Math.max(5, ...figures.confusion.labels.map((tag) => tag.length + 1));
      const cell = (value: string | number) => String(value).padStart(width);
      return [
        `${label}: ${figures.clauses} tagged clauses`,
        `  accuracy ${f(figures.accuracy)}, Cohen's kappa ${f(figures.kappa)} (${landisKoch(figures.kappa)}); always answering ${figures.majority.tag} would score ${f(figures.majority.accuracy)}`,
        `  tag  clauses  precision  recall     F1`,
        ...figures.perTag.map((row) => `  ${row.tag.padEnd(4)} ${String(row.clauses).padStart(7)}  ${f(row.precision).padStart(9)}  ${f(row.recall).padStart(6)}  ${f(row.f1).padStart(5)}`),
        `  confusion (rows: coded, columns: tagged)`,
        `  ${''.padEnd(4)}${figures.confusion.labels.map(cell).join('')}`,
        ...figures.confusion.labels.map((tag, i) => `  ${tag.padEnd(4)}${figures.confusion.counts[i].map(cell).join('')}`),
      ].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
