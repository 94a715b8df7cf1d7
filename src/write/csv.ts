import { stringify } from 'csv-stringify/sync';

/**
 * A cell that a spreadsheet would run as a formula able to reach beyond
 * the sheet: it begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (perhaps after apostrophes, so that escaping can always be undone, see
 * {@link unescapeFormula}) and holds `(` (a function call, such as
 * HYPERLINK or WEBSERVICE), `|` (a DDE command) or `!` (a reference into
 * another sheet or file). Other formula-like cells ("- I now delegate",
 * `-A1`, `@A3`, `-1.5e3`) can do no harm and are written as they are, so
 * R and pandas read the text exactly.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const REACH = /[(|!]/;

/** A plain decimal number such as `-0.5000`: a spreadsheet reads it as a number, never as a formula. */
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** True when a cell is a formula a spreadsheet would run and that could reach beyond the sheet. */
function runnable(cell: string): boolean {
  return FORMULA.test(cell) && REACH.test(cell) && !NUMBER.test(cell);
}

/** A text cell made safe to open in a spreadsheet: a formula that could reach beyond the sheet gets a leading `'`. */
export function escapeFormula(cell: string): string {
  return runnable(cell) ? `'${cell}` : cell;
}

/** Undoes {@link escapeFormula}, for reading back a CSV this tool wrote (perhaps edited since): only a `'` it would have written is removed. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && runnable(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Formats rows as CSV text (RFC 4180 quoting, `\n` line ends). Text cells
 * that a spreadsheet would run as a formula reaching beyond the sheet are
 * escaped with a leading `'` (see {@link escapeFormula}), so an account
 * cannot run code or fetch a web address in Excel; every other cell is
 * written exactly.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  // A lone `\r` is quoted too: readers (ours included) take it for a line end.
  return stringify(safe, { eof: true, record_delimiter: '\n', quoted_match: '\r' });
}

/** A byte-order mark: Excel needs it to read UTF-8 CSV files as UTF-8. */
export const BOM = '\uFEFF';
