import { stringify } from 'csv-stringify/sync';

/** Formats rows as CSV text (RFC 4180 quoting, `\n` line ends). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return stringify(rows as Array<Array<string | number>>, { eof: true, record_delimiter: '\n' });
}

/** A byte-order mark: Excel needs it to read UTF-8 CSV files as UTF-8. */
export const BOM = '\uFEFF';
