import { themeEvidenceByCode, type LocatedRow } from '../segments-format.js';
import type { BufferedFile } from './buffered-file.js';
import { BOM, toCsv } from './csv.js';
import type { OutputDir } from './output-dir.js';

/** The columns of `codings.csv`. */
export const CODINGS_COLUMNS = ['participant', 'segment', 'start', 'end', 'dimension', 'code', 'note', 'evidence'] as const;

/** An offset cell: empty when a hand-edited row lost its offset. */
const offset = (value: number) => (Number.isNaN(value) ? '' : value);

/**
 * `codings.csv`, the long ("tidy") table R and pandas users want: one row
 * per segment and code, `dimension` `theme` or `structure`, the tag's note
 * (`message`) in `note`, the words or cues behind the code in `evidence`.
 * Segments without a code have no row. Written as participants come.
 */
export class CodingsTable {
  private constructor(private readonly file: BufferedFile) {}

  /** Starts `codings.csv` in an output folder. */
  static async open(out: OutputDir): Promise<CodingsTable> {
    const file = await out.open('codings.csv');
    await file.write(BOM + toCsv([[...CODINGS_COLUMNS]]));
    return new CodingsTable(file);
  }

  /** Writes one participant's codings, codes as coded (not rolled up to a level). */
  async add(participant: string, rows: readonly LocatedRow[]): Promise<void> {
    const cells = rows.flatMap((row) => {
      const place = [participant, row.segment, offset(row.start), offset(row.end)];
      const evidence = themeEvidenceByCode(row.themeEvidence ?? '');
      return [
        ...row.themes.map((code) => [...place, 'theme', code, '', evidence.get(code) ?? '']),
        ...(row.structure === '' ? [] : [[...place, 'structure', row.structure, row.note, row.structureEvidence ?? '']]),
      ];
    });
    if (cells.length > 0) await this.file.write(toCsv(cells));
  }

  /** Finishes the file. */
  async close(): Promise<void> {
    await this.file.close();
  }
}
