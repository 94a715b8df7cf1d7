import { unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { SEGMENT_COLUMNS, rowCells, type LocatedRow } from '../segments-format.js';
import type { OutputDir } from './output-dir.js';

/** The most segments `segments.xlsx` is written for: review by hand stops well short of it, and the workbook is built in memory. */
export const WORKBOOK_LIMIT = 20_000;

/** Columns holding whole numbers; every other cell is text. */
const NUMBERS: ReadonlySet<string> = new Set(['segment', 'start', 'end']);

/** Column widths, in characters, by column. */
const WIDTHS: Readonly<Record<string, number>> = { participant: 12, segment: 8, start: 7, end: 7, text: 70, themes: 14, structure: 9, theme_evidence: 30, structure_evidence: 30, structure_note: 10, section: 16 };

/** An archive's entries again, with a fixed time, so the same rows give the same bytes. */
function fixedTime(archive: Uint8Array): Uint8Array {
  return zipSync(unzipSync(archive), { level: 6, mtime: new Date(2000, 0, 1) });
}

/**
 * `segments.xlsx`, the review workbook: the rows of `segments.csv` with
 * every text a typed text cell, so nothing a participant wrote can run as
 * a formula, and nothing needs escaping (`=`, `-`, `+`, `@`, leading
 * zeros, long numbers all stay as written); the header row bold and
 * frozen. Rows are kept as they come up to {@link WORKBOOK_LIMIT}
 * segments; past it the workbook is not written.
 */
export class ReviewWorkbook {
  private rows: Row[] = [];
  private segments = 0;
  /** The header row: `segments.csv`'s columns, then the metadata columns' headers. */
  private readonly header: readonly string[];

  constructor(metadataHeaders: readonly string[]) {
    this.header = [...SEGMENT_COLUMNS, ...metadataHeaders];
  }

  /** Keeps one account's rows, while the limit allows. */
  add(participant: string, metadata: Readonly<Record<string, string>>, rows: readonly LocatedRow[], metadataColumns: readonly string[]): void {
    this.segments += rows.length;
    if (this.segments > WORKBOOK_LIMIT) {
      this.rows = [];
      return;
    }
    for (const row of rows) {
      const cells = rowCells({ participant, ...row }, row, metadataColumns.map((name) => metadata[name] ?? ''));
      this.rows.push(cells.map((value, i): Cell => (NUMBERS.has(this.header[i]) && /^\d+$/.test(value) ? { value: Number(value), type: Number } : { value, type: String })));
    }
  }

  /** Writes `segments.xlsx` into the output folder, unless there were more than {@link WORKBOOK_LIMIT} segments; true when written. */
  async write(out: OutputDir): Promise<boolean> {
    if (this.segments > WORKBOOK_LIMIT) return false;
    const sheet: Row[] = [this.header.map((value): Cell => ({ value, type: String, fontWeight: 'bold' })), ...this.rows];
    const columns = this.header.map((name) => ({ width: WIDTHS[name] ?? 14 }));
    const archive = await writeXlsxFile(sheet, { columns, stickyRowsCount: 1, sheet: 'segments' }).toBuffer();
    await out.write('segments.xlsx', fixedTime(archive));
    return true;
  }
}
