import { atLevel, type Level, type LevelView } from '../codebook/level.js';
import type { Codebook } from '../codebook/types.js';
import { Tally } from '../tally.js';
import { BOM } from './csv.js';
import { FileNamer } from './file-names.js';
import { gridCsv, gridMarkdown, type GridRow } from './grid.js';
import type { OutputDir } from './output-dir.js';
import type { ActiveTags } from '../structure/active-tags.js';
import type { RunInfo } from '../report/data.js';
import { ReportGrids, writeReport } from '../report/write.js';
import { compareGroups, groupColumns, minGroupSize, type GroupComparison, type GroupOptions } from '../groups/compare.js';
import { groupFiles } from '../groups/tables.js';
import type { ReflectMessage } from '../messages.js';
import { frequencies, structureFrequencies, tableFiles, type FrequencyRow } from './tables.js';

/** A participant as the outputs know it: the ID and the metadata carried through. */
export interface CodedParticipant {
  participant: string;
  metadata: Record<string, string>;
}

/**
 * The output step shared by `analyse` and `tabulate`: one coding grid per
 * participant as the participants come, then the frequency tables and
 * (unless turned off) the report. Both commands write their outputs only
 * through this class, so they write them identically.
 */
export class CodingOutputs {
  /** The counts of every participant added so far. */
  readonly tally = new Tally();
  /** Files written, relative to the output folder, in the order written. */
  readonly files: string[] = [];
  /** Warnings about the outputs, such as small groups pooled. */
  readonly messages: ReflectMessage[] = [];
  /** The groups compared (one per `--by` column), once finished. */
  readonly comparisons: GroupComparison[] = [];
  private readonly namer = new FileNamer();

  private constructor(
    private readonly out: OutputDir,
    /** The codebook at the tables' level, and how a segment's codes are counted there. */
    private readonly view: LevelView,
    private readonly rules: ActiveTags,
    private readonly metadataColumns: readonly string[],
    /** The report's grids, staged as participants come; undefined with no report. */
    private readonly grids: ReportGrids | undefined,
    /** The metadata columns to compare groups by, and the smallest group shown. */
    private readonly groups: { columns: string[]; minSize: number },
  ) {}

  /**
   * Starts the outputs of a coding in an output folder; `report` false
   * leaves out report.html, report.md and figures/; `level` `parents`
   * counts each code under its top-level code in grids, tables and report;
   * `groups` adds the tables comparing the groups of metadata columns (an
   * unknown column is a fatal message).
   */
  static async open(out: OutputDir, codebook: Codebook, rules: ActiveTags, metadataColumns: readonly string[], report = true, level?: Level, groups: GroupOptions = {}): Promise<CodingOutputs> {
    const view = atLevel(codebook, level);
    const compared = { columns: groupColumns(groups.by, metadataColumns), minSize: minGroupSize(groups) };
    return new CodingOutputs(out, view, rules, metadataColumns, report ? await ReportGrids.open(out) : undefined, compared);
  }

  private get codebook(): Codebook {
    return this.view.codebook;
  }

  /** Writes one participant's grid (Markdown and CSV) and counts its segments. */
  async add(participant: CodedParticipant, coded: readonly GridRow[]): Promise<void> {
    const rows = coded.map((row) => ({ ...row, themes: this.view.rollUp(row.themes) }));
    const grid = this.namer.name(participant.participant);
    await this.out.write(`grids/${grid}.md`, gridMarkdown(participant.participant, rows));
    await this.out.write(`grids/${grid}.csv`, BOM + gridCsv(participant.participant, rows));
    this.files.push(`grids/${grid}.md`, `grids/${grid}.csv`);
    await this.grids?.add(participant.participant, rows);
    this.tally.add({ participant: participant.participant, metadata: participant.metadata, grid }, rows);
  }

  /** Writes `themes.csv`, `structure.csv`, `participants.csv`, `theme-structure.csv`, the group tables and the report (with `run` in its summary). */
  async finish(run: RunInfo): Promise<void> {
    for (const column of this.groups.columns) this.comparisons.push(compareGroups(this.tally, column, this.codebook, this.rules, this.groups.minSize));
    const tables = { ...tableFiles(this.tally, this.codebook, this.rules, this.metadataColumns), ...Object.assign({}, ...this.comparisons.map(groupFiles)) } as Record<string, string>;
    for (const [name, content] of Object.entries(tables)) {
      await this.out.write(name, content);
      this.files.push(name);
    }
    this.messages.push(...this.comparisons.flatMap((comparison) => comparison.messages));
    if (this.grids) this.files.push(...(await writeReport(this.out, { tally: this.tally, codebook: this.codebook, rules: this.rules, run, grids: this.grids, comparisons: this.comparisons })));
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
