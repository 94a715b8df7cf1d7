import { fail } from '../messages.js';
import { csvRecords } from './csv.js';

/** A row of a CSV read by column name: `cell(name)` is its trimmed cell ('' for a column the file lacks). */
export interface NamedRow {
  cell(name: string): string;
  line: number;
}

/**
 * Streams the rows of a CSV with a header, read by column name (any
 * case): a coding laid out as a segments.csv, whose formula guards are
 * removed as reflect-code's own are. A missing `required` column stops with a `reference-missing-column`
 * message at the header: "expected {what} with ... columns, got no ... column".
 */
export async function* namedRows(file: string, required: readonly string[], what: string): AsyncGenerator<NamedRow> {
  let columns: Map<string, number> | undefined;
  for await (const { cells, line } of csvRecords(file, { unescapeFormulas: true })) {
    if (!columns) {
      columns = new Map(cells.map((cell, i) => [cell.trim().toLowerCase(), i]));
      const missing = required.find((name) => !columns!.has(name));
      if (missing) throw fail(`expected ${what} with ${required.slice(0, -1).join(', ')} and ${required.at(-1)} columns, got no "${missing}" column`, 'reference-missing-column', { file, line });
      continue;
    }
    const found = columns;
    yield { cell: (name) => (found.has(name) ? (cells[found.get(name)!] ?? '').trim() : ''), line };
  }
}
