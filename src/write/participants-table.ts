import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ParticipantCounts } from '../tally.js';
import type { BufferedFile } from './buffered-file.js';
import { BOM, toCsv } from './csv.js';
import type { OutputDir } from './output-dir.js';

/** A participant's counts as kept in the working file: ID, segments, theme counts, grid name, metadata. */
type StoredRow = [string, number, Array<[string, number]>, string, Record<string, string>];

/**
 * `participants.csv`, one row per participant, staged as participants come
 * (one JSON line each, in a working file) and written out at the end,
 * when the theme columns and the grids' places are known. Memory does not
 * grow with the number of participants.
 */
export class ParticipantsTable {
  private constructor(
    private readonly work: { file: BufferedFile; path: string },
    private readonly metadataColumns: readonly string[],
  ) {}

  /** Starts the table in an output folder's working folder. */
  static async open(out: OutputDir, metadataColumns: readonly string[]): Promise<ParticipantsTable> {
    return new ParticipantsTable(await out.openWork('participants.jsonl'), metadataColumns);
  }

  /** Stages one participant's row. */
  async add(row: ParticipantCounts): Promise<void> {
    const stored: StoredRow = [row.participant, row.segments, [...row.themes], row.grid, row.metadata];
    await this.work.file.write(`${JSON.stringify(stored)}\n`);
  }

  /**
   * Writes `participants.csv`: participant, segments, one column per theme
   * code (`themes`), the grid's place (`link` of the grid name), then the
   * metadata columns (prefixed `input_` when they clash with ours).
   */
  async write(out: OutputDir, themes: readonly string[], link: (grid: string) => string): Promise<void> {
    await this.work.file.close();
    const own = ['participant', 'segments', 'grid', ...themes].map((name) => name.toLowerCase());
    const header = ['participant', 'segments', ...themes, 'grid', ...this.metadataColumns.map((name) => (own.includes(name.toLowerCase()) ? `input_${name}` : name))];
    const file = await out.open('participants.csv');
    try {
      await file.write(BOM + toCsv([header]));
      for await (const line of createInterface({ input: createReadStream(this.work.path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
        const [participant, segments, counts, grid, metadata] = JSON.parse(line) as StoredRow;
        const byCode = new Map(counts);
        await file.write(toCsv([[participant, segments, ...themes.map((code) => byCode.get(code) ?? 0), link(grid), ...this.metadataColumns.map((name) => metadata[name] ?? '')]]));
      }
    } finally {
      await file.close();
    }
  }
}
