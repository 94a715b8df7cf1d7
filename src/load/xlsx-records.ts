import { readSheet } from 'read-excel-file/node';
import { fail } from '../messages.js';
import type { CsvRecord } from './csv.js';

/** A spreadsheet cell as the text a CSV would hold: empty for none, a date as YYYY-MM-DD, a number or boolean as written. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * The rows of an Excel workbook's first sheet as records, as
 * {@link csvRecords} gives a CSV's: each cell as text, each row with its
 * row number as its line; blank rows are skipped. A file that is not a
 * workbook is a fatal message naming it.
 */
export async function* xlsxRecords(file: string): AsyncGenerator<CsvRecord> {
  let data: unknown[][];
  try {
    data = (await readSheet(file)) as unknown[][];
  } catch (error) {
    throw fail(`expected an Excel workbook (.xlsx), got a file that cannot be read as one: ${(error as Error).message}`, 'input-bad-xlsx', { file });
  }
  for (const [i, row] of data.entries()) {
    const cells = row.map(cellText);
    if (cells.some((cell) => cell.trim() !== '')) yield { cells, line: i + 1 };
  }
}
