import { csvRecords } from '../load/csv.js';
import { fail } from '../messages.js';
import { splitCodes } from '../segments-format.js';
import { didYouMean } from '../text/closest.js';
import type { GridRow } from '../write/grid.js';

/** A row of a (possibly hand-corrected) `segments.csv`. */
export interface SegmentRow extends GridRow {
  participant: string;
  /** The segment number, or NaN when the cell is empty. */
  segment: number;
  /** The line of the file the row starts on. */
  line: number;
}

const REQUIRED = ['participant', 'segment', 'text', 'themes', 'structure'] as const;

/**
 * Streams the rows of a `segments.csv`, as written by `analyse` or edited
 * in a spreadsheet: column names are matched ignoring case and spaces,
 * codes may be separated by `;`, `,` or `/`.
 */
export async function* readSegments(file: string): AsyncGenerator<SegmentRow> {
  let index: Record<string, number> | undefined;
  for await (const { cells, line } of csvRecords(file)) {
    if (!index) {
      const names = cells.map((name) => name.trim().toLowerCase());
      index = {};
      for (const column of [...REQUIRED, 'structure_note', 'theme_evidence', 'structure_evidence']) index[column] = names.indexOf(column);
      const missing = REQUIRED.filter((column) => index![column] < 0);
      if (missing.length > 0) {
        throw fail(`expected a segments.csv with columns ${REQUIRED.join(', ')}, got no "${missing[0]}" column${didYouMean(missing[0], names)}`, 'segments-missing-column', { file, line });
      }
      continue;
    }
    const cell = (column: string) => (index![column] >= 0 ? (cells[index![column]] ?? '') : '');
    yield {
      participant: cell('participant').trim(),
      segment: cell('segment').trim() === '' ? Number.NaN : Number(cell('segment')),
      text: cell('text'),
      themes: splitCodes(cell('themes')),
      structure: cell('structure').trim(),
      note: cell('structure_note').trim(),
      themeEvidence: cell('theme_evidence').trim(),
      structureEvidence: cell('structure_evidence').trim(),
      line,
    };
  }
  if (!index) throw fail('expected a segments.csv with a header row, got an empty file', 'input-empty-file', { file });
}

/** The rows of one participant, in segment order (file order where numbers are missing or equal). */
export async function participantRows(file: string, participant: string): Promise<SegmentRow[]> {
  const rows: SegmentRow[] = [];
  const seen = new Set<string>();
  for await (const row of readSegments(file)) {
    seen.add(row.participant);
    if (row.participant === participant) rows.push(row);
  }
  if (rows.length === 0) {
    const known = [...seen];
    const listed = known.length > 8 ? `${known.slice(0, 8).join(', ')}, ...` : known.join(', ');
    throw fail(`expected a participant in the file, got no rows for "${participant}"${didYouMean(participant, known)}; participants: ${listed || 'none'}`, 'participant-not-found', { file });
  }
  const order = (row: SegmentRow) => (Number.isNaN(row.segment) ? Infinity : row.segment);
  return rows.sort((a, b) => order(a) - order(b) || a.line - b.line);
}
