import type { CsvRecord } from './csv.js';

/** A cell of the row Qualtrics writes under its header: `{"ImportId":"QID1_TEXT"}`. */
const IMPORT_ID = /^\s*\{\s*"ImportId"\s*:/;

/** True when most filled cells of a row are Qualtrics `{"ImportId": ...}` cells. */
function importIdRow(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.filter((cell) => IMPORT_ID.test(cell)).length * 2 > filled.length;
}

/** The rows after a header that Qualtrics-style exports add (the question texts, then the `{"ImportId": ...}` row): how many of `first` (the first data rows) to skip. */
export function surveyHeaderRows(first: readonly CsvRecord[]): number {
  const at = first.slice(0, 2).findIndex((record) => importIdRow(record.cells));
  return at + 1;
}

/** How many data rows {@link surveyHeaderRows} looks at. */
export const SURVEY_ROWS_SEEN = 2;
