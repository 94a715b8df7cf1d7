import { metadataRecord } from '../load/account.js';
import { extname } from 'node:path';
import { csvRecords } from '../load/csv.js';
import { xlsxRecords } from '../load/xlsx-records.js';
import { fail, warn, type ReflectMessage } from '../messages.js';
import { metadataName, SEGMENT_COLUMNS, splitCodes } from '../segments-format.js';
import { didYouMean } from '../text/closest.js';
import { naturalOrder } from '../text/natural-order.js';
import { codePointOffsets } from './older-offsets.js';
import type { GridRow } from '../write/grid.js';

/** A row of a (possibly hand-corrected) `segments.csv`. */
export interface SegmentRow extends GridRow {
  participant: string;
  /** The segment number, or NaN when the cell is empty or not a whole number. */
  segment: number;
  /** The offsets of the segment in its account, or NaN when the cell is empty or not a whole number. */
  start: number;
  end: number;
  /** The metadata columns of the row, by column name. */
  metadata: Record<string, string>;
  /** The line of the file the row starts on. */
  line: number;
}

/** A whole `segments.csv`: its rows in file order, its metadata columns, and problems met reading it. */
export interface SegmentsFile {
  file: string;
  metadataColumns: string[];
  rows: SegmentRow[];
  /** Warnings, e.g. a segment number that is not a number. */
  messages: ReflectMessage[];
}

const REQUIRED = ['participant', 'segment', 'text', 'themes', 'structure'] as const;
const KNOWN: ReadonlySet<string> = new Set(SEGMENT_COLUMNS);

/** A header cell as compared: `Structure Note ` matches `structure_note`. */
function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

interface Header {
  index: Record<string, number>;
  metadata: Array<{ index: number; name: string }>;
}

function readHeader(cells: readonly string[], file: string, line: number): Header {
  const keys = cells.map(columnKey);
  const index: Record<string, number> = {};
  for (const column of SEGMENT_COLUMNS) index[column] = keys.indexOf(column);
  const missing = REQUIRED.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    throw fail(`expected a segments.csv with columns ${REQUIRED.join(', ')}, got no "${missing[0]}" column${didYouMean(missing[0], keys)}`, 'segments-missing-column', { file, line });
  }
  const metadata = cells
    .map((name, column) => ({ index: column, name: metadataName(name.trim()) }))
    .filter(({ index: column, name }) => !KNOWN.has(keys[column]) && name !== '');
  return { index, metadata };
}

/** A whole number from a cell; NaN (and a warning) when the cell holds something else. */
function wholeNumber(value: string, column: string, place: { file: string; line: number }, messages: ReflectMessage[]): number {
  const text = value.trim();
  if (text === '') return Number.NaN;
  if (/^\d+$/.test(text)) return Number(text);
  messages.push(warn(`expected a whole number in the ${column} column, got "${text}"; the row is read without it`, 'segments-not-a-number', place));
  return Number.NaN;
}

function readRow(cells: readonly string[], { index, metadata }: Header, place: { file: string; line: number }, messages: ReflectMessage[]): SegmentRow {
  const cell = (column: string) => (index[column] >= 0 ? (cells[index[column]] ?? '') : '');
  const participant = cell('participant').trim();
  if (participant === '') throw fail('expected a participant ID in every row, got an empty participant cell', 'segments-no-participant', place);
  const row: SegmentRow = {
    participant,
    segment: wholeNumber(cell('segment'), 'segment', place, messages),
    start: wholeNumber(cell('start'), 'start', place, messages),
    end: wholeNumber(cell('end'), 'end', place, messages),
    text: cell('text'),
    themes: splitCodes(cell('themes')),
    structure: cell('structure').trim(),
    note: cell('structure_note').trim().toLowerCase(),
    themeEvidence: cell('theme_evidence'),
    structureEvidence: cell('structure_evidence'),
    section: cell('section').trim(),
    metadata: metadataRecord(),
    line: place.line,
  };
  for (const column of metadata) row.metadata[column.name] = (cells[column.index] ?? '');
  return row;
}

/**
 * Reads a whole `segments.csv`, as written by `analyse` or edited in a
 * spreadsheet (or `segments.xlsx`, the review workbook, saved from Excel): a BOM, CRLF line ends and trailing spaces are allowed;
 * column names are matched ignoring case, spaces and column order; codes
 * may be separated by `;`, `,` or `/`; rows left blank are skipped; the
 * other columns are metadata. Codes are kept as written (see `readCoding`).
 * Offsets are code points; a file that counts UTF-16 units (written by an
 * earlier reflect-code) is converted (see {@link codePointOffsets}).
 */
export async function readSegmentsFile(file: string): Promise<SegmentsFile> {
  let header: Header | undefined;
  const rows: SegmentRow[] = [];
  const messages: ReflectMessage[] = [];
  // A segments.csv is reflect-code's own format: the `'` it puts before a formula-like cell is removed.
  const records = extname(file).toLowerCase() === '.xlsx' ? xlsxRecords(file) : csvRecords(file, { unescapeFormulas: true }, (message) => messages.push(message));
  for await (const { cells, line } of records) {
    if (!header) {
      header = readHeader(cells, file, line);
      continue;
    }
    if (cells.every((cell) => cell.trim() === '')) continue;
    rows.push(readRow(cells, header, { file, line }, messages));
  }
  if (!header) throw fail('expected a segments.csv with a header row, got an empty file', 'input-empty-file', { file });
  codePointOffsets(rows);
  return { file, metadataColumns: header.metadata.map(({ name }) => name), rows, messages };
}

/** Orders rows by segment number; rows without a number, and rows with equal numbers, keep file order. */
function bySegment(a: SegmentRow, b: SegmentRow): number {
  const order = (row: SegmentRow) => (Number.isNaN(row.segment) ? Infinity : row.segment);
  return order(a) - order(b) || a.line - b.line;
}

/** Groups rows by participant: participants in natural order (A2 before A10), rows in segment order. */
export function byParticipant(rows: readonly SegmentRow[]): Map<string, SegmentRow[]> {
  const groups = new Map<string, SegmentRow[]>();
  for (const row of rows) {
    const group = groups.get(row.participant) ?? [];
    group.push(row);
    groups.set(row.participant, group);
  }
  return new Map([...groups.keys()].sort(naturalOrder).map((participant) => [participant, groups.get(participant)!.sort(bySegment)]));
}

