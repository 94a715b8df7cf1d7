import { BOM, toCsv } from '../write/csv.js';
import { FileNamer } from '../write/file-names.js';
import { percent } from '../write/tables.js';
import type { CodeComparison, GroupComparison } from './compare.js';
import { inWords, MIN_EXPECTED, pValue } from './independence.js';

/** The columns of `themes-by-<column>.csv` and `structure-by-<column>.csv`. */
const HEADER = ['code', 'name', 'group', 'group_participants', 'group_segments', 'segments', 'percent_segments', 'participants', 'percent_participants', 'chi_square', 'df', 'p_value', 'test', 'difference'];

/** The test's name as the tables show it: `chi-square`, `Fisher's exact (expected < 5)`, `chi-square (unreliable: expected < 5)`. */
function testName(row: CodeComparison): string {
  if (!row.test) return '';
  if (row.test.test !== 'chi-square') return `${row.test.test} (expected < ${MIN_EXPECTED})`;
  return row.test.reliable ? 'chi-square' : `chi-square (unreliable: expected < ${MIN_EXPECTED})`;
}

/** One row per code and group: the group's totals, the code's segments and participants in it, and the test across groups. */
export function groupRows(comparison: GroupComparison, rows: readonly CodeComparison[]): Array<Array<string | number>> {
  return rows.flatMap((row) => comparison.groups.map((group, i) => [
    row.code, row.name, group.name, group.participants, group.segments,
    row.cells[i].segments, percent(row.cells[i].segments, group.segments),
    row.cells[i].participants, percent(row.cells[i].participants, group.participants),
    row.test ? row.test.statistic.toFixed(3) : '', row.test?.df ?? '', row.test ? pValue(row.test.p) : '', testName(row), inWords(row.test),
  ]));
}

/** The name of a column as the group tables' file names carry it: safe for any file system, never `section` (the section table's). */
export function columnFileName(column: string): string {
  const name = new FileNamer().name(column);
  return name.toLowerCase() === 'section' ? `input_${name}` : name;
}

/** `themes-by-<column>.csv` and `structure-by-<column>.csv` of one comparison, by file name. */
export function groupFiles(comparison: GroupComparison): Record<string, string> {
  const name = columnFileName(comparison.column);
  return {
    [`themes-by-${name}.csv`]: BOM + toCsv([HEADER, ...groupRows(comparison, comparison.themes)]),
    [`structure-by-${name}.csv`]: BOM + toCsv([HEADER, ...groupRows(comparison, comparison.structure)]),
  };
}
