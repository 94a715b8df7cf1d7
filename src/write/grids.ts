import { BOM, toCsv } from './csv.js';
import type { BufferedFile } from './buffered-file.js';
import { FileNamer } from './file-names.js';
import { COMBINED_GRID_HEADER, combinedGridCsv, gridCsv, gridMarkdown, type GridRow } from './grid.js';
import type { OutputDir } from './output-dir.js';

/** How coding grids are written: `files` (one pair per participant), `combined` (`grids.csv` and `grids.md`), `none`, or `auto`. */
export const GRID_MODES = ['auto', 'files', 'combined', 'none'] as const;

/** A way of writing the coding grids; see {@link GRID_MODES}. */
export type GridMode = (typeof GRID_MODES)[number];

/** With `auto`, above this many participants the grids go into `grids.csv` and `grids.md` instead of one file pair each. */
export const GRID_FILES_LIMIT = 1000;

/** A combined grid file being written in the working folder. */
interface Combined {
  csv: { file: BufferedFile; path: string };
  md: { file: BufferedFile; path: string };
}

/**
 * Writes the coding grids as participants come, in the chosen
 * {@link GridMode}. With `auto`, each participant gets `grids/<id>.md` and
 * `.csv` up to {@link GRID_FILES_LIMIT} participants (held in memory and
 * written at the end); above that `grids.csv` and `grids.md` (written
 * alongside from the start) are kept instead, so a large run does not
 * leave a hundred thousand small files.
 */
export class GridWriter {
  private readonly namer = new FileNamer();
  private participants = 0;
  /** The per-participant files written, while there are any. */
  private written: string[] = [];
  /** With `auto`, the per-participant files held until the run shows whether they are wanted (at most {@link GRID_FILES_LIMIT} pairs). */
  private held: Array<[path: string, content: string]> = [];

  private constructor(
    private readonly out: OutputDir,
    private readonly mode: GridMode,
    private readonly combined: Combined | undefined,
  ) {}

  /** Starts the grids of a run in an output folder. */
  static async open(out: OutputDir, mode: GridMode = 'auto'): Promise<GridWriter> {
    let combined: Combined | undefined;
    if (mode === 'auto' || mode === 'combined') {
      combined = { csv: await out.openWork('grids.csv'), md: await out.openWork('grids.md') };
      await combined.csv.file.write(BOM + toCsv([COMBINED_GRID_HEADER]));
    }
    return new GridWriter(out, mode, combined);
  }

  /** True while grids are written one file pair per participant. */
  private get files(): boolean {
    return this.mode === 'files' || (this.mode === 'auto' && this.participants <= GRID_FILES_LIMIT);
  }

  /** Writes one participant's grid; returns the file name (without folder or extension) it has or would have, or an empty name once no per-participant file can be kept. */
  async add(participant: string, rows: readonly GridRow[]): Promise<string> {
    this.participants++;
    // Once no per-participant file can be kept, the names are never used: none is made, so the names seen need not be kept either.
    const name = this.files ? this.namer.name(participant) : '';
    if (this.files) {
      const pair: Array<[string, string]> = [
        [`grids/${name}.md`, gridMarkdown(participant, rows)],
        [`grids/${name}.csv`, BOM + gridCsv(participant, rows)],
      ];
      if (this.mode === 'files') for (const [path, content] of pair) await this.out.write(path, content);
      else this.held.push(...pair);
      this.written.push(...pair.map(([path]) => path));
    } else if (this.written.length > 0) {
      // Past the limit: the per-participant files are not wanted.
      this.written = [];
      this.held = [];
    }
    if (this.combined) {
      await this.combined.csv.file.write(combinedGridCsv(participant, rows));
      await this.combined.md.file.write(`${this.participants > 1 ? '\n' : ''}${gridMarkdown(participant, rows)}`);
    }
    return name;
  }

  /** Where a participant's grid is, as `participants.csv` and `report.md` name it; empty with no grids. */
  link(name: string): string {
    if (this.files) return `grids/${name}.md`;
    return this.combined ? 'grids.md' : '';
  }

  /** Finishes the grids: moves the combined files into place, or drops them when the per-participant files were kept. Returns the files written. */
  async finish(): Promise<string[]> {
    if (!this.combined) return this.written;
    await this.combined.csv.file.close();
    await this.combined.md.file.close();
    if (this.files) {
      for (const [path, content] of this.held) await this.out.write(path, content);
      return this.written;
    }
    await this.out.keep(this.combined.csv.path, 'grids.csv');
    await this.out.keep(this.combined.md.path, 'grids.md');
    return ['grids.csv', 'grids.md'];
  }
}
