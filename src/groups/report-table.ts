import { percent } from '../write/tables.js';
import type { GroupComparison } from './compare.js';
import { inWords } from './independence.js';

/**
 * A comparison's themes as the report shows them: a header (code, theme,
 * one column per group with its participant count, difference) and one
 * row per theme with the participants who have it in each group, as a
 * count and a percentage, and the test's result in plain words.
 */
export function groupReportTable(comparison: GroupComparison): { header: string[]; rows: string[][] } {
  return {
    header: ['Code', 'Theme', ...comparison.groups.map((group) => `${group.name} (${group.participants})`), 'Difference between groups'],
    rows: comparison.themes.map((row) => [
      row.code,
      row.name,
      ...row.cells.map((cell, i) => `${cell.participants} (${percent(cell.participants, comparison.groups[i].participants)}%)`),
      inWords(row.test),
    ]),
  };
}
