import type { Codebook } from '../codebook/types.js';
import { Tally } from '../tally.js';
import { BOM } from './csv.js';
import { FileNamer } from './file-names.js';
import { gridCsv, gridMarkdown, type GridRow } from './grid.js';
import type { OutputDir } from './output-dir.js';
import { frequencies, structureFrequencies, tableFiles, type CodeList, type FrequencyRow } from './tables.js';

/** A participant as the outputs know it: the ID and the metadata carried through. */
export interface CodedParticipant {
  participant: string;
  metadata: Record<string, string>;
}

/**
 * The output step shared by `analyse` and `tabulate`: one coding grid per
 * participant as the participants come, then the frequency tables. Both
 * commands write their grids and tables only through this class, so they
 * write them identically; anything more built from a coding (a report)
 * belongs in {@link CodingOutputs.add} and {@link CodingOutputs.finish}.
 */
export class CodingOutputs {
  /** The counts of every participant added so far. */
  readonly tally = new Tally();
  /** Files written, relative to the output folder, in the order written. */
  readonly files: string[] = [];
  private readonly namer = new FileNamer();

  constructor(
    private readonly out: OutputDir,
    private readonly codebook: Codebook,
    private readonly rules: CodeList,
    private readonly metadataColumns: readonly string[],
  ) {}

  /** Writes one participant's grid (Markdown and CSV) and counts its segments. */
  async add(participant: CodedParticipant, rows: readonly GridRow[]): Promise<void> {
    const grid = this.namer.name(participant.participant);
    await this.out.write(`grids/${grid}.md`, gridMarkdown(participant.participant, rows));
    await this.out.write(`grids/${grid}.csv`, BOM + gridCsv(participant.participant, rows));
    this.files.push(`grids/${grid}.md`, `grids/${grid}.csv`);
    this.tally.add({ participant: participant.participant, metadata: participant.metadata, grid }, rows);
  }

  /** Writes `themes.csv`, `structure.csv`, `participants.csv` and `theme-structure.csv`. */
  async finish(): Promise<void> {
    for (const [name, content] of Object.entries(tableFiles(this.tally, this.codebook, this.rules, this.metadataColumns))) {
      await this.out.write(name, content);
      this.files.push(name);
    }
  }

  /** Theme frequencies, most segments first. */
  themes(): FrequencyRow[] {
    return frequencies(this.codebook, this.tally.themeSegments, this.tally.themeParticipants, this.tally);
  }

  /** Structure tag frequencies, most segments first. */
  structure(): FrequencyRow[] {
    return structureFrequencies(this.rules, this.tally);
  }
}
