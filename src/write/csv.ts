import { stringify } from 'csv-stringify/sync';

/**
 * A cell Excel or LibreOffice would run as a formula: it begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return, perhaps after apostrophes
 * (so that escaping can always be undone, see {@link unescapeFormula}).
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/** A plain decimal number such as `-0.5000`: a spreadsheet reads it as a number, never as a formula. */
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A text cell made safe to open in a spreadsheet: a formula-like cell (but not a plain number) gets a leading `'`. */
export function escapeFormula(cell: string): string {
  return FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
}

/** Undoes {@link escapeFormula}, for reading back a CSV this tool wrote (perhaps edited since). */
export function unescapeFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Formats rows as CSV text (RFC 4180 quoting, `\n` line ends). Text cells
 * that a spreadsheet would run as a formula are escaped with a leading `'`
 * (numbers are left alone), so an account cannot run code in Excel.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  // A lone `\r` is quoted too: readers (ours included) take it for a line end.
  return stringify(safe, { eof: true, record_delimiter: '\n', quoted_match: '\r' });
}

/** A byte-order mark: Excel needs it to read UTF-8 CSV files as UTF-8. */
export const BOM = '\uFEFF';
